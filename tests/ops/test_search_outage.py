"""Elasticsearch going away and coming back, as visitors see it through the page cache.

Found by the ES outage drill (bench/drills.py): a search answered by the database fallback
during an outage was stored in the page cache, so the same URL kept the fallback's answer for
PAGE_CACHE_SECONDS after Elasticsearch was back. The shared server is never stopped here: the
outage is a client pointed at a closed port, the recovery is the real server.
"""

from contextlib import contextmanager

import pytest
from elasticsearch import Elasticsearch

from portal.search import elastic
from tests.procedures.conftest import (  # noqa: F401 - fixtures
    directory,
    indexed_catalogue,
    shared_catalogue,
    shared_index,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.elasticsearch,
    pytest.mark.usefixtures("indexed_catalogue"),
]

API = "/api/v1/procedures/?q=dang+ky+khai+sinh"
AUTOCOMPLETE = "/api/v1/procedures/autocomplete/?q=dang+ky+khai+s"
PAGE = "/thu-tuc-hanh-chinh/?q=dang+ky+khai+sinh"


@contextmanager
def outage():
    """Elasticsearch stopped: every request to it is refused (the discard port is closed)."""
    closed = Elasticsearch("http://127.0.0.1:9", request_timeout=2, max_retries=0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(elastic, "get_client", lambda: closed)
        yield


def test_fallback_answers_are_not_cached_and_elasticsearch_answers_again(client):
    before = client.get(API)
    assert before.json()["backend"] == "elasticsearch"
    assert client.get(API)["X-Page-Cache"] == "HIT"

    with outage():
        during = client.get(API + "&trang=1")
        during_again = client.get(API + "&trang=1")
    assert during.status_code == 200
    assert during.json()["backend"] == "database"
    assert during.json()["results"][0]["code"] == "1.001193"
    assert "no-store" in during["Cache-Control"]
    assert "X-Page-Cache" not in during and "X-Page-Cache" not in during_again

    after = client.get(API + "&trang=1")
    assert after.json()["backend"] == "elasticsearch"
    assert after["X-Page-Cache"] == "MISS"


def test_autocomplete_fallback_is_not_cached(client):
    with outage():
        during = client.get(AUTOCOMPLETE)
    assert during.json()["backend"] == "database"
    assert during.json()["results"], "the database still suggests procedures"
    assert "no-store" in during["Cache-Control"]

    after = client.get(AUTOCOMPLETE)
    assert after.json()["backend"] == "elasticsearch"
    assert after["Cache-Control"] == "public, max-age=60"


@pytest.mark.usefixtures("directory")
def test_directory_page_during_an_outage_is_not_cached(client):
    with outage():
        during = client.get(PAGE)
    assert during.status_code == 200
    assert "1.001193" in during.content.decode()  # the birth registration procedure
    assert "no-store" in during["Cache-Control"]
    assert "X-Page-Cache" not in during

    assert client.get(PAGE)["X-Page-Cache"] == "MISS"
    assert client.get(PAGE)["X-Page-Cache"] == "HIT"
