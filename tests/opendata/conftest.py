"""Builders for the open-data tests: the news and dialogue sections' own builders, reused."""

import pytest

from tests.dialogue.conftest import (  # noqa: F401 - fixtures
    IDENTITY,
    agency,
    answerer,
    leader,
    make_question,
    moderator,
    publish,
    section,
    sector,
)
from tests.news.conftest import (  # noqa: F401 - fixtures
    at,
    categories,
    make_article,
    make_image,
    news_index,
    quick_article,
)


@pytest.fixture(autouse=True)
def _fresh_rate_limit(db):
    """Each test starts with no API request counted against its address."""
    from django.core.cache import caches

    caches["api"].clear()
