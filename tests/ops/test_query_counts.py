"""Every page of the demo portal renders uncached in at most 15 SQL queries.

The pages come from the live page tree after `load_demo_data`, so each section's pages join
this check as soon as its demo content lands. bench/ops.py reports the same counts.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.search import elastic

MAX_QUERIES = 15


@pytest.fixture
def demo_pages(db, settings):
    settings.PAGE_CACHE_ENABLED = False
    call_command("load_demo_data", verbosity=0)
    return [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]


def test_every_demo_page_renders_in_at_most_15_queries(client, demo_pages):
    counts = {}
    for url in demo_pages:
        client.get(url)  # warm per-process caches (content types, site root paths)
        # The fewest of two warm visits: the walk takes minutes on a loaded machine, so a
        # shared cache with a short life (the menus', 120 s) may expire during one visit, and
        # rebuilding it is not what that page costs.
        visits = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, url
            visits.append(len(queries))
        counts[url] = min(visits)

    assert len(counts) >= 8
    assert {url: n for url, n in counts.items() if n > MAX_QUERIES} == {}


# Each search's budget. The site search is over 15: it asks every section (pages, answers,
# procedures, documents, contacts) and Wagtail's database search counts and fetches each
# separately; this keeps it from growing until those are merged.
SEARCHES = {
    "/thu-tuc-hanh-chinh/?q=dang+ky+khai+sinh": MAX_QUERIES,
    "/thu-tuc-hanh-chinh/?q=l%C3%A0m+s%E1%BB%95+h%E1%BB%93ng": MAX_QUERIES,
    "/van-ban/?q=ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh": MAX_QUERIES,
    "/tim-kiem/?q=khai+sinh": 20,
}


@pytest.fixture
def indexed_demo(demo_pages, settings):
    """The demo with its procedures and documents in Elasticsearch, as in production."""
    from documents import indexing as document_indexing
    from procedures import indexing as procedure_indexing

    settings.ELASTICSEARCH_INDEX_PREFIX = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-budget"
    procedure_indexing.rebuild()
    document_indexing.rebuild()
    yield demo_pages
    client = elastic.get_client()
    names = list(client.indices.get(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*"))
    if names:  # the server refuses wildcard deletes: name each index
        client.indices.delete(index=",".join(names), ignore_unavailable=True)


@pytest.mark.elasticsearch
@pytest.mark.parametrize("url", SEARCHES)
def test_searches_stay_within_their_budget(client, indexed_demo, url):
    """A search is a page too, counted searches included (Reports → Search terms): bench/ops.py
    measured the procedure search at 16 queries, 7 of them spent counting the term."""
    client.get(url)
    visits = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        visits.append([q["sql"][:120] for q in queries.captured_queries])
    fewest = min(visits, key=len)
    assert len(fewest) <= SEARCHES[url], "\n".join(fewest)
