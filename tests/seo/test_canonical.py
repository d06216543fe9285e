"""Every page and routed sub-page prints exactly one canonical URL and one og:url: its own.

Articles once had two sets (news_page.html added its own while base.html included
seo_head.html); procedure pages, answers and news categories claimed their parent's address.
"""

import re

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
OG_URL = re.compile(r'<meta property="og:url" content="([^"]*)"')
OG_TITLE = re.compile(r'<meta property="og:title" content="([^"]*)"')


def head_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return CANONICAL.findall(html), OG_URL.findall(html), OG_TITLE.findall(html)


def test_each_sub_page_has_one_canonical_its_own(client, sections):
    answer = f"/trao-doi-va-thao-go/{sections.pk}/"
    expected = {
        "/tin-tuc/": "http://localhost/tin-tuc/",
        "/tin-tuc/?trang=1": "http://localhost/tin-tuc/",
        "/tin-tuc/mot-tin/": "http://localhost/tin-tuc/mot-tin/",
        "/tin-tuc/chuyen-muc/thong-bao/": "http://localhost/tin-tuc/chuyen-muc/thong-bao/",
        "/tin-tuc/theo-ngay/?ngay=2024-10-27&utm_source=zalo": (
            "http://localhost/tin-tuc/theo-ngay/?ngay=2024-10-27"
        ),
        "/tin-tuc/theo-ngay/?thang=2024-10": "http://localhost/tin-tuc/theo-ngay/?thang=2024-10",
        answer: f"http://localhost{answer}",
        "/trao-doi-va-thao-go/thong-ke/": "http://localhost/trao-doi-va-thao-go/thong-ke/",
        "/thu-tuc-hanh-chinh/1.001193/": "http://localhost/thu-tuc-hanh-chinh/1.001193/",
        "/thu-tuc-hanh-chinh/1.001193/in/": "http://localhost/thu-tuc-hanh-chinh/1.001193/",
    }
    for url, own in expected.items():
        canonicals, og_urls, _ = head_links(client, url)
        assert canonicals == [own], url
        assert og_urls == [own], url


def test_sub_pages_are_titled_for_sharing_by_what_they_show(client, sections):
    titles = {
        "/tin-tuc/chuyen-muc/thong-bao/": "Thông báo",
        f"/trao-doi-va-thao-go/{sections.pk}/": "Đăng ký khai sinh",
        "/thu-tuc-hanh-chinh/1.001193/": "Thủ tục đăng ký khai sinh",
        "/tin-tuc/mot-tin/": "Một tin",
    }
    for url, title in titles.items():
        assert head_links(client, url)[2] == [title], url


def test_an_article_prints_its_opengraph_once(client, sections):
    html = client.get("/tin-tuc/mot-tin/").content.decode()

    assert html.count('property="og:type"') == 1
    assert '<meta property="og:type" content="article">' in html
    assert html.count('property="og:description"') == 1
    assert html.count('property="article:published_time"') == 1
    assert html.count('rel="canonical"') == 1


def test_sub_pages_do_not_borrow_the_parents_translations(client, sections):
    html = client.get("/tin-tuc/chuyen-muc/thong-bao/").content.decode()
    assert 'hreflang="' not in html


def test_sections_added_later_follow_the_same_rule(client, home_page):
    """The documents' print view and the work schedule's weeks, once those sections landed."""
    from documents.models import DocumentIndexPage
    from government.models import WorkSchedulePage
    from tests.conftest import add_page
    from tests.documents.conftest import make_document

    index = add_page(home_page, DocumentIndexPage, title="Văn bản", slug="van-ban")
    legal = make_document(index, "12/2024/QĐ-UBND", "Quy định tiếp nhận hồ sơ")
    add_page(home_page, WorkSchedulePage, title="Lịch công tác", slug="lich-cong-tac")
    own = legal.get_full_url()

    assert head_links(client, legal.url + "?ban-in=1")[0] == [own]
    canonicals = head_links(client, "/lich-cong-tac/?tuan=2024-10-21")[0]
    assert len(canonicals) == 1
    assert canonicals[0].endswith("/lich-cong-tac/?tuan=2024-10-21")
