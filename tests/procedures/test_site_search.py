"""Procedures in the site search (/tim-kiem/): the directory's own search, as one result type."""

import pytest

from procedures.models import Procedure
from tests.sitesearch.test_site_search import ODD_INPUTS

pytestmark = pytest.mark.usefixtures("shared_catalogue", "db")


def titles(response):
    return [hit.title for hit in response.context["results"].object_list]


def with_every_word(*words):
    """Procedures whose searchable text has every word (as the directory search matches)."""
    procedures = Procedure.objects.all()
    for word in words:
        procedures = procedures.filter(search_text__contains=f" {word} ")
    return procedures.count()


@pytest.mark.usefixtures("database_search")
def test_procedures_are_found_without_diacritics_from_the_database(client, directory):
    response = client.get("/tim-kiem/", {"q": "dang ky khai sinh", "loai": "thu-tuc"})
    html = response.content.decode()

    assert response.status_code == 200
    assert titles(response)[0] == Procedure.objects.get(code="1.001193").name
    assert response.context["results"].paginator.count == with_every_word(
        "dang", "ki", "khai", "sinh"
    )
    assert 'href="/thu-tuc-hanh-chinh/1.001193/"' in html
    assert "Mã 1.001193" in html


@pytest.mark.elasticsearch
@pytest.mark.usefixtures("indexed_catalogue")
def test_procedures_are_found_through_elasticsearch(client, directory):
    typed = client.get("/tim-kiem/", {"q": "đăng ký khai sinh", "loai": "thu-tuc"})
    folded = client.get("/tim-kiem/", {"q": "dang ki khai sinh", "loai": "thu-tuc"})

    assert titles(typed)[0] == Procedure.objects.get(code="1.001193").name
    assert titles(folded) == titles(typed)
    assert typed.context["results"].paginator.count == folded.context["results"].paginator.count


@pytest.mark.usefixtures("database_search")
def test_all_types_show_a_procedure_block_linking_to_the_filter(client, directory):
    html = client.get("/tim-kiem/", {"q": "khai sinh"}).content.decode()
    total = (
        client.get("/tim-kiem/", {"q": "khai sinh", "loai": "thu-tuc"})
        .context["results"]
        .paginator.count
    )

    assert total > 3
    assert f"Thủ tục hành chính ({total})" in html
    assert "loai=thu-tuc" in html
    assert '<option value="thu-tuc">Thủ tục hành chính</option>' in html


@pytest.mark.usefixtures("database_search")
def test_procedure_results_are_paginated(client, directory):
    first = client.get("/tim-kiem/", {"q": "ho tich", "loai": "thu-tuc"})
    second = client.get("/tim-kiem/", {"q": "ho tich", "loai": "thu-tuc", "trang": "2"})
    count = first.context["results"].paginator.count

    assert count > 10
    assert len(titles(first)) == 10
    assert len(titles(second)) == min(10, count - 10)
    assert set(titles(first)).isdisjoint(titles(second))
    assert 'href="?q=ho+tich&amp;loai=thu-tuc&amp;trang=2" rel="next"' in first.content.decode()


@pytest.mark.usefixtures("database_search")
def test_a_procedure_code_finds_its_procedure(client, directory):
    response = client.get("/tim-kiem/", {"q": "1.001193", "loai": "thu-tuc"})

    assert titles(response)[0] == Procedure.objects.get(code="1.001193").name


@pytest.mark.usefixtures("database_search")
@pytest.mark.parametrize("query", ODD_INPUTS)
def test_odd_input_never_causes_a_500(client, directory, query):
    response = client.get("/tim-kiem/", {"q": query, "loai": "thu-tuc"})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
