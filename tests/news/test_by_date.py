import pytest

from tests.news.conftest import at, quick_article
from tests.news.test_lists import titles_on


@pytest.fixture
def october(news_index, categories):
    quick_article(news_index, categories["thong-bao"], "Sáng 27", at(2024, 10, 27, 8, 0))
    quick_article(news_index, categories["chinh-quyen-dien-tu"], "Chiều 27", at(2024, 10, 27, 16))
    # 23:30 in Huế on the 26th is 16:30 UTC: it belongs to the 26th, not the 27th.
    quick_article(news_index, categories["thong-bao"], "Khuya 26", at(2024, 10, 26, 23, 30))
    quick_article(news_index, categories["thong-bao"], "Tháng 11", at(2024, 11, 2))


def test_a_day_lists_only_that_days_articles(client, october):
    response = client.get("/tin-tuc/theo-ngay/", {"ngay": "2024-10-27"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Tin ngày 27/10/2024" in html
    assert titles_on(html) == ["Chiều 27", "Sáng 27"]
    assert 'value="2024-10-27"' in html  # the picker keeps the chosen day


def test_a_day_typed_the_vietnamese_way_is_understood(client, october):
    html = client.get("/tin-tuc/theo-ngay/", {"ngay": "26/10/2024"}).content.decode()

    assert titles_on(html) == ["Khuya 26"]


def test_an_empty_day_says_so_kindly(client, october):
    response = client.get("/tin-tuc/theo-ngay/", {"ngay": "2024-10-28"})
    html = response.content.decode()

    assert response.status_code == 200
    assert titles_on(html) == []
    assert "Không có tin nào được đăng trong ngày này." in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-02-30", "Ngày không hợp lệ"),
        ("hôm qua", "Ngày không hợp lệ"),
        ("27/13/2024", "Ngày không hợp lệ"),
        ("1800-01-01", "Chỉ xem được tin từ năm 1945 đến năm 2100."),
        ("9999-12-31", "Chỉ xem được tin từ năm 1945 đến năm 2100."),
    ],
)
def test_a_bad_date_is_a_400_with_a_vietnamese_message(client, news_index, value, message):
    response = client.get("/tin-tuc/theo-ngay/", {"ngay": value})

    assert response.status_code == 400
    assert message in response.content.decode()


def test_month_browse_links_the_days_with_news(client, october):
    response = client.get("/tin-tuc/theo-ngay/", {"thang": "2024-10"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Tin tháng 10/2024" in html
    assert titles_on(html) == ["Chiều 27", "Sáng 27", "Khuya 26"]
    assert 'href="/tin-tuc/theo-ngay/?ngay=2024-10-27" title="2 tin">27</a>' in html
    assert 'href="/tin-tuc/theo-ngay/?ngay=2024-10-26" title="1 tin">26</a>' in html
    assert '?ngay=2024-10-25"' not in html
    assert 'href="/tin-tuc/theo-ngay/?thang=2024-09" rel="prev"' in html
    assert 'href="/tin-tuc/theo-ngay/?thang=2024-11" rel="next"' in html


@pytest.mark.parametrize("value", ["2024-13", "tháng mười", "10/1800"])
def test_a_bad_month_is_a_400(client, news_index, value):
    response = client.get("/tin-tuc/theo-ngay/", {"thang": value})

    assert response.status_code == 400
    assert "Tháng không hợp lệ." in response.content.decode()


def test_the_picker_page_works_without_a_date(client, news_index):
    response = client.get("/tin-tuc/theo-ngay/")

    assert response.status_code == 200
    assert '<input type="date" name="ngay"' in response.content.decode()
