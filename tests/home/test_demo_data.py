import re

from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage, MainMenu, MenuItem, NationalPortalLink
from news.models import NewsPage


def test_demo_data_builds_a_walkable_portal(client, db):
    call_command("load_demo_data", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    html = client.get("/").content.decode()
    for section in ("Tin tức", "Thủ tục hành chính", "Trao đổi và tháo gỡ", "Liên hệ"):
        assert section in html
    assert NewsPage.objects.live().count() >= 4
    assert client.get("/tin-tuc/").status_code == 200
    assert client.get("/lien-he/").status_code == 200
    assert client.get("/huong-dan/nop-ho-so-truc-tuyen/").status_code == 200


def test_demo_data_has_english_structure_and_contact_pages(client, db):
    call_command("load_demo_data", verbosity=0)

    structure = client.get("/en/organisational-structure/").content.decode()
    contact = client.get("/en/contact/").content.decode()

    assert '<html lang="en">' in structure
    assert "Hue City People&#x27;s Committee" in structure
    assert "Head of the Editorial Board" in contact
    assert 'hreflang="vi" href="http://localhost/lien-he/"' in contact
    menu = MainMenu.objects.get(placement="header", locale__language_code="vi")
    assert [str(item) for item in menu.items.all()][:3] == [
        "Trang chủ",
        "Tin tức",
        "Thủ tục hành chính",
    ]


def test_demo_data_twice_changes_nothing(db):
    call_command("load_demo_data", verbosity=0)
    pages_after_first = sorted(Page.objects.values_list("url_path", "latest_revision_id"))
    links_after_first = (MenuItem.objects.count(), NationalPortalLink.objects.count())

    call_command("load_demo_data", verbosity=0)

    assert sorted(Page.objects.values_list("url_path", "latest_revision_id")) == pages_after_first
    assert (MenuItem.objects.count(), NationalPortalLink.objects.count()) == links_after_first


def test_demo_names_the_province_one_way(client, db):
    """Thừa Thiên Huế has been Thành phố Huế (a centrally-run city) since 1 Jan 2025, as the
    administrative-units data the question form offers says (GSO code 46): no page of the demo
    may still call it by its old name, in Vietnamese or in English, nor call its People's
    Committee or Council "tỉnh" ("Chủ tịch UBND tỉnh") or "Provincial", nor say "lãnh đạo
    tỉnh", "Toàn tỉnh", "trên địa bàn tỉnh" (the locality word is in its settings). National
    texts that name every province ("Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương")
    are not about it."""
    call_command("load_demo_data", verbosity=0)
    article = NewsPage.objects.live().order_by("pk").first()
    urls = {
        "/",
        "/lien-he/",
        "/tin-tuc/",
        article.url,
        "/trao-doi-va-thao-go/",
        "/trao-doi-va-thao-go/gui-cau-hoi/",
        "/trao-doi-va-thao-go/thong-ke/",
        "/en/",
        "/en/contact/",
        "/en/organisational-structure/",
    }
    # Every page of the demo: news, the organisation and its leaders, schedules, announcements,
    # documents, drafts, procedures, statistics.
    urls |= {page.url for page in Page.objects.live().exclude(depth=1).specific()}
    pages = {}
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()

    assert len(pages) > 100
    assert [u for u, html in pages.items() if "Thừa Thiên" in html or "Thua Thien" in html] == []
    said_tinh = {u: sorted(set(TINH.findall(html))) for u, html in pages.items()}
    assert {u: found for u, found in said_tinh.items() if found} == {}
    assert [u for u, html in pages.items() if "Provincial People" in html] == []  # English
    assert "Ủy ban nhân dân thành phố Huế" in pages["/"]  # the footer
    assert "16 Lê Lợi, phường Thuận Hóa, thành phố Huế" in pages["/lien-he/"]
    assert "Thành phố Huế" in pages["/trao-doi-va-thao-go/gui-cau-hoi/"]  # the preselection
    assert "Gửi câu hỏi tới lãnh đạo thành phố" in pages["/trao-doi-va-thao-go/"]
    assert "Toàn thành phố" in pages["/trao-doi-va-thao-go/thong-ke/"]
    assert "áp dụng trên địa bàn thành phố có <strong>" in pages["/thong-ke/"]
    assert (
        "Chủ tịch Ủy ban nhân dân thành phố – Nguyễn Văn Thành"
        in pages["/trao-doi-va-thao-go/gui-cau-hoi/"]
    )
    assert "People&#x27;s Committee of Hue City" in pages["/en/"]


# The province's own People's Committee or Council called "tỉnh", in full or abbreviated, and
# the visitor text that calls the place "tỉnh" (its leaders, its total, its territory).
TINH = re.compile(
    r"(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|[Ll]ãnh đạo|Toàn|địa bàn) tỉnh\b"
    r"(?!, thành phố)"
)
