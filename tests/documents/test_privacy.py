"""A document under a view restriction (Wagtail's privacy setting) is listed nowhere: not in
the search, its facets, the API list or the RSS feed, on either backend, nor in the index,
nor among the relations of a public document; its detail and files stay closed to the
public. Lifting the restriction brings it back."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from documents import indexing
from documents.models import LegalDocumentPage, RelationKind
from portal.search import elastic
from tests.documents.conftest import both, make_document, numbers, pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.postgres, pytest.mark.elasticsearch]
D = datetime.date


@pytest.fixture
def documents(index_page, document_index):
    public = make_document(
        index_page,
        "1/2024/QĐ-UBND",
        "Quy định về cấp nước sạch nông thôn",
        type_name="Quyết định",
        issuer="UBND tỉnh",
        issue_date=D(2024, 1, 10),
    )
    private = make_document(
        index_page,
        "2/2023/CT-SNV",
        "Chỉ thị nội bộ về cấp nước sạch cho trụ sở",
        type_name="Chỉ thị",
        issuer="Sở Nội vụ",
        issue_date=D(2023, 5, 1),
        files=[("Toàn văn", pdf_bytes("Internal"))],
    )
    indexing.rebuild()
    return public, private


def restrict(page, capture):
    """A login restriction, saved as the admin's privacy dialog does; re-indexing runs after
    the commit."""
    with capture(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    elastic.get_client().indices.refresh(index=indexing.alias_name())
    return restriction


def shown(found):
    return {place for place, present in found.items() if present}


def where_listed(client, settings, number, issuer):
    """Where the document `number` and its issuer's facet show, on each backend: the search,
    its facets, the search page, the API list and its facets; and the RSS feed."""
    settings.PAGE_CACHE_ENABLED = False  # each request answered by the backend chosen
    found = {}
    for query in ("", "cap nuoc sach"):
        es, db = both(q=query)
        for backend, response in (("elasticsearch", es), ("database", db)):
            found[f"search {query!r} {backend}"] = number in numbers(response)
            issuers = [bucket["value"] for bucket in response.facets["issuer"]]
            found[f"facet {query!r} {backend}"] = issuer in issuers
    server = settings.ELASTICSEARCH_URL
    for backend, url in (("elasticsearch", server), ("database", "")):
        settings.ELASTICSEARCH_URL = url
        page = client.get("/van-ban/", {"q": "nước sạch"})
        listing = client.get("/api/v1/documents/", {"q": "nuoc sach"}).json()
        assert listing["backend"] == backend
        found[f"page {backend}"] = number in page.content.decode()
        found[f"api {backend}"] = number in [hit["number"] for hit in listing["results"]]
        issuers = [bucket["value"] for bucket in listing["facets"]["issuer"]]
        found[f"api facet {backend}"] = issuer in issuers
    settings.ELASTICSEARCH_URL = server
    found["rss"] = number in client.get("/van-ban/rss/").content.decode()
    return found


def test_a_restricted_document_is_listed_nowhere_and_comes_back_when_lifted(
    client, settings, documents, django_capture_on_commit_callbacks
):
    public, private = documents
    everywhere = where_listed(client, settings, private.number, "Sở Nội vụ")
    assert shown(everywhere) == set(everywhere)

    restriction = restrict(private, django_capture_on_commit_callbacks)
    assert shown(where_listed(client, settings, private.number, "Sở Nội vụ")) == set()
    assert shown(where_listed(client, settings, public.number, "UBND tỉnh")) == set(everywhere)
    for response in both():
        assert numbers(response) == [public.number] and response.count == 1
        assert [bucket["value"] for bucket in response.facets["year"]] == ["2024"]
        assert [bucket["value"] for bucket in response.facets["type"]] == ["Quyết định"]
    for response in both(q="2/2023/CT-SNV"):
        assert response.count == 0
    health = indexing.health()
    assert health["index_count"] == health["database_count"] == 1 and health["in_sync"]

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    elastic.get_client().indices.refresh(index=indexing.alias_name())
    assert shown(where_listed(client, settings, private.number, "Sở Nội vụ")) == set(everywhere)


def test_a_restricted_documents_page_api_detail_and_files_stay_closed_to_the_public(
    client, django_user_model, index_page, documents, django_capture_on_commit_callbacks
):
    _public, private = documents
    attachment = private.attachments.get()
    amending = make_document(
        index_page,
        "5/2024/CT-SNV",
        "Sửa đổi chỉ thị về cấp nước sạch cho trụ sở",
        type_name="Chỉ thị",
        issuer="Sở Nội vụ",
        relations=[(RelationKind.AMENDS, private)],
    )
    detail = f"/api/v1/documents/{amending.pk}/"
    assert private.number in client.get(amending.url).content.decode()
    assert [r["number"] for r in client.get(detail).json()["relations"]] == [private.number]
    restrict(private, django_capture_on_commit_callbacks)

    # A public document relating to it no longer names it, on its page or in the API.
    assert private.number not in client.get(amending.url).content.decode()
    assert client.get(detail).json()["relations"] == []

    assert client.get(f"/api/v1/documents/{private.pk}/").status_code == 404
    page = client.get(private.url)
    assert page.status_code == 302 and "/login" in page["Location"]  # Wagtail's own privacy
    assert client.get(f"/van-ban/tai-ve/{attachment.pk}/").status_code == 404

    client.force_login(django_user_model.objects.create_user("canbo", password="x"))
    assert client.get(private.url).status_code == 200
    download = client.get(f"/van-ban/tai-ve/{attachment.pk}/")
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")


def test_the_documents_listed_are_those_wagtail_calls_public(index_page, documents):
    """`documents.indexing.indexed()` decides privacy in its own SQL (one query fewer than
    `.public()`): on the document itself or on a page above it, Wagtail agrees."""
    public, private = documents

    def listed():
        return set(indexing.indexed().values_list("pk", flat=True))

    def wagtail_public():
        return set(LegalDocumentPage.objects.live().public().values_list("pk", flat=True))

    assert listed() == wagtail_public() == {public.pk, private.pk}
    on_document = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    assert listed() == wagtail_public() == {public.pk}
    on_document.delete()
    PageViewRestriction.objects.create(page=index_page, restriction_type=PageViewRestriction.LOGIN)
    assert listed() == wagtail_public() == set()
