"""GET /api/v1/news/: live public articles, newest first, filters, pages and 400s."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from .conftest import at, make_article, make_image, quick_article

API = "/api/v1/news/"


@pytest.fixture
def articles(news_index, categories):
    reform = categories["cai-cach-hanh-chinh"]
    notice = categories["thong-bao"]
    return {
        "old": make_article(news_index, reform, "Tin cũ", at(2024, 10, 1)),
        # 00:30 on 28 October in Huế is still 27 October in UTC: it belongs to the 28th.
        "late": make_article(news_index, notice, "Thông báo nửa đêm", at(2024, 10, 28, 0, 30)),
        "day": make_article(
            news_index, reform, "Cải cách ngày 27", at(2024, 10, 27, 23, 0), lead="Tóm tắt."
        ),
    }


def get(client, query=""):
    response = client.get(API + query)
    return response, response.json()


def titles(data):
    return [item["title"] for item in data["results"]]


def test_lists_live_articles_newest_first_with_their_fields(client, articles):
    articles["old"].unpublish()
    draft = make_article(articles["day"].get_parent(), None, "Bản nháp", at(2024, 11, 1))
    draft.unpublish()

    response, data = get(client)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert titles(data) == ["Thông báo nửa đêm", "Cải cách ngày 27"]
    assert data["count"] == 2 and data["page"] == 1 and data["num_pages"] == 1
    item = data["results"][1]
    assert item["url"] == "http://localhost/tin-tuc/cai-cach-ngay-27/"
    assert item["date"] == "2024-10-27T23:00:00+07:00"
    assert item["category"] == {"slug": "cai-cach-hanh-chinh", "name": "Cải cách hành chính"}
    assert item["lead"] == "Tóm tắt."
    assert item["language"] == "vi"
    assert item["image"] is None


def test_picture_is_an_absolute_thumbnail_with_alt_text(client, news_index, categories):
    make_article(news_index, None, "Có ảnh", at(2024, 10, 2), image=make_image())

    item = get(client)[1]["results"][0]

    assert item["image"]["url"].startswith("http://testserver/media/images/")
    assert (item["image"]["width"], item["image"]["height"]) == (320, 200)
    assert item["image"]["alt"] == "Cán bộ tiếp nhận hồ sơ tại bộ phận một cửa"


def test_private_sections_are_left_out(client, articles, news_index):
    PageViewRestriction.objects.create(
        page=articles["late"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert "Thông báo nửa đêm" not in titles(get(client)[1])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?category=thong-bao", ["Thông báo nửa đêm"]),
        ("?date=2024-10-27", ["Cải cách ngày 27"]),
        ("?date=2024-10-28", ["Thông báo nửa đêm"]),
        ("?date_from=2024-10-27", ["Thông báo nửa đêm", "Cải cách ngày 27"]),
        ("?date_to=2024-10-27", ["Cải cách ngày 27", "Tin cũ"]),
        ("?category=cai-cach-hanh-chinh&date_from=2024-10-02", ["Cải cách ngày 27"]),
        ("?lang=en", []),
    ],
)
def test_filters_by_category_and_local_day(client, articles, query, expected):
    response, data = get(client, query)
    assert response.status_code == 200
    assert titles(data) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?category=khong-co", "Không có chuyên mục “khong-co”."),
        ("?date=27/10/2024", "Ngày phải viết dạng YYYY-MM-DD"),
        ("?date=2024-02-30", "Ngày phải viết dạng YYYY-MM-DD"),
        ("?date_from=2024-10-28&date_to=2024-10-01", "phải trước ngày kết thúc"),
        ("?lang=fr", "Ngôn ngữ “fr” không có"),
        ("?page=abc", "Số trang phải là số nguyên dương."),
        ("?page=0", "Số trang phải là số nguyên dương."),
        ("?page_size=500", "Số mục mỗi trang phải từ 1 đến 100."),
        ("?chuyenmuc=thong-bao", "Tham số không được hỗ trợ: chuyenmuc."),
    ],
)
def test_bad_parameters_are_a_400_in_vietnamese(client, articles, query, message):
    response, data = get(client, query)
    assert response.status_code == 400
    assert message in data["error"]


def test_pages_and_past_the_end(client, news_index, categories):
    for day in range(1, 6):
        quick_article(news_index, None, f"Tin {day}", at(2024, 9, day))

    first, data = get(client, "?page_size=2")
    last, last_data = get(client, "?page_size=2&page=3")
    past, past_data = get(client, "?page_size=2&page=4")

    assert titles(data) == ["Tin 5", "Tin 4"]
    assert data["num_pages"] == 3
    assert data["next"] == "http://testserver/api/v1/news/?page=2&page_size=2"
    assert data["previous"] is None
    assert titles(last_data) == ["Tin 1"] and last_data["next"] is None
    assert past.status_code == 404
    assert past_data == {"error": "Không có trang 4; danh sách chỉ có 3 trang."}


def test_detail_has_the_body_and_hides_drafts(client, articles):
    article = articles["day"]
    response = client.get(f"{API}{article.pk}/")
    articles["old"].unpublish()
    hidden = client.get(f"{API}{articles['old'].pk}/")

    assert response.status_code == 200
    assert response.json()["body"] == "<p>Nội dung bài viết.</p>"
    assert hidden.status_code == 404
    assert hidden.json() == {"error": "Không tìm thấy dữ liệu này."}


def test_a_list_costs_the_same_queries_for_more_articles(client, settings, news_index, categories):
    settings.PAGE_CACHE_ENABLED = False
    image = make_image()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(API).status_code == 200
        return len(captured)

    for day in range(1, 4):
        quick_article(
            news_index, categories["thong-bao"], f"Tin {day}", at(2024, 9, day), image=image
        )
    client.get(API)  # renditions made once
    few = queries()
    for day in range(4, 20):
        quick_article(
            news_index, categories["thong-bao"], f"Tin {day}", at(2024, 9, day), image=image
        )
    client.get(API)
    many = queries()

    assert many == few
    # throttle (4 with the database cache), private sections, listing versions, ids, rows,
    # renditions, site; the count comes from the cache
    assert many <= 12


def test_the_cached_count_follows_publishing(client, settings, articles, news_index):
    settings.PAGE_CACHE_ENABLED = False
    assert get(client)[1]["count"] == 3

    make_article(news_index, None, "Tin mới", at(2024, 11, 1))
    assert get(client)[1]["count"] == 4
    articles["old"].unpublish()
    assert get(client)[1]["count"] == 3
    assert get(client, "?category=thong-bao")[1]["count"] == 1
