"""The document search on the real Elasticsearch and PostgreSQL: same answers on both."""

import datetime

import pytest
from django.core.management import call_command

from documents import indexing
from documents.fallback import DatabaseDocumentQuery
from documents.models import AttachmentFile, LegalDocumentPage, RelationKind
from documents.params import DocumentSearchParams
from documents.queries import DocumentQuery
from procedures.models import SearchSynonym, SynonymKind
from tests.documents.conftest import (
    DAY,
    both,
    docx_bytes,
    make_document,
    numbers,
    pdf_bytes,
    url_for,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres, pytest.mark.elasticsearch]
D = datetime.date


@pytest.fixture
def library(index_page, document_index):
    nd61 = make_document(
        index_page,
        "61/2018/NĐ-CP",
        "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        issue_date=D(2018, 4, 23),
        effective_date=D(2018, 6, 21),
        field_name="Hành chính",
        signer="Nguyễn Xuân Phúc",
    )
    make_document(
        index_page,
        "107/2021/NĐ-CP",
        "Sửa đổi, bổ sung một số điều của Nghị định 61/2018/NĐ-CP về một cửa",
        issue_date=D(2021, 12, 6),
        effective_date=D(2022, 2, 20),
        field_name="Hành chính",
        relations=[(RelationKind.AMENDS, nd61)],
    )
    make_document(
        index_page,
        "15/2024/QĐ-UBND",
        "Ban hành quy chế phối hợp đăng ký khai sinh trên địa bàn tỉnh",
        type_name="Quyết định",
        issuer="UBND tỉnh",
        issue_date=D(2024, 3, 1),
        field_name="Hộ tịch",
        source="province",
    )
    make_document(
        index_page,
        "20/2025/QĐ-UBND",
        "Quy định về cấp giấy phép xây dựng",
        type_name="Quyết định",
        issuer="UBND tỉnh",
        issue_date=D(2025, 5, 1),
        effective_date=D(2025, 7, 1),
        field_name="Xây dựng",
    )
    make_document(
        index_page,
        "04/2019/CT-UBND",
        "Chỉ thị về tăng cường kỷ luật hành chính đã hết hiệu lực",
        type_name="Chỉ thị",
        issuer="UBND tỉnh",
        issue_date=D(2019, 2, 1),
        expiry_date=D(2021, 1, 1),
    )
    indexing.rebuild()
    return index_page


def test_number_lookup_finds_the_document_by_its_prefix(library):
    for response in both(q="61/2018"):
        assert numbers(response)[0] == "61/2018/NĐ-CP"
    for response in both(q="15/2024/qđ-ubnd"):
        assert numbers(response) == ["15/2024/QĐ-UBND"]


@pytest.mark.parametrize(
    "query", ["dang ky khai sinh", "đăng ký khai sinh", "dang ki khai sinh", "mot cua lien thong"]
)
def test_both_backends_give_the_same_results_in_the_same_order(library, query):
    es, db = both(q=query)
    assert es.count == db.count > 0
    assert numbers(es) == numbers(db)
    assert es.facets == db.facets


def test_facet_counts_equal_database_counts(library):
    es, db = both()
    assert es.count == db.count == LegalDocumentPage.objects.live().count() == 5
    assert es.facets == db.facets
    types = {b["value"]: b["count"] for b in es.facets["type"]}
    assert types == {"Nghị định": 2, "Quyết định": 2, "Chỉ thị": 1}
    for name, buckets in es.facets.items():
        for bucket in buckets:
            filtered_es, filtered_db = both(**{name: bucket["value"]})
            assert filtered_es.count == filtered_db.count == bucket["count"], (name, bucket)
    statuses = {b["value"]: b["count"] for b in es.facets["status"]}
    assert statuses == {"in-force": 3, "not-yet": 1, "expired": 1}


def test_the_validity_filter_turns_on_the_boundary_day_on_both_backends(library):
    """The day a document takes effect it is "in force", the day before "not yet"; on its
    expiry date it is "expired"; replaced from the day its replacement takes effect. Both
    backends agree with the model's rule on each side of every boundary, in the filter, the
    hit and the facet."""
    replaced = LegalDocumentPage.objects.get(number="15/2024/QĐ-UBND")
    make_document(
        library,
        "9/2025/QĐ-UBND",
        "Thay thế quy chế phối hợp đăng ký khai sinh",
        type_name="Quyết định",
        issuer="UBND tỉnh",
        issue_date=D(2025, 2, 20),
        effective_date=D(2025, 3, 1),
        relations=[(RelationKind.REPLACES, replaced)],
    )
    indexing.rebuild()
    cases = [
        (D(2025, 6, 30), "20/2025/QĐ-UBND", "not-yet"),
        (D(2025, 7, 1), "20/2025/QĐ-UBND", "in-force"),
        (D(2020, 12, 31), "04/2019/CT-UBND", "in-force"),
        (D(2021, 1, 1), "04/2019/CT-UBND", "expired"),
        (D(2025, 2, 28), "15/2024/QĐ-UBND", "in-force"),
        (D(2025, 3, 1), "15/2024/QĐ-UBND", "replaced"),
    ]
    for day, number, status in cases:
        params = DocumentSearchParams(day=day, q=number, status=status)
        for query in (DocumentQuery, DatabaseDocumentQuery):
            response = query(params, url_for).execute()
            assert numbers(response) == [number], (day, status, query)
            assert response.results[0]["status"]["code"] == status
            facet = {b["value"]: b["count"] for b in response.facets["status"]}
            assert facet == {status: 1}, (day, query, facet)


def test_a_synonym_from_the_dictionary_finds_the_words_it_stands_for_on_both_backends(library):
    """ "Sổ đỏ" (the default dictionary) and an abbreviation an editor adds in the admin find
    documents that only have the official words; both backends give the same answer."""
    land = make_document(
        library,
        "12/2024/QĐ-UBND",
        "Quy định một số nội dung về đất đai trên địa bàn tỉnh",
        type_name="Quyết định",
        issuer="UBND tỉnh",
        summary="Trình tự cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình.",
    )
    indexing.rebuild()
    for query in ("sổ đỏ", "so do", "cấp sổ đỏ"):
        es, db = both(q=query)
        assert numbers(es) == numbers(db) == [land.number], query
        assert es.facets == db.facets

    for response in both(q="qcph"):
        assert response.count == 0
    SearchSynonym.objects.create(
        kind=SynonymKind.EXPANSION, terms="QCPH", expansions="quy chế phối hợp"
    )
    for response in both(q="QCPH"):
        assert numbers(response) == ["15/2024/QĐ-UBND"]


def test_the_words_of_a_synonym_are_marked_in_the_results(client, library):
    make_document(
        library,
        "12/2024/QĐ-UBND",
        "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        type_name="Quyết định",
        issuer="UBND tỉnh",
    )
    indexing.rebuild()
    html = client.get("/van-ban/", {"q": "sổ đỏ"}).content.decode()
    assert "1 văn bản" in html
    assert "<mark>giấy</mark> <mark>chứng</mark> <mark>nhận</mark>" in html


def test_a_number_lookup_is_not_widened_by_the_dictionary(library):
    """The letters of a number are a symbol: "UBND" in "15/2024/QĐ-UBND" is not expanded to
    every text naming "Ủy ban nhân dân", and the exact number still ranks first."""
    make_document(
        library,
        "16/2024/BC-HĐND",
        "Báo cáo 15 kiến nghị năm 2024 về các QĐ của Ủy ban nhân dân tỉnh",
        type_name="Báo cáo",
        issuer="Hội đồng nhân dân tỉnh",
    )
    indexing.rebuild()
    for response in both(q="15/2024/QĐ-UBND"):
        assert numbers(response) == ["15/2024/QĐ-UBND"]
    for response in both(q="Báo cáo 15 kiến nghị năm 2024 về các QĐ của UBND"):
        assert numbers(response) == ["16/2024/BC-HĐND"]  # as words, UBND is Ủy ban nhân dân
    # The document's own number first, then the one citing it in its excerpt.
    es, db = both(q="61/2018/NĐ-CP")
    assert numbers(es) == numbers(db) == ["61/2018/NĐ-CP", "107/2021/NĐ-CP"]


def test_both_backends_keep_the_newest_years_when_there_are_more_than_the_facet_size(
    index_page, document_index, monkeypatch
):
    """The year facet lists the newest years on both backends, even where older years have
    more documents (Elasticsearch's terms would keep the most frequent ones)."""
    monkeypatch.setattr("documents.queries.FACET_SIZE", 3)
    monkeypatch.setattr("documents.results.FACET_SIZE", 3)
    for year, count in ((2015, 3), (2016, 3), (2017, 3), (2022, 1), (2023, 1), (2024, 1)):
        for n in range(1, count + 1):
            make_document(
                index_page,
                f"{n}/{year}/QĐ-UBND",
                f"Quyết định {n} năm {year}",
                issue_date=D(year, 3, 1),
            )
    indexing.rebuild()
    for query in ("", "quyet dinh"):
        es, db = both(q=query)
        years = [[bucket["value"] for bucket in r.facets["year"]] for r in (es, db)]
        assert years == [["2024", "2023", "2022"]] * 2, query
        assert es.facets == db.facets


def test_sort_by_date_puts_the_newest_first(library):
    for response in both(q="hanh chinh", sort="date"):
        dates = [hit["issue_date"] for hit in response.results]
        assert dates == sorted(dates, reverse=True)


def test_words_only_inside_a_pdf_and_a_docx_find_the_document_after_extraction(
    index_page, document_index
):
    pdf_doc = make_document(
        index_page,
        "30/2024/QĐ-UBND",
        "Quyết định có phụ lục PDF",
        files=[("phu-luc.pdf", pdf_bytes("Appendix mentions zyxwvpdfword only here."))],
    )
    docx_doc = make_document(
        index_page,
        "31/2024/QĐ-UBND",
        "Quyết định có phụ lục DOCX",
        files=[("phu-luc.docx", docx_bytes("Phụ lục nêu từ quýtdocxword duy nhất."))],
    )
    indexing.rebuild()
    # Publishing only records the files: nothing is read during the editor's request.
    assert set(AttachmentFile.objects.values_list("status", flat=True)) == {"pending"}
    for response in both(q="zyxwvpdfword"):
        assert response.count == 0

    call_command("extract_document_text", verbosity=0)
    from portal.search import elastic

    elastic.get_client().indices.refresh(index=indexing.alias_name())
    for response in both(q="zyxwvpdfword"):
        assert numbers(response) == [pdf_doc.number]
    for response in both(q="quytdocxword"):  # folded, kí/ký-insensitive
        assert numbers(response) == [docx_doc.number]


def test_an_unreachable_elasticsearch_answers_from_the_database(library):
    from django.test import override_settings

    from documents.queries import search_documents
    from portal.search import elastic

    elastic.get_client.cache_clear()
    try:
        with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
            response = search_documents(DocumentSearchParams(q="61/2018", day=DAY), url_for)
    finally:
        elastic.get_client.cache_clear()
    assert response.backend == "database" and response.degraded
    assert numbers(response)[0] == "61/2018/NĐ-CP"


def test_rebuild_swaps_the_alias_and_drops_the_old_index(library, es_client):
    first = indexing.health()["indices"]
    result = indexing.rebuild()
    assert result["replaced"] == first
    assert indexing.health() | {"indices": None} == {
        "alias": indexing.alias_name(),
        "database_count": 5,
        "indices": None,
        "index_count": 5,
        "in_sync": True,
    }
