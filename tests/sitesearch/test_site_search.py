"""The site search page, /tim-kiem/: Wagtail's database search, diacritics optional."""

import unicodedata

import pytest
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from procedures.models import SearchTermResult
from sitesearch import site_search
from sitesearch.site_search import ExternalSource, Hit, clean_query
from tests.conftest import add_page


@pytest.fixture
def content(home_page):
    news = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    add_page(
        news,
        NewsPage,
        title="Hướng dẫn đăng ký khai sinh trực tuyến",
        slug="khai-sinh",
        date="2024-10-27T08:30:00+07:00",
        lead="Cha mẹ có thể đăng ký khai sinh cho con qua mạng.",
        body="<p>Thủ tục đăng ký khai sinh được làm trực tuyến.</p>",
    )
    add_page(
        news,
        NewsPage,
        title="Hội nghị tổng kết năm",
        slug="tong-ket",
        date="2024-09-01T08:30:00+07:00",
        body="<p>Hội nghị tổng kết công tác năm 2023 của tỉnh.</p>",
    )
    add_page(
        home_page,
        StandardPage,
        title="Cơ cấu tổ chức",
        slug="co-cau-to-chuc",
        body="<p>Ủy ban nhân dân tỉnh gồm Chủ tịch và các Phó Chủ tịch.</p>",
    )
    return home_page


def titles(response):
    return [hit.title for hit in response.context["results"].object_list]


def test_finds_news_and_content_pages_with_diacritics(client, content):
    response = client.get("/tim-kiem/", {"q": "đăng ký khai sinh"})

    assert response.status_code == 200
    assert titles(response) == ["Hướng dẫn đăng ký khai sinh trực tuyến"]
    assert "1 kết quả" in response.content.decode()


def test_diacritics_are_optional(client, content):
    without = client.get("/tim-kiem/", {"q": "dang ky khai sinh"})
    upper = client.get("/tim-kiem/", {"q": "DANG KY KHAI SINH"})
    structure = client.get("/tim-kiem/", {"q": "uy ban nhan dan"})

    assert titles(without) == ["Hướng dẫn đăng ký khai sinh trực tuyến"]
    assert titles(upper) == ["Hướng dẫn đăng ký khai sinh trực tuyến"]
    assert titles(structure) == ["Cơ cấu tổ chức"]


def test_type_filter_narrows_to_one_source(client, content):
    everything = client.get("/tim-kiem/", {"q": "tinh"})
    news_only = client.get("/tim-kiem/", {"q": "tinh", "loai": "tin-tuc"})
    pages_only = client.get("/tim-kiem/", {"q": "tinh", "loai": "trang-noi-dung"})

    assert set(titles(everything)) == {"Hội nghị tổng kết năm", "Cơ cấu tổ chức"}
    assert titles(news_only) == ["Hội nghị tổng kết năm"]
    assert titles(pages_only) == ["Cơ cấu tổ chức"]
    assert "Tin tức" in news_only.content.decode()


def test_unknown_type_is_a_400_with_a_vietnamese_message(client, content):
    response = client.get("/tim-kiem/", {"q": "tinh", "loai": "khong-co"})

    assert response.status_code == 400
    assert "Loại nội dung không hợp lệ" in response.content.decode()


def test_results_are_paginated(client, home_page):
    for number in range(12):
        add_page(
            home_page,
            StandardPage,
            title=f"Hướng dẫn số {number}",
            slug=f"huong-dan-{number}",
            body="<p>Hướng dẫn thủ tục.</p>",
        )

    first = client.get("/tim-kiem/", {"q": "huong dan"})
    second = client.get("/tim-kiem/", {"q": "huong dan", "trang": "2"})
    beyond = client.get("/tim-kiem/", {"q": "huong dan", "trang": "99"})
    garbage = client.get("/tim-kiem/", {"q": "huong dan", "trang": "abc"})

    assert len(titles(first)) == 10
    assert len(titles(second)) == 2
    assert set(titles(first)).isdisjoint(titles(second))
    assert '<span aria-current="page">1</span>' in first.content.decode()
    assert 'href="?q=huong+dan&amp;trang=2" rel="next"' in first.content.decode()
    assert beyond.status_code == 404
    assert "Không có trang 99; danh sách chỉ có 2 trang." in beyond.content.decode()
    assert garbage.status_code == 400
    assert "Số trang không hợp lệ." in garbage.content.decode()


def test_editors_promotions_come_first(client, content):
    structure = StandardPage.objects.get(slug="co-cau-to-chuc")
    SearchPromotion.objects.create(
        query=Query.get("khai sinh"), page=structure, sort_order=0, description="Xem thêm"
    )

    html = client.get("/tim-kiem/", {"q": "Khai Sinh"}).content.decode()

    assert "Gợi ý của ban biên tập" in html
    assert html.index("Cơ cấu tổ chức") < html.index("Hướng dẫn đăng ký khai sinh")


def test_queries_are_logged_for_editors_once_per_search(client, content):
    client.get("/tim-kiem/", {"q": "Khai sinh"})
    client.get("/tim-kiem/", {"q": "khai sinh"})
    client.get("/tim-kiem/", {"q": "khai sinh", "trang": "2"})
    client.get("/tim-kiem/", {"q": ""})

    query = Query.objects.get(query_string="khai sinh")
    assert query.hits == 2
    assert QueryDailyHits.objects.count() == 1
    assert SearchTermResult.objects.get(query_string="khai sinh").results > 0


def test_the_report_keeps_the_latest_search_result_count(client, content):
    """Editors see what the term finds now: a term that found pages and then finds none is
    marked as finding none, still in one row."""
    client.get("/tim-kiem/", {"q": "khai sinh"})
    first = SearchTermResult.objects.get(query_string="khai sinh")
    assert first.results > 0

    NewsPage.objects.filter(title__icontains="khai sinh").delete()
    StandardPage.objects.filter(title__icontains="khai sinh").delete()
    client.get("/tim-kiem/", {"q": "khai sinh"})

    latest = SearchTermResult.objects.get(query_string="khai sinh")
    assert latest.results < first.results
    assert latest.searched_at > first.searched_at
    assert SearchTermResult.objects.filter(query_string="khai sinh").count() == 1


def test_empty_search_shows_a_prompt_and_logs_nothing(client, content):
    response = client.get("/tim-kiem/")

    assert response.status_code == 200
    assert "Nhập từ khóa" in response.content.decode()
    assert not Query.objects.exists()


ODD_INPUTS = [
    "'",
    '"',
    "\\",
    "&",
    "|",
    "!",
    "()",
    ":*",
    "a:*",
    "%",
    "_",
    "-",
    "*",
    "OR AND NOT",
    "\x00",
    "khai\x00sinh",
    "<script>alert(1)</script>",
    "🙂",
    "a" * 5000,
    " " * 300,
    "đ" * 300,
    "1.000948.H38",
    "' OR 1=1 --",
    "\u202e\u200b",
]


@pytest.mark.parametrize("query", ODD_INPUTS)
def test_odd_input_never_causes_a_500(client, content, query):
    response = client.get("/tim-kiem/", {"q": query, "loai": ""})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_long_queries_are_shortened_with_a_notice(client, content):
    response = client.get("/tim-kiem/", {"q": "khai sinh " * 100})

    assert len(response.context["query"]) <= 200
    assert "Từ khóa quá dài" in response.content.decode()


def test_clean_query_removes_control_characters():
    assert clean_query("  khai\x00 sinh\t\n ") == "khai sinh"
    assert clean_query(None) == ""


def test_other_sources_plug_in_as_types(client, content, monkeypatch):
    procedures = [
        Hit(title=f"Mục thử {n}", url=f"/thu-nghiem/{n}/", kind="Nguồn thử nghiệm")
        for n in range(5)
    ]
    source = ExternalSource(
        "thu-nghiem",
        "Nguồn thử nghiệm",
        lambda query, language: procedures if "khai sinh" in query else [],
    )
    monkeypatch.setattr(site_search, "_SOURCES", dict(site_search._SOURCES))
    site_search.register(source)
    everything = client.get("/tim-kiem/", {"q": "khai sinh"})
    only = client.get("/tim-kiem/", {"q": "khai sinh", "loai": "thu-nghiem"})

    html = everything.content.decode()
    assert "Nguồn thử nghiệm (5)" in html
    assert "Mục thử 2" in html and "Mục thử 3" not in html
    assert 'loai=thu-nghiem"' in html or "loai=thu-nghiem" in html
    assert titles(only) == [f"Mục thử {n}" for n in range(5)]


def test_decomposed_unicode_input_is_understood(client, content):
    decomposed = unicodedata.normalize("NFD", "đăng ký khai sinh")
    response = client.get("/tim-kiem/", {"q": decomposed})

    assert titles(response) == ["Hướng dẫn đăng ký khai sinh trực tuyến"]


def test_search_terms_keep_words_only():
    assert site_search.search_terms('"Đăng ký" OR khai:* sinh_') == "đăng ký or khai sinh"
    assert site_search.search_terms("!!!") == ""
