"""sitemap.xml, robots.txt, canonical URLs and OpenGraph."""

import xml.etree.ElementTree as ET

import pytest
from django.template import engines

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.conftest import add_page
from tests.home.builders import english_home, translate

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def site_pages(home_page):
    structure = add_page(home_page, StandardPage, title="Cơ cấu tổ chức", slug="co-cau-to-chuc")
    add_page(home_page, StandardPage, title="Bản nháp", slug="ban-nhap").unpublish()
    news = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    add_page(news, NewsPage, title="Một tin", slug="mot-tin", lead="Tóm tắt.", body="<p>x</p>")
    home_en = english_home(home_page)
    translate(structure, home_en, title="Organisational structure", slug="structure")
    return home_page


def test_sitemap_lists_live_pages_in_both_languages(client, site_pages):
    response = client.get("/sitemap.xml")
    tree = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    locations = [node.text for node in tree.findall("s:url/s:loc", NS)]

    assert response.status_code == 200
    assert "http://localhost/" in locations
    assert "http://localhost/co-cau-to-chuc/" in locations
    assert "http://localhost/tin-tuc/mot-tin/" in locations
    assert "http://localhost/en/" in locations
    assert "http://localhost/en/structure/" in locations
    assert not any("ban-nhap" in location for location in locations)


def test_sitemap_links_translations_with_hreflang(client, site_pages):
    tree = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    for url in tree.findall("s:url", NS):
        if url.find("s:loc", NS).text == "http://localhost/co-cau-to-chuc/":
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
            break
    else:
        pytest.fail("structure page missing from the sitemap")

    assert alternates == {
        "vi": "http://localhost/co-cau-to-chuc/",
        "en": "http://localhost/en/structure/",
    }


def test_robots_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    text = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_pages_have_canonical_and_opengraph(client, site_pages):
    article = client.get("/tin-tuc/mot-tin/").content.decode()
    page = client.get("/co-cau-to-chuc/").content.decode()

    assert '<link rel="canonical" href="http://localhost/tin-tuc/mot-tin/">' in article
    assert '<meta property="og:type" content="article">' in article
    assert '<meta property="og:description" content="Tóm tắt.">' in article
    assert '<meta property="og:title" content="Một tin">' in article
    assert '<meta property="og:type" content="website">' in page
    assert '<meta property="og:locale" content="vi_VN">' in page


def test_search_page_is_not_indexed_and_canonical_drops_the_query(client, home_page):
    html = client.get("/tim-kiem/", {"q": "khai sinh"}).content.decode()

    assert '<meta name="robots" content="noindex, follow">' in html
    assert '<link rel="canonical" href="http://testserver/tim-kiem/">' in html


def test_sections_can_advertise_feeds_in_the_head(rf, home_page):
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block feeds %}'
        '<link rel="alternate" type="application/rss+xml" href="/tin-tuc/rss/">'
        "{% endblock %}"
    )

    html = template.render({"page": home_page}, rf.get("/"))

    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml" href="/tin-tuc/rss/">' in head
