"""Citizens' own words find the procedure they mean, over the whole national catalogue.

The 2,642 procedures come from `tests/procedures/data/catalogue-search.jsonl.gz` (derived from
the national export by `bench/search_corpus_fixture.py`; source in procedures/fixtures/README.md),
imported and indexed once for this module. The phrasings and their expected codes are in
`citizen_phrasings.py`; the default synonym dictionary is the one the migration loads.
"""

import gzip
import shutil
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from procedures import indexing, words_column
from procedures.links import procedure_url_builder
from procedures.models import Agency, Procedure
from procedures.queries import SearchParams, search_procedures
from tests.procedures.citizen_phrasings import CATALOGUE_SIZE, PHRASINGS, TOP, evaluate
from tests.procedures.conftest import _drop_indices, _unique_prefix, import_file

DATA = Path(__file__).parent / "data" / "catalogue-search.jsonl.gz"
REQUIRED_SHARE = 0.9


@pytest.fixture(scope="module")
def whole_catalogue(django_db_setup, django_db_blocker, tmp_path_factory):
    path = tmp_path_factory.mktemp("catalogue") / "catalogue.jsonl"
    with gzip.open(DATA, "rb") as source, open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    with django_db_blocker.unblock():
        assert import_file(path).created == CATALOGUE_SIZE
    yield
    with django_db_blocker.unblock():
        Procedure.objects.all().delete()
        Agency.objects.all().delete()


@pytest.fixture(scope="module")
def whole_index(whole_catalogue, django_db_blocker):
    from tests.conftest import service

    if not service("elasticsearch")[0]:
        yield None
        return
    with override_settings(ELASTICSEARCH_INDEX_PREFIX=_unique_prefix()):
        with django_db_blocker.unblock():
            assert indexing.rebuild()["count"] == CATALOGUE_SIZE
        alias = indexing.alias_name()
        yield alias
        _drop_indices(alias)


def search(query):
    return search_procedures(SearchParams(q=query), procedure_url_builder())


def _report(outcomes):
    """The share passed, and the misses with what came first instead (for the message)."""
    misses = [(query, top) for query, ok, top in outcomes if not ok]
    return 1 - len(misses) / len(outcomes), misses


def test_the_corpus_is_large_enough_and_has_the_issues_phrasings():
    queries = [query for query, _ in PHRASINGS]
    assert len(queries) >= 60
    for phrasing in ("làm sổ hồng", "CMT", "ĐKKD", "giấy chứng tử", "dang ky ket hn"):
        assert phrasing in queries
    assert "trợ cấp thất nghiệp cho người mất việc" in queries
    assert "thủ tục xin giấy phép như thế nào" in queries


@pytest.mark.elasticsearch
@pytest.mark.usefixtures("db", "whole_index")
def test_citizen_phrasings_on_elasticsearch():
    assert search("giấy chứng tử").backend == "elasticsearch"
    share, misses = _report(evaluate(search))
    assert share >= REQUIRED_SHARE, misses


@pytest.mark.usefixtures("db", "whole_catalogue", "database_search")
def test_citizen_phrasings_on_the_database():
    assert search("giấy chứng tử").backend == "database"
    share, misses = _report(evaluate(search))
    assert share >= REQUIRED_SHARE, misses


@pytest.mark.postgres
@pytest.mark.usefixtures("db", "whole_catalogue", "database_search")
def test_the_words_column_finds_and_ranks_as_the_text_scan(monkeypatch):
    # PostgreSQL matches the text's words in a tsvector column (procedures.words_column); it
    # must answer exactly as LIKE on search_text, which SQLite still uses. The two
    # "1.0048" and "mau_01" queries take the LIKE path for their words.
    queries = [query for query, _ in PHRASINGS] + ["1.0048", "mau_01 cap lai giay chung nhan"]
    with CaptureQueriesContext(connection) as column_used:
        indexed = [answer(search(query)) for query in queries]
    monkeypatch.setattr(words_column, "available", lambda: False)
    with CaptureQueriesContext(connection) as text_scanned:
        scanned = [answer(search(query)) for query in queries]

    assert any("search_words" in query["sql"] for query in column_used.captured_queries)
    assert not any("search_words" in query["sql"] for query in text_scanned.captured_queries)
    assert sum(count for count, _, _ in indexed) > 10 * len(queries)  # not trivially equal
    assert indexed == scanned


def answer(response):
    return response.count, [hit["code"] for hit in response.results], response.facets


def _official_names():
    """Every 25th procedure's official name (106 of them), and the codes bearing it."""
    names = list(Procedure.objects.order_by("code").values_list("name", flat=True)[::25])
    codes = {}
    for code, name in Procedure.objects.filter(name__in=names).values_list("code", "name"):
        codes.setdefault(name, set()).add(code)
    return codes


def _official_names_found(backend):
    misses = []
    for name, codes in _official_names().items():
        response = search(name)
        assert response.backend == backend
        if not {hit["code"] for hit in response.results[:TOP]} & codes:
            misses.append(name)
    return misses


@pytest.mark.elasticsearch
@pytest.mark.usefixtures("db", "whole_index")
def test_official_names_still_come_first_on_elasticsearch():
    assert _official_names_found("elasticsearch") == []


@pytest.mark.usefixtures("db", "whole_catalogue", "database_search")
def test_official_names_still_come_first_on_the_database():
    assert _official_names_found("database") == []
