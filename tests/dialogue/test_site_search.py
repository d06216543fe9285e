"""Published Q&A in the site search (/tim-kiem/): anonymised answers only, diacritics optional."""

import pytest

from dialogue import workflow
from dialogue.models import PublishedQuestion
from tests.sitesearch.test_site_search import ODD_INPUTS

from .conftest import IDENTITY, SECTION, make_question, publish

SEARCH = "/tim-kiem/"


@pytest.fixture
def answered(section, sector, leader, agency, moderator, answerer):
    """One published answer about a birth registration, one answered but not yet published."""
    published = publish(
        make_question(
            sector,
            leader,
            title="Đăng ký khai sinh cho con khi cha mẹ đi làm xa",
            content=(
                "Tôi là Trần Thị Bích Ngọc, số điện thoại 0914 222 333, "
                "xin hỏi đăng ký khai sinh cho con ở đâu?"
            ),
        ),
        agency,
        moderator,
        answerer,
        answer="Ông bà đăng ký khai sinh tại UBND phường nơi cư trú.",
    )
    pending = make_question(sector, leader, title="Khai sinh cho con nuôi chưa công khai")
    workflow.assign(pending, moderator, agency)
    workflow.start(pending, answerer)
    workflow.answer(pending, answerer, "Đã trả lời nhưng chưa duyệt.")
    return published


def titles(response):
    return [hit.title for hit in response.context["results"].object_list]


def test_published_answers_are_found_without_diacritics(client, answered):
    response = client.get(SEARCH, {"q": "dang ky khai sinh", "loai": "hoi-dap"})
    html = response.content.decode()
    publication = PublishedQuestion.objects.get()

    assert response.status_code == 200
    assert titles(response) == ["Đăng ký khai sinh cho con khi cha mẹ đi làm xa"]
    assert f'href="{SECTION}{publication.pk}/"' in html
    assert "Hỏi đáp" in html


def test_unpublished_questions_and_personal_data_never_show(client, answered):
    everything = client.get(SEARCH, {"q": "khai sinh"}).content.decode()
    only = client.get(SEARCH, {"q": "khai sinh con", "loai": "hoi-dap"})
    by_name = client.get(SEARCH, {"q": "Bich Ngoc", "loai": "hoi-dap"})

    assert "Hỏi đáp (1)" in everything
    assert titles(only) == ["Đăng ký khai sinh cho con khi cha mẹ đi làm xa"]
    assert titles(by_name) == []  # the asker's name is masked before publication
    for html in (everything, only.content.decode()):
        assert "chưa công khai" not in html
        for value in (IDENTITY["full_name"], "0914 222 333", IDENTITY["email"]):
            assert value not in html


def test_answers_come_and_go_with_publication(client, answered, moderator):
    assert titles(client.get(SEARCH, {"q": "khai sinh", "loai": "hoi-dap"}))
    workflow.unpublish(answered, moderator)

    assert titles(client.get(SEARCH, {"q": "khai sinh", "loai": "hoi-dap"})) == []


def test_qa_results_are_paginated(client, section, sector, leader, agency, moderator, answerer):
    for number in range(12):
        publish(
            make_question(sector, leader, title=f"Hỏi về hộ tịch số {number}"),
            agency,
            moderator,
            answerer,
        )

    first = client.get(SEARCH, {"q": "ho tich", "loai": "hoi-dap"})
    second = client.get(SEARCH, {"q": "ho tich", "loai": "hoi-dap", "trang": "2"})

    assert len(titles(first)) == 10 and len(titles(second)) == 2
    assert set(titles(first)).isdisjoint(titles(second))
    assert '<span aria-current="page">1</span>' in first.content.decode()


@pytest.mark.parametrize("query", ODD_INPUTS)
def test_odd_input_never_causes_a_500(client, answered, query):
    response = client.get(SEARCH, {"q": query, "loai": "hoi-dap"})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
