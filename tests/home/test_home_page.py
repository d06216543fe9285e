"""The home page: news, procedure search box, national portals and the section slots."""

import json
import re

import pytest

from dialogue.models import DialogueIndexPage
from documents.models import DocumentIndexPage
from home import front_page
from home.models import NationalPortalLink
from news.models import NewsIndexPage, NewsPage
from procedures.models import ProcedureDirectoryPage
from tests.conftest import add_page


@pytest.fixture
def news(home_page):
    index = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    for day in range(1, 9):
        add_page(
            index,
            NewsPage,
            title=f"Tin ngày {day:02d}",
            slug=f"tin-{day}",
            date=f"2024-10-{day:02d}T08:00:00+07:00",
            lead=f"Tóm tắt tin ngày {day}.",
            body="<p>Nội dung</p>",
        )
    return index


def test_top_stories_are_a_lead_with_photo_and_four_then_the_latest_titles(client, news):
    html = client.get("/").content.decode()
    lead = html[html.index('class="card card--news card--lead"') :]
    lead = lead[: lead.index("</article>")]
    secondary = html[html.index('class="home-secondary card-list"') :]
    secondary = secondary[: secondary.index("</ul>")]
    latest = html[html.index('class="news-list title-list"') :]

    assert "Tin ngày 08" in lead and "Tóm tắt tin ngày 8." in lead and "08/10/2024" in lead
    assert re.findall(r"Tin ngày \d\d", secondary) == [f"Tin ngày {d:02d}" for d in (7, 6, 5, 4)]
    assert re.findall(r"Tin ngày \d\d", latest[: latest.index("</ul>")]) == [
        f"Tin ngày {d:02d}" for d in (3, 2, 1)
    ]


def test_unpublished_news_stays_off_the_home_page(client, news):
    NewsPage.objects.get(slug="tin-8").unpublish()

    html = client.get("/").content.decode()

    assert "Tin ngày 08" not in html
    assert "Tin ngày 07" in html


def test_home_with_an_empty_news_section_says_so(client, home_page):
    add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")

    assert "Chưa có tin." in client.get("/").content.decode()


def test_home_without_a_news_section_shows_no_empty_news_block(client, home_page):
    # The English home page has no news section: no "No news yet" there.
    assert "Chưa có tin." not in client.get("/").content.decode()


def test_procedure_search_box_sends_q_to_the_directory(client, home_page):
    add_page(home_page, ProcedureDirectoryPage, title="Thủ tục hành chính", slug="thu-tuc")

    html = client.get("/").content.decode()

    assert re.search(r'<form method="get" action="/thu-tuc/"[^>]*role="search"', html)
    assert 'name="q"' in html
    assert '<label for="home-procedure-q">' in html


def test_no_procedure_box_without_a_directory(client, home_page):
    assert "home-procedure-q" not in client.get("/").content.decode()


def quick_links(html):
    """(label, address) of each quick link, and whether each draws its decorative icon."""
    nav = re.search(r'<nav aria-label="Lối tắt">(.*?)</nav>', html, re.S).group(1)
    links = re.findall(r'<li><a href="([^"]*)">(.*?)<span>([^<]*)</span></a></li>', nav, re.S)
    return [(label, url) for url, _icon, label in links], [
        '<svg viewBox="0 0 32 32"' in icon and 'aria-hidden="true"' in icon
        for _url, icon, _label in links
    ]


def test_quick_links_lead_to_the_portal_sections(client, home_page):
    add_page(home_page, ProcedureDirectoryPage, title="Thủ tục hành chính", slug="thu-tuc")
    add_page(home_page, DialogueIndexPage, title="Trao đổi và tháo gỡ", slug="hoi-dap")
    add_page(home_page, DocumentIndexPage, title="Văn bản", slug="van-ban")

    links, icons = quick_links(client.get("/").content.decode())

    assert links == [
        ("Dịch vụ công", "/thu-tuc/"),
        ("Tra cứu hồ sơ", "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html"),
        ("Hỏi đáp", "/hoi-dap/"),
        ("Văn bản", "/van-ban/"),
    ]
    assert icons == [True] * 4


def test_quick_links_without_sections_go_to_the_national_portals(client, home_page):
    links, _icons = quick_links(client.get("/").content.decode())

    # No dialogue section, no "Hỏi đáp": there is no national one to send a question to.
    assert links == [
        ("Dịch vụ công", "https://dichvucong.gov.vn"),
        ("Tra cứu hồ sơ", "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html"),
        ("Văn bản", "https://vbpl.vn"),
    ]


def test_national_portal_links_are_editable(client, home_page):
    home_page.portal_links = [
        NationalPortalLink(title="Cổng Dịch vụ công quốc gia", url="https://dichvucong.gov.vn")
    ]
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert (
        '<a href="https://dichvucong.gov.vn" rel="noopener"><span>Cổng Dịch vụ công quốc gia'
        in html
    )


def test_slots_render_nothing_without_providers(client, home_page):
    html = client.get("/").content.decode()

    assert "Câu hỏi mới được trả lời" not in html
    assert "Số liệu nổi bật" not in html


def test_registered_providers_fill_the_slots(client, home_page, monkeypatch):
    def answers(home, request):
        return [{"title": "Hỏi về khai sinh", "url": "/hoi-dap/1/", "date": None}]

    def statistics(home, request):
        return [{"label": "Thủ tục hành chính", "value": 2106}]

    monkeypatch.setattr(front_page, "_providers", {slot: [] for slot in front_page.SLOTS})
    front_page.register("recent_answers", answers)
    front_page.register("key_statistics", statistics)
    html = client.get("/").content.decode()

    assert "Câu hỏi mới được trả lời" in html
    assert '<a href="/hoi-dap/1/">Hỏi về khai sinh</a>' in html
    assert "2.106" in html


def test_a_failing_provider_never_takes_the_home_page_down(client, home_page, monkeypatch):
    def broken(home, request):
        raise RuntimeError("section is down")

    monkeypatch.setattr(front_page, "_providers", {slot: [] for slot in front_page.SLOTS})
    front_page.register("key_statistics", broken)
    response = client.get("/")

    assert response.status_code == 200
    assert "Số liệu nổi bật" not in response.content.decode()


def test_unknown_slot_is_refused():
    with pytest.raises(ValueError):
        front_page.register("weather", lambda home, request: [])


def test_home_describes_the_government_organisation(client, home_page):
    html = client.get("/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)

    data = json.loads(block.group(1))
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Ủy ban nhân dân thành phố Huế"
    assert data["url"].endswith("/")


def test_home_queries_stay_bounded(client, news, django_assert_max_num_queries, settings):
    # The render is measured, not the page cache: with it on, the second visit was a hit
    # (1 query) or, when the entry was gone, a miss plus the cache's own writes (19 once).
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")  # warm Wagtail's site caches
    with django_assert_max_num_queries(18):
        assert client.get("/").status_code == 200
