"""The procedure search on the real Elasticsearch server, and its database fallback."""

import threading

import pytest
from django.core.management import call_command
from django.db.models import Count
from elasticsearch import Elasticsearch

from portal.search import elastic, indexes
from procedures import indexing
from procedures.links import procedure_url_builder
from procedures.models import Level, Procedure
from procedures.queries import ProcedureQuery, SearchParams, autocomplete, search_procedures

pytestmark = [pytest.mark.elasticsearch, pytest.mark.usefixtures("indexed_catalogue")]


def search(**params):
    return search_procedures(SearchParams(**params), procedure_url_builder())


def codes(response):
    return [hit["code"] for hit in response.results]


@pytest.mark.parametrize(
    "query",
    [
        "dang ky khai sinh",  # no diacritics
        "đăng ký khai sinh",  # as written
        "dăng ky khai sinh",  # partial diacritics
        "đăng kí khai sinh",  # kí for ký
        "Dang Ky Khai Sinh",
    ],
)
def test_finds_dang_ky_khai_sinh_however_it_is_typed(query):
    response = search(q=query)
    assert response.backend == "elasticsearch"
    assert codes(response)[0] == "1.001193"
    every_word = Procedure.objects.all()
    for word in ("dang", "ki", "khai", "sinh"):
        every_word = every_word.filter(search_text__contains=f" {word} ")
    assert response.count == every_word.count() >= 14


def test_d_and_d_stroke_are_one_letter():
    assert search(q="duong bo").count == search(q="đường bộ").count > 0


def test_code_prefix():
    response = search(q="1.0048")
    assert set(codes(response)) == set(
        Procedure.objects.filter(code__startswith="1.0048").values_list("code", flat=True)
    )


def test_small_typos_are_forgiven_when_nothing_matches_exactly():
    response = search(q="dang ky khai sinhh")
    assert response.fuzzy
    assert "1.001193" in codes(response)[:5]


@pytest.mark.usefixtures("own_index")
def test_exact_diacritics_rank_above_folded_matches():
    # Two names that fold to the same words: the one written as typed comes first.
    for code, name in (
        ("9.000001", "Cấp phép đánh bắt thủy sản"),
        ("9.000002", "Cấp phép dành bắt thủy sản"),
    ):
        Procedure.objects.create(code=code, name=name)
    indexing.rebuild()
    assert codes(search(q="đánh bắt"))[:2] == ["9.000001", "9.000002"]
    assert codes(search(q="dành bắt"))[:2] == ["9.000002", "9.000001"]


def test_phrase_in_the_name_ranks_above_words_elsewhere():
    response = search(q="khai sinh")
    names = [hit["name"].lower() for hit in response.results]
    first_without = next(i for i, n in enumerate(names) if "khai sinh" not in n)
    assert all("khai sinh" not in n for n in names[first_without:])


def test_facet_counts_equal_database_counts():
    response = search(q="", level="tinh")
    matching = Procedure.objects.filter(levels__code="tinh")
    assert response.count == matching.count()
    by_level = dict(
        Level.objects.filter(procedures__in=matching).values_list("code").annotate(n=Count("pk"))
    )
    assert {b["value"]: b["count"] for b in response.facets["level"]} == by_level
    by_field = dict(matching.exclude(field="").values_list("field").annotate(n=Count("pk")))
    assert {b["value"]: b["count"] for b in response.facets["field"]} == by_field


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "khai sinh"},
        {"q": "giay phep", "level": "bo"},
        {"q": "dang ky", "field": "Hộ tịch", "online": "mot_phan"},
        {"agency": "Ủy ban nhân dân cấp xã"},
    ],
)
def test_both_backends_give_the_same_counts_facets_and_top_results(settings, params):
    on_elasticsearch = search(**params)
    settings.ELASTICSEARCH_URL = ""
    on_database = search(**params)
    assert (on_elasticsearch.backend, on_database.backend) == ("elasticsearch", "database")
    assert on_elasticsearch.count == on_database.count
    assert on_elasticsearch.facets == on_database.facets
    assert codes(on_elasticsearch)[:10] == codes(on_database)[:10]


@pytest.mark.parametrize("query", ["dang ky khai sinh", "1.0048", "ho tich", "thue", "giay phep"])
def test_same_query_set_same_top_results(settings, query):
    top = codes(search(q=query))[:5]
    settings.ELASTICSEARCH_URL = ""
    assert codes(search(q=query))[:5] == top


def test_sort_by_name_is_the_same_on_both_backends(settings):
    on_elasticsearch = codes(search(sort="name", page=2))
    settings.ELASTICSEARCH_URL = ""
    assert codes(search(sort="name", page=2)) == on_elasticsearch


def test_autocomplete_names_and_code_prefixes(settings):
    suggestions, backend = autocomplete("dang ky khai s")
    assert backend == "elasticsearch"
    assert suggestions[0]["name"] == "Thủ tục đăng ký khai sinh"
    by_code, _ = autocomplete("1.0048")
    assert by_code and all(item["code"].startswith("1.0048") for item in by_code)
    settings.ELASTICSEARCH_URL = ""
    assert autocomplete("dang ky khai s")[0] == suggestions


def test_unreachable_elasticsearch_falls_back_to_the_database(client, monkeypatch, caplog):
    closed = Elasticsearch("http://127.0.0.1:9", request_timeout=2, max_retries=0)  # discard port
    with monkeypatch.context() as patch:
        patch.setattr(elastic, "get_client", lambda: closed)
        response = client.get("/api/v1/procedures/", {"q": "dang ky khai sinh"})
    assert response.status_code == 200
    data = response.json()
    assert data["backend"] == "database"
    assert data["results"][0]["code"] == "1.001193"
    assert "answering from the database" in caplog.text


@pytest.mark.usefixtures("own_index")
def test_alias_swap_while_searches_run_keeps_answering():
    errors, answers, stop = [], [], threading.Event()
    params = SearchParams(q="khai sinh")
    expected = ProcedureQuery(params, str).execute().count

    def searching():
        while not stop.is_set():
            try:
                answers.append(ProcedureQuery(params, str).execute().count)
            except Exception as error:  # any failure is what this test looks for
                errors.append(error)

    threads = [threading.Thread(target=searching) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        replaced = [indexing.rebuild()["replaced"] for _ in range(3)]
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert len(answers) > 10 and set(answers) == {expected}
    assert all(len(old) == 1 for old in replaced)  # each rebuild dropped the previous index
    assert len(elastic.get_client().indices.get_alias(name=indexing.alias_name())) == 1


@pytest.mark.usefixtures("own_index")
def test_edits_made_during_a_rebuild_are_in_the_new_index(
    monkeypatch, django_capture_on_commit_callbacks
):
    edited, removed = Procedure.objects.order_by("pk")[5:7]
    real_bulk = indexes.bulk  # what the alias-swap rebuild loads the new index with

    def editor_at_work(client, actions, **options):
        def actions_with_an_edit_midway():
            for number, action in enumerate(actions):
                if number == 1 and removed.pk is not None:  # the snapshot is already read
                    with django_capture_on_commit_callbacks(execute=True):
                        edited.name = "Cấp giấy phép nuôi chim yến"
                        edited.save()
                        removed.delete()
                yield action

        return real_bulk(client, actions_with_an_edit_midway(), **options)

    monkeypatch.setattr(indexes, "bulk", editor_at_work)
    result = indexing.rebuild()

    assert result["caught_up"] == {"changed": 1, "deleted": 1}
    assert codes(search(q="chim yen")) == [edited.code]
    assert removed.code not in codes(search(q=removed.name))
    assert elastic.get_client().count(index=indexing.alias_name())["count"] == 83


@pytest.mark.usefixtures("own_index")
def test_a_rebuild_right_after_an_import_loads_each_procedure_once():
    # Every procedure of the fixture was written moments ago; only edits made while the new
    # index loads are caught up, so nothing is indexed twice (twice the time, deleted copies).
    result = indexing.rebuild()
    assert result["caught_up"] == {"changed": 0, "deleted": 0}
    stats = elastic.get_client().indices.stats(index=result["index"], metric="docs")
    docs = stats["_all"]["primaries"]["docs"]
    assert (docs["count"], docs["deleted"]) == (84, 0)


@pytest.mark.usefixtures("own_index")
def test_saving_and_deleting_update_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Procedure.objects.create(code="9.000003", name="Cấp giấy phép nuôi chim yến")
    elastic.get_client().indices.refresh(index=indexing.alias_name())
    assert codes(search(q="chim yen")) == ["9.000003"]

    with django_capture_on_commit_callbacks(execute=True):
        Procedure.objects.get(code="9.000003").delete()
    elastic.get_client().indices.refresh(index=indexing.alias_name())
    assert "9.000003" not in codes(search(q="chim yen"))


@pytest.mark.usefixtures("own_index")
def test_health_and_rebuild_commands(capsys):
    call_command("procedure_index_health")
    assert "Chỉ mục khớp với cơ sở dữ liệu." in capsys.readouterr().out
    call_command("rebuild_procedure_index")
    assert "84 thủ tục" in capsys.readouterr().out


def test_the_mapping_uses_only_the_servers_core():
    mapping = elastic.get_client().indices.get_mapping(index=indexing.alias_name())
    (index,) = mapping.values()
    properties = index["mappings"]["properties"]
    assert properties["name_folded"]["index_prefixes"]
    assert {p.get("analyzer", "standard") for p in properties.values() if p["type"] == "text"} == {
        "standard"
    }
