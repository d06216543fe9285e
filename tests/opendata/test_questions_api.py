"""GET /api/v1/questions/: published, anonymised answers only; never the asker's identity."""

import datetime
import json

import pytest
from django.utils import timezone

from dialogue.models import Agency, PublishedQuestion, Sector

from .conftest import IDENTITY, make_question, publish

API = "/api/v1/questions/"


@pytest.fixture
def answers(section, sector, leader, agency, moderator, answerer):
    land = Sector.objects.create(name="Đất đai")
    director = Agency.objects.create(name="Giám đốc Sở Tài nguyên")
    published = {}
    for key, title, chosen_sector, addressee in [
        ("birth", "Đăng ký khai sinh cho con", sector, leader),
        ("land", "Cấp giấy chứng nhận quyền sử dụng đất", land, director),
    ]:
        question = make_question(chosen_sector, addressee, title=title)
        published[key] = publish(question, agency, moderator, answerer, answer=f"Trả lời: {title}")
    published_at = timezone.make_aware(datetime.datetime(2024, 10, 27, 9))
    PublishedQuestion.objects.filter(question=published["birth"]).update(
        published_at=published_at - datetime.timedelta(days=1)
    )
    PublishedQuestion.objects.filter(question=published["land"]).update(published_at=published_at)
    # Received and still waiting for an answer: not open data.
    published["pending"] = make_question(sector, leader, title="Câu hỏi chưa trả lời")
    published["land_sector"], published["director"] = land, director
    return published


def test_lists_published_answers_newest_first(client, answers):
    response = client.get(API)
    data = response.json()

    assert response.status_code == 200
    assert [item["title"] for item in data["results"]] == [
        "Cấp giấy chứng nhận quyền sử dụng đất",
        "Đăng ký khai sinh cho con",
    ]
    item = data["results"][1]
    publication = answers["birth"].publication
    assert item["url"] == f"http://testserver/trao-doi-va-thao-go/{publication.pk}/"
    assert item["answer"] == "Trả lời: Đăng ký khai sinh cho con"
    assert item["sector"]["name"] == "Hộ tịch"
    assert item["addressee"]["name"] == "Chủ tịch UBND tỉnh"
    assert item["answering_body"]["name"] == "Sở Tư pháp"
    assert item["asker"] == publication.asker
    assert client.get(item["url"]).status_code == 200


def test_never_shows_the_askers_identity(client, answers):
    text = json.dumps(client.get(API).json(), ensure_ascii=False)
    detail = json.dumps(
        client.get(f"{API}{answers['birth'].publication.pk}/").json(), ensure_ascii=False
    )

    for value in (*IDENTITY.values(), "0914222333", "Câu hỏi chưa trả lời"):
        if len(value) > 3:  # province and ward codes are also public numbers elsewhere
            assert value not in text
            assert value not in detail


def test_filters_and_bad_filters(client, answers):
    by_sector = client.get(f"{API}?sector={answers['land_sector'].pk}").json()
    by_agency = client.get(f"{API}?agency={answers['director'].pk}").json()
    by_day = client.get(f"{API}?date=2024-10-26").json()
    unknown = client.get(f"{API}?sector=99999")
    bad_date = client.get(f"{API}?date_from=hôm-qua")

    assert [item["title"] for item in by_sector["results"]] == [
        "Cấp giấy chứng nhận quyền sử dụng đất"
    ]
    assert by_agency["count"] == 1
    assert [item["title"] for item in by_day["results"]] == ["Đăng ký khai sinh cho con"]
    assert unknown.status_code == 400
    assert unknown.json() == {"error": "sector: Không có lĩnh vực mã “99999”."}
    assert bad_date.status_code == 400
    assert "YYYY-MM-DD" in bad_date.json()["error"]
