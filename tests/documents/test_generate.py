"""generate_documents: synthetic volume that both backends search and count the same, and list
pages whose query count does not grow with it."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents import indexing
from documents.fallback import DatabaseDocumentQuery
from documents.models import LegalDocumentPage
from documents.params import DocumentSearchParams
from documents.queries import DocumentQuery

pytestmark = [pytest.mark.django_db, pytest.mark.postgres, pytest.mark.elasticsearch]


def test_generated_documents_are_live_searchable_and_counted_alike(index_page, document_index):
    call_command("generate_documents", "300", "--batch-size", "120", verbosity=0)
    assert LegalDocumentPage.objects.live().child_of(index_page).count() == 300
    assert indexing.rebuild()["count"] == 300
    params = DocumentSearchParams(q="chuyen doi so")
    es = DocumentQuery(params, lambda slug: slug).execute()
    db = DatabaseDocumentQuery(params, lambda slug: slug).execute()
    assert es.count == db.count > 0
    assert [h["number"] for h in es.results] == [h["number"] for h in db.results]
    assert es.facets == db.facets
    first = LegalDocumentPage.objects.live().first()
    assert first.url.startswith("/van-ban/van-ban-tong-hop-")


def test_list_pages_cost_the_same_queries_whatever_the_page_and_the_match_count(
    client, index_page, document_index, settings
):
    """No query per hit: a full page of 20, the last page and a single match cost the same,
    on both backends, on the search page and in the API (the issue: "list pages keep a
    constant query count"). A search with words is compared with searches with words: the
    page counts its term (Reports → Search terms), a browse is not counted. The fewest of two
    visits, as in tests/ops/test_query_counts.py: a shared cache with a short life (the
    footer's visit figures, 25 s) may expire between two requests on a loaded machine."""
    settings.PAGE_CACHE_ENABLED = False
    call_command("generate_documents", "300", "--batch-size", "150", verbosity=0)
    indexing.rebuild()
    one = LegalDocumentPage.objects.live().order_by("pk").first().number
    browse = [{}, {"page": "15"}]
    search = [{"q": "ke hoach"}, {"q": "ke hoach", "page": "2"}, {"q": one}]
    for backend in ("elasticsearch", "database"):
        if backend == "database":
            settings.ELASTICSEARCH_URL = ""
        for url, page in (("/van-ban/", "trang"), ("/api/v1/documents/", "page")):
            for group in (browse, search):
                counts = []
                for params in group:
                    params = {page if key == "page" else key: v for key, v in params.items()}
                    client.get(url, params)  # warm per-process caches
                    counts.append(min(_queries(client, url, params) for _ in range(2)))
                assert len(set(counts)) == 1, (backend, url, group, counts)
        body = client.get("/api/v1/documents/", {"page": "15"}).json()
        assert body["backend"] == backend and len(body["results"]) == 20
        assert client.get("/api/v1/documents/", {"q": one}).json()["count"] == 1


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, (url, params)
    return len(queries)
