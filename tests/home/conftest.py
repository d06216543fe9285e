import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches the site's root paths; each test builds its own site."""
    cache.clear()
    yield
    cache.clear()
