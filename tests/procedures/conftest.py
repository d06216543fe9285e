"""Builders for the procedure tests: the shipped fixture, a directory page, a private index."""

import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import override_settings

from portal.search import elastic
from procedures import indexing, spelling, synonyms
from procedures.importing.sources import read
from procedures.importing.upsert import ProcedureImporter
from procedures.models import Agency, Procedure, ProcedureDirectoryPage
from tests.conftest import add_page

FIXTURE = Path(django_settings.BASE_DIR) / "procedures" / "fixtures" / "procedures-sample.jsonl"


def import_file(path):
    return ProcedureImporter().run(read(path))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Procedure links come from a cached directory URL, the synonym dictionary and the
    catalogue's vocabulary from per-process copies: every test starts without them."""
    cache.clear()
    synonyms.forget()
    spelling.forget()


@pytest.fixture
def catalogue(db):
    """The 84 real procedures shipped with the project, imported."""
    summary = import_file(FIXTURE)
    assert summary.created == 84
    return summary


@pytest.fixture(scope="module")
def shared_catalogue(django_db_setup, django_db_blocker):
    """The fixture imported once for a module of read-only tests (each test still runs in a
    transaction rolled back at its end), removed when the module is done."""
    with django_db_blocker.unblock():
        assert import_file(FIXTURE).created == 84
    yield
    with django_db_blocker.unblock():
        Procedure.objects.all().delete()
        Agency.objects.all().delete()


@pytest.fixture
def database_search(settings):
    """Search without Elasticsearch: the embedded default."""
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def directory(home_page):
    return add_page(
        home_page, ProcedureDirectoryPage, title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh"
    )


def _drop_indices(alias):
    client = elastic.get_client()
    names = list(client.indices.get(index=f"{alias}*", allow_no_indices=True))
    if names:  # the server refuses wildcard deletes: name each index
        client.indices.delete(index=",".join(names), ignore_unavailable=True)


def _unique_prefix():
    return f"{django_settings.ELASTICSEARCH_INDEX_PREFIX}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def private_index(settings):
    """A per-test index prefix on the real server, deleted afterwards."""
    settings.ELASTICSEARCH_INDEX_PREFIX = _unique_prefix()
    alias = indexing.alias_name()
    yield alias
    _drop_indices(alias)


@pytest.fixture(scope="module")
def shared_index(shared_catalogue, django_db_blocker):
    """The shared catalogue indexed once for a module of read-only Elasticsearch tests."""
    from tests.conftest import service

    if not service("elasticsearch")[0]:
        yield None  # the elasticsearch marker skips (or fails) each test
        return
    with override_settings(ELASTICSEARCH_INDEX_PREFIX=_unique_prefix()):
        with django_db_blocker.unblock():
            assert indexing.rebuild()["count"] == 84
        alias = indexing.alias_name()
        yield alias
        _drop_indices(alias)


@pytest.fixture
def indexed_catalogue(db, shared_index):
    return shared_index


@pytest.fixture
def own_index(db, private_index):
    """A private index of the shared catalogue, for tests that change what is indexed."""
    assert indexing.rebuild()["count"] == 84
    return private_index
