"""Builders for the procedure tests: the shipped fixture, a directory page, a private index."""

import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache

from search import elastic, indexing
from search.importing.sources import read
from search.importing.upsert import ProcedureImporter
from search.models import ProcedureDirectoryPage
from tests.conftest import add_page

FIXTURE = Path(django_settings.BASE_DIR) / "search" / "fixtures" / "procedures-sample.jsonl"


def import_file(path):
    return ProcedureImporter().run(read(path))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Procedure links come from a cached directory URL: every test starts without it."""
    cache.clear()


@pytest.fixture
def catalogue(db):
    """The 84 real procedures shipped with the project, imported."""
    summary = import_file(FIXTURE)
    assert summary.created == 84
    return summary


@pytest.fixture
def database_search(settings):
    """Search without Elasticsearch: the embedded default."""
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def directory(home_page):
    return add_page(
        home_page, ProcedureDirectoryPage, title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh"
    )


@pytest.fixture
def private_index(settings):
    """A per-test index prefix on the real server, deleted afterwards."""
    settings.ELASTICSEARCH_INDEX_PREFIX = (
        f"{django_settings.ELASTICSEARCH_INDEX_PREFIX}-{uuid.uuid4().hex[:8]}"
    )
    alias = indexing.alias_name()
    yield alias
    client = elastic.get_client()
    names = list(client.indices.get(index=f"{alias}*", allow_no_indices=True))
    if names:  # the server refuses wildcard deletes: name each index
        client.indices.delete(index=",".join(names), ignore_unavailable=True)


@pytest.fixture
def indexed_catalogue(catalogue, private_index):
    """The fixture imported and indexed in Elasticsearch."""
    result = indexing.rebuild()
    assert result["count"] == 84
    return private_index
