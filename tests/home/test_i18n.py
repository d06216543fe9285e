"""English versions of the Decree 42 pages: Wagtail i18n, /en/ prefix, lang and hreflang."""

import re

import pytest

from home.models import ContactOfficial, ContactPage, StandardPage
from tests.conftest import add_page
from tests.home.builders import english_home, translate


@pytest.fixture
def bilingual(home_page):
    structure = add_page(
        home_page,
        StandardPage,
        title="Cơ cấu tổ chức",
        slug="co-cau-to-chuc",
        body="<p>Chủ tịch, các Phó Chủ tịch.</p>",
    )
    contact = ContactPage(title="Liên hệ", slug="lien-he", phone="0234 3822 527")
    contact.officials = [ContactOfficial(name="Trần Thị B", title="Chánh Văn phòng")]
    home_page.add_child(instance=contact)
    contact.save_revision().publish()
    home_en = english_home(home_page)
    structure_en = translate(
        structure,
        home_en,
        title="Organisational structure",
        slug="organisational-structure",
        body="<p>The Chairperson and the Vice-Chairpersons.</p>",
    )
    contact_en = ContactPage(
        title="Contact",
        slug="contact",
        phone="0234 3822 527",
        locale=home_en.locale,
        translation_key=contact.translation_key,
    )
    contact_en.officials = [ContactOfficial(name="Tran Thi B", title="Chief of Office")]
    home_en.add_child(instance=contact_en)
    contact_en.save_revision().publish()
    return {"structure": structure, "structure_en": structure_en, "contact_en": contact_en}


def test_vietnamese_stays_unprefixed_and_english_lives_under_en(client, bilingual):
    vietnamese = client.get("/co-cau-to-chuc/")
    english = client.get("/en/organisational-structure/")

    assert vietnamese.status_code == 200
    assert '<html lang="vi">' in vietnamese.content.decode()
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert "The Chairperson and the Vice-Chairpersons." in english.content.decode()
    assert client.get("/vi/co-cau-to-chuc/").status_code == 404


def test_english_contact_page_lists_officials_in_english(client, bilingual):
    html = client.get("/en/contact/").content.decode()

    assert "Chief of Office" in html
    assert "Contact officials" in html
    assert "Phone" in html


def test_english_pages_have_an_english_frame(client, bilingual):
    html = client.get("/en/organisational-structure/").content.decode()

    assert "Skip to main content" in html
    assert "Are you satisfied with this information?" in html
    assert 'aria-label="Main menu"' in html
    assert "Bỏ qua, đến nội dung chính" not in html


def test_hreflang_links_both_ways(client, bilingual):
    vietnamese = client.get("/co-cau-to-chuc/").content.decode()
    english = client.get("/en/organisational-structure/").content.decode()

    for html in (vietnamese, english):
        assert (
            '<link rel="alternate" hreflang="vi" href="http://localhost/co-cau-to-chuc/">' in html
        )
        assert (
            '<link rel="alternate" hreflang="en" '
            'href="http://localhost/en/organisational-structure/">' in html
        )
        assert 'hreflang="x-default" href="http://localhost/co-cau-to-chuc/"' in html


def test_language_switch_goes_to_the_same_page(client, bilingual):
    vietnamese = client.get("/co-cau-to-chuc/").content.decode()
    english = client.get("/en/organisational-structure/").content.decode()

    assert '<a href="/en/organisational-structure/" lang="en" hreflang="en">English</a>' in (
        vietnamese
    )
    assert '<a href="/co-cau-to-chuc/" lang="vi" hreflang="vi">Tiếng Việt</a>' in english


def test_untranslated_page_offers_the_english_home(client, bilingual, home_page):
    add_page(home_page, StandardPage, title="Hướng dẫn", slug="huong-dan")

    html = client.get("/huong-dan/").content.decode()

    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in html
    assert 'hreflang="en" href=' not in html.split("</head>")[0]


def test_english_footer_uses_english_settings(client, bilingual, home_page):
    from home.models import PortalSettings

    PortalSettings.objects.update_or_create(
        site=home_page.get_site(),
        defaults={
            "organisation_en": "People's Committee of Hue City",
            "portal_name_en": "Hue City Web Portal",
        },
    )

    html = client.get("/en/").content.decode()

    assert "People&#x27;s Committee of Hue City" in html
    assert "<title>Home – Hue City Web Portal</title>" in html


def test_english_pages_label_the_visitor_counters_in_english(client, bilingual):
    footer = client.get("/en/contact/").content.decode().split("<footer", 1)[1]
    counters = footer[footer.index('class="visit-counters"') : footer.index("</section>")]

    labels = re.findall(r"<dt>([^<]*)</dt>", counters)
    assert labels == ["Total visits", "Visitors now", "Today", "This month"]
    assert '<h2 id="visit-counters-heading">Visits</h2>' in counters
    assert "Truy cập" not in counters and "Lượt truy cập" not in counters
