"""The search as the embedded default answers it (no Elasticsearch): the database fallback."""

import pytest
from django.db.models import Count

from portal.vietnamese import collation_key
from procedures import synonyms
from procedures.fallback import db_condition
from procedures.links import procedure_url_builder
from procedures.models import Procedure
from procedures.queries import SearchParams, autocomplete, search_procedures

pytestmark = pytest.mark.usefixtures("shared_catalogue", "db", "database_search")


def search(**params):
    return search_procedures(SearchParams(**params), procedure_url_builder())


def codes(response):
    return [hit["code"] for hit in response.results]


@pytest.mark.parametrize(
    "query",
    [
        "dang ky khai sinh",
        "Đăng ký khai sinh",
        "đăng kí khai sinh",
        "dăng ky khai sinh",
        "ĐĂNG KÝ KHAI SINH",
    ],
)
def test_finds_dang_ky_khai_sinh_however_it_is_typed(query):
    response = search(q=query)
    assert response.backend == "database"
    assert codes(response)[0] == "1.001193"  # "Thủ tục đăng ký khai sinh": shortest full phrase
    assert all(
        "khai sinh" in hit["name"].lower() or hit["snippet_html"] for hit in response.results
    )


def test_d_folds_to_d_stroke():
    assert search(q="duong bo").count == search(q="đường bộ").count > 0


def test_code_prefix_finds_codes_starting_so():
    response = search(q="1.0048")
    expected = Procedure.objects.filter(code__startswith="1.0048").count()
    assert response.count == expected >= 5
    assert all(code.startswith("1.0048") for code in codes(response))


def test_exact_code_comes_first():
    assert codes(search(q="1.001193"))[0] == "1.001193"


def test_most_words_must_match_and_every_word_ranks_first():
    # "xyzzy" is in no procedure: most of the words still find the right one...
    assert codes(search(q="thu tuc dang ky khai sinh xyzzy"))[0] == "1.001193"
    # ...but one word of two is not enough ("never any single word").
    assert search(q="khai xyzzy").count == 0
    # Procedures with every word come before those with most of them.
    plan = synonyms.plan("dang ky khai sinh con")
    every = synonyms.Every(tuple(synonyms.Contains(c, "text") for c in plan.concepts))
    every_word = set(Procedure.objects.filter(db_condition(every)).values_list("code", flat=True))
    relaxed = search(q="dang ky khai sinh con")
    assert relaxed.count > len(every_word) > 0
    found = [code in every_word for code in codes(relaxed)]
    assert found == sorted(found, reverse=True)


def test_highlight_marks_the_matched_words_with_their_diacritics():
    hit = search(q="dang ky khai sinh").results[0]
    assert (
        "<mark>đăng</mark> <mark>ký</mark> <mark>khai</mark> <mark>sinh</mark>" in hit["name_html"]
    )


def test_facet_counts_are_the_database_counts():
    response = search(q="", level="xa")
    matching = Procedure.objects.filter(levels__code="xa")
    assert response.count == matching.count()
    fields = dict(matching.values_list("field").annotate(n=Count("pk")))
    assert {b["value"]: b["count"] for b in response.facets["field"]} == {
        k: v for k, v in fields.items() if k
    }
    levels = {b["value"]: b["count"] for b in response.facets["level"]}
    assert levels["xa"] == matching.count()
    assert [b["label"] for b in response.facets["level"]][0] == "Cấp xã"


def test_filters_combine_with_text():
    everything = search(q="khai sinh")
    abroad = search(q="khai sinh", field="Hộ tịch", level="xa")
    assert 0 < abroad.count <= everything.count
    for code in codes(abroad):
        procedure = Procedure.objects.get(code=code)
        assert procedure.field == "Hộ tịch"
        assert procedure.levels.filter(code="xa").exists()


def test_sort_by_name_follows_vietnamese_order_and_paginates():
    first = search(sort="name", page=1, page_size=10)
    second = search(sort="name", page=2, page_size=10)
    names = [hit["name"] for hit in first.results + second.results]
    assert names == sorted(names, key=collation_key)
    assert first.count == 84 and first.num_pages == 9
    assert not set(codes(first)) & set(codes(second))


def test_sort_by_code():
    assert codes(search(sort="code", page_size=84)) == sorted(codes(search(page_size=84)))


def test_autocomplete_names_and_codes():
    suggestions, backend = autocomplete("dang ky khai s")
    assert backend == "database"
    assert suggestions[0]["name"] == "Thủ tục đăng ký khai sinh"
    by_code, _ = autocomplete("1.0048")
    assert by_code and all(item["code"].startswith("1.0048") for item in by_code)


@pytest.mark.postgres
@pytest.mark.parametrize(
    "q, index",
    [
        # Plain words: the words column's GIN index (procedures.words_column).
        ("dang ky khai sinh", "search_procedure_search_words"),
        # A word with a joiner is matched with LIKE, answered by the trigram index.
        ("mau_01.docx", "search_procedure_search_text_trgm"),
    ],
)
def test_word_matching_is_answered_from_an_index_on_postgresql(q, index):
    from django.db import connection

    from procedures.fallback import DatabaseProcedureQuery

    matching = DatabaseProcedureQuery(SearchParams(q=q), str).queryset()
    sql, params = matching.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # 84 rows: a scan would win anyway
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan


@pytest.mark.postgres
def test_a_long_text_is_searched_to_its_end():
    # PostgreSQL's words column (procedures.words_column) holds a text's first 200,000
    # characters: words at the end of a text longer than the catalogue's longest (49,199)
    # are found, as SQLite finds them.
    procedure = Procedure.objects.get(code="1.001193")
    before = codes(search(q="kho bac nha nuoc lorem ipsum"))
    long_text = procedure.search_text + "lorem ipsum " * 6_000 + "kho bac nha nuoc "
    Procedure.objects.filter(pk=procedure.pk).update(search_text=long_text)
    after = codes(search(q="kho bac nha nuoc lorem ipsum"))

    assert len(long_text) > 49_199
    assert "1.001193" not in before
    assert "1.001193" in after
