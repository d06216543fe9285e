"""The synonym dictionary ("Từ đồng nghĩa"): expansion, bounds, the CSV command, the admin.

Run on the 84 shipped procedures with the default dictionary the migration loads.
"""

import json

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from ops.pagecache import page_cache
from procedures import synonyms
from procedures.links import procedure_url_builder
from procedures.models import SearchSynonym, SynonymKind
from procedures.queries import ProcedureQuery, SearchParams, search_procedures

pytestmark = pytest.mark.usefixtures("shared_catalogue", "db")


def search(q):
    return search_procedures(SearchParams(q=q), procedure_url_builder())


def codes(response):
    return [hit["code"] for hit in response.results]


def alternatives(query):
    return [" ".join(alt) for c in synonyms.plan(query).concepts for alt in c.alternatives]


def test_the_default_dictionary_is_loaded_and_large_enough():
    assert SearchSynonym.objects.count() >= 150
    kinds = set(SearchSynonym.objects.values_list("kind", flat=True))
    assert kinds == {SynonymKind.EQUIVALENT, SynonymKind.EXPANSION, SynonymKind.FILLER}
    for abbreviation in ("cccd", "cmt", "dkkd", "tnhh", "htx", "qsdd", "gcn", "ubnd", "mst"):
        assert len(alternatives(abbreviation)) > 1, abbreviation


def test_equivalents_expand_both_ways_and_expansions_one_way():
    assert "can cuoc cong dan" in alternatives("CMT")
    assert "can cuoc cong dan" in alternatives("chứng minh thư")
    assert "cap giay chung nhan quyen su dung dat" in alternatives("làm sổ hồng")
    assert "giay chung nhan quyen su dung dat" in alternatives("sổ hồng")
    expansion = SearchSynonym.objects.create(
        kind=SynonymKind.EXPANSION, terms="giấy chào đời", expansions="đăng ký khai sinh"
    )
    assert "dang ki khai sinh" in alternatives("giấy chào đời")
    assert "giay chao doi" not in alternatives("đăng ký khai sinh")
    expansion.delete()
    assert "dang ki khai sinh" not in alternatives("giấy chào đời")


def test_filler_words_are_dropped_unless_nothing_else_is_left():
    plan = synonyms.plan("thủ tục đăng ký khai sinh như thế nào")
    assert [c.typed for c in plan.concepts] == [("dang", "ki"), ("khai", "sinh")]
    only_filler = synonyms.plan("thủ tục như thế nào")
    assert only_filler.concepts  # searched as typed rather than as nothing


@pytest.mark.usefixtures("database_search")  # ranked by the database
def test_a_loop_expands_one_step_only():
    SearchSynonym.objects.create(kind=SynonymKind.EXPANSION, terms="aaa", expansions="bbb")
    SearchSynonym.objects.create(kind=SynonymKind.EXPANSION, terms="bbb", expansions="aaa")
    assert alternatives("aaa") == ["aaa", "bbb"]
    assert alternatives("bbb") == ["bbb", "aaa"]
    assert search("aaa").count == 0


@pytest.mark.usefixtures("database_search")  # ranked by the database
def test_empty_and_oversized_entries_are_refused_with_a_vietnamese_message():
    for entry in (
        SearchSynonym(kind=SynonymKind.EQUIVALENT, terms=" ; ; "),
        SearchSynonym(kind=SynonymKind.EQUIVALENT, terms="chỉ một từ"),
        SearchSynonym(kind=SynonymKind.EXPANSION, terms="sổ hồng", expansions=""),
        SearchSynonym(kind=SynonymKind.EQUIVALENT, terms="; ".join(f"từ {i}" for i in range(30))),
    ):
        with pytest.raises(ValidationError) as error:
            entry.full_clean()
        assert any(
            "từ" in message
            for messages in error.value.message_dict.values()
            for message in messages
        )
    # An empty entry written around the form (a raw import, say) is simply ignored.
    SearchSynonym.objects.create(kind=SynonymKind.EQUIVALENT, terms=" ; ")
    assert codes(search("đăng ký khai sinh"))[0] == "1.001193"


def _query_size(q):
    params = SearchParams(q=q)
    return len(json.dumps(ProcedureQuery(params, procedure_url_builder()).build()))


def test_a_thousand_entries_long_queries_and_filler_stay_bounded(settings):
    settings.ELASTICSEARCH_URL = ""
    SearchSynonym.objects.bulk_create(
        SearchSynonym(
            kind=SynonymKind.EQUIVALENT,
            terms=f"tu{i}; khai sinh; giấy tờ {i}; đăng ký {i}; "
            + "; ".join(f"x{i}y{j}" for j in range(16)),
        )
        for i in range(1000)
    )
    synonyms.forget()
    plan = synonyms.plan("khai sinh " * 30)
    assert len(plan.concepts) <= synonyms.MAX_QUERY_WORDS
    assert sum(len(c.alternatives) for c in plan.concepts) <= synonyms.MAX_TOTAL_ALTERNATIVES
    assert all(len(c.alternatives) <= synonyms.MAX_ALTERNATIVES for c in plan.concepts)
    filler = " ".join(["thủ tục", "như thế nào", "ở đâu", "cần", "làm", "xin", "cho"] * 3)
    long_query = ("đăng ký khai sinh cho con ở phường " * 8)[:200]
    sizes = [_query_size(q) for q in (filler, long_query, "khai sinh " * 30)]
    assert max(sizes) < 200_000  # bytes of JSON sent to Elasticsearch, whatever the input
    for q in (filler, long_query):
        assert search(q).backend == "database"


@pytest.mark.parametrize(
    "q", ["thủ tục như thế nào ở đâu cần làm xin cho " * 2, "đăng ký khai sinh " * 12]
)
def test_the_api_answers_long_and_filler_queries(client, settings, q):
    settings.ELASTICSEARCH_URL = ""
    response = client.get("/api/v1/procedures/", {"q": q[:200]})
    assert response.status_code == 200
    too_long = client.get("/api/v1/procedures/", {"q": "khai sinh " * 30})
    assert too_long.status_code == 400
    assert "ký tự" in too_long.json()["error"]


def test_load_search_synonyms_reports_each_line_and_is_idempotent(tmp_path, capsys):
    path = tmp_path / "tu.csv"
    path.write_text(
        "loai,tu,mo_rong,ghi_chu\n"
        "mo_rong,giấy chào đời,đăng ký khai sinh,thử\n"
        "tuong_duong,chào đời; ra đời,,\n"
        "tuong_duong,một mình,,\n"
        "khac,abc; def,,\n",
        encoding="utf-8",
    )
    before = SearchSynonym.objects.count()
    call_command("load_search_synonyms", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "dòng 2: thêm mới" in out and "dòng 4: bỏ qua" in out and "dòng 5: bỏ qua" in out
    assert "chạy thử" in out
    assert SearchSynonym.objects.count() == before
    call_command("load_search_synonyms", str(path))
    assert SearchSynonym.objects.count() == before + 2
    capsys.readouterr()
    call_command("load_search_synonyms", str(path))
    out = capsys.readouterr().out
    assert "0 thêm mới, 0 cập nhật, 2 không đổi, 2 bỏ qua" in out
    assert SearchSynonym.objects.count() == before + 2
    path.write_text(
        "loai,tu,mo_rong\nmo_rong,giấy chào đời,đăng ký khai sinh; khai sinh\n", encoding="utf-8"
    )
    call_command("load_search_synonyms", str(path))
    assert "dòng 2: cập nhật" in capsys.readouterr().out


def test_load_search_synonyms_refuses_a_file_without_the_columns(tmp_path):
    path = tmp_path / "sai.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(Exception, match="loai, tu"):
        call_command("load_search_synonyms", str(path))


def test_saving_a_synonym_empties_the_page_cache():
    page_cache().set("trang", "cũ", 60)
    SearchSynonym.objects.create(kind=SynonymKind.EQUIVALENT, terms="chào đời; ra đời")
    assert page_cache().get("trang") is None


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("bientap", "bt@example.org", "mat-khau-dai-1")
    client.force_login(user)
    return client


def _api_codes(client, q):
    response = client.get("/api/v1/procedures/", {"q": q})
    assert response.status_code == 200
    return response.json()["backend"], [hit["code"] for hit in response.json()["results"]]


def _add_through_the_admin(editor):
    response = editor.post(
        reverse("wagtailsnippets_search_searchsynonym:add"),
        {
            "kind": SynonymKind.EXPANSION,
            "terms": "giấy chào đời",
            "expansions": "đăng ký khai sinh",
            "enabled": "on",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def _edit_changes_the_next_result(editor, backend):
    assert _api_codes(editor, "giấy chào đời")[1][:1] != ["1.001193"]
    _add_through_the_admin(editor)
    assert _api_codes(editor, "giấy chào đời")[1][0] == "1.001193"
    found_backend, _ = _api_codes(editor, "giấy chào đời")
    assert found_backend == backend
    entry = SearchSynonym.objects.get(terms="giấy chào đời")
    response = editor.post(
        reverse("wagtailsnippets_search_searchsynonym:edit", args=[entry.pk]),
        {
            "kind": SynonymKind.EXPANSION,
            "terms": "giấy chào đời",
            "expansions": "khai tử",
            "note": "",
        },
    )
    assert response.status_code == 302
    assert _api_codes(editor, "giấy chào đời")[1][0] != "1.001193"


@pytest.mark.usefixtures("database_search")
def test_an_admin_edit_changes_the_next_api_result_on_the_database(editor):
    _edit_changes_the_next_result(editor, "database")


@pytest.mark.elasticsearch
@pytest.mark.usefixtures("indexed_catalogue")
def test_an_admin_edit_changes_the_next_api_result_on_elasticsearch(editor):
    _edit_changes_the_next_result(editor, "elasticsearch")


def _suggested(client, q):
    response = client.get("/api/v1/procedures/autocomplete/", {"q": q})
    assert response.status_code == 200
    return response.json()["backend"], [item["name"] for item in response.json()["results"]]


def _autocomplete_uses_synonyms(editor, backend):
    assert _suggested(editor, "giấy chào đời") == (backend, [])
    _add_through_the_admin(editor)
    # The whole term, and the term followed by a word being typed.
    found_backend, names = _suggested(editor, "giấy chào đời")
    assert found_backend == backend
    assert names[0] == "Thủ tục đăng ký khai sinh"
    assert all("khai sinh" in name for name in names)
    assert _suggested(editor, "Giay chao doi")[1] == names
    assert _suggested(editor, "giấy chào đời lưu đ")[1] == ["Thủ tục đăng ký khai sinh lưu động"]
    # The words as typed still come before a synonym's.
    found = _suggested(editor, "đăng ký khai sinh")[1]
    assert found[0] == "Thủ tục đăng ký khai sinh"


@pytest.mark.usefixtures("database_search")
def test_autocomplete_suggests_through_synonyms_on_the_database(editor):
    _autocomplete_uses_synonyms(editor, "database")


@pytest.mark.elasticsearch
@pytest.mark.usefixtures("indexed_catalogue")
def test_autocomplete_suggests_through_synonyms_on_elasticsearch(editor):
    _autocomplete_uses_synonyms(editor, "elasticsearch")


def test_autocomplete_expands_known_words_and_keeps_the_last_word_a_prefix():
    concepts, partial = synonyms.autocomplete_concepts(["cmt", "ca"])
    assert "can cuoc cong dan" in [" ".join(alt) for alt in concepts[0].alternatives]
    assert partial and concepts[-1].typed == ("ca",)
    concepts, partial = synonyms.autocomplete_concepts(["cmt"])
    assert not partial
    assert synonyms.autocomplete_concepts(["xyzzy"]) is None


def test_the_synonym_admin_lists_and_searches(editor):
    url = reverse("wagtailsnippets_search_searchsynonym:list")
    html = editor.get(url, {"q": "CCCD"}).content.decode()
    assert "căn cước" in html
    assert "sổ đỏ" not in html


def test_typos_are_corrected_and_said(client, settings):
    settings.ELASTICSEARCH_URL = ""
    response = search("dang ky khai sinhh")
    assert response.fuzzy
    assert response.corrected_query == "dang ky khai sinh"
    assert codes(response)[0] == "1.001193"
    assert search("đăng ký khai sinh").corrected_query == ""


@pytest.mark.usefixtures("database_search")
def test_the_search_terms_report_marks_zero_results_and_offers_a_synonym(editor, client, home_page):
    client.get("/tim-kiem/", {"q": "zzzq wwwx", "loai": "thu-tuc"})
    client.get("/tim-kiem/", {"q": "khai sinh", "loai": "thu-tuc"})
    report = reverse("search_term_outcomes")
    html = editor.get(report).content.decode()
    assert "zzzq wwwx" in html and "0 – không có kết quả" in html
    add = reverse("wagtailsnippets_search_searchsynonym:add")
    link = f"{add}?terms=zzzq+wwwx"
    assert link in html
    only_zero = editor.get(report, {"zero": "true"}).content.decode()
    assert "zzzq wwwx" in only_zero and "khai sinh" not in only_zero
    form = editor.get(link).content.decode()
    assert 'value="zzzq wwwx"' in form
    menu = editor.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is JSON: the label may be written with \u escapes.
    assert "Từ tìm kiếm" in menu or json.dumps("Từ tìm kiếm")[1:-1] in menu
    assert "/admin/reports/search-term-outcomes/" in menu
