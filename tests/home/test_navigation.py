"""Header, main menu, breadcrumbs and footer on every page."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from home.models import MainMenu, MenuItem, PortalSettings, StandardPage
from news.models import NewsIndexPage
from tests.conftest import add_page


@pytest.fixture
def sections(home_page):
    news = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    guide = add_page(home_page, StandardPage, title="Hướng dẫn", slug="huong-dan")
    step = add_page(guide, StandardPage, title="Nộp hồ sơ trực tuyến", slug="nop-ho-so")
    return {"home": home_page, "news": news, "guide": guide, "step": step}


def header_menu(*items):
    menu = MainMenu.objects.create(placement=MainMenu.Placement.HEADER, locale=Locale.get_default())
    for order, (label, page, url) in enumerate(items):
        MenuItem.objects.create(
            menu=menu, label=label, link_page=page, link_url=url, sort_order=order
        )
    return menu


def main_menu_html(html):
    return html[html.index('class="main-nav"') : html.index("</nav>", html.index("main-nav"))]


def test_header_shows_the_province_and_the_editable_menu(client, sections):
    header_menu(
        ("", sections["home"], ""),
        ("Tin tức", sections["news"], ""),
        ("Thống kê", None, "/thong-ke/"),
        ("", sections["guide"], ""),
    )

    html = client.get("/").content.decode()
    menu = main_menu_html(html)

    assert "Cổng thông tin điện tử thành phố Huế" in html
    assert "Ủy ban nhân dân thành phố Huế" in html
    assert menu.index("Trang chủ") < menu.index("Tin tức") < menu.index("Thống kê")
    assert 'href="/thong-ke/"' in menu
    assert 'href="/huong-dan/"' in menu


def test_menu_marks_the_current_section(client, sections):
    header_menu(("", sections["home"], ""), ("", sections["guide"], ""))

    menu = main_menu_html(client.get("/huong-dan/nop-ho-so/").content.decode())

    assert '<a href="/huong-dan/" aria-current="page">' in menu
    assert '<a href="/" aria-current="page">' not in menu


def test_menu_skips_unpublished_pages(client, sections):
    sections["guide"].unpublish()
    header_menu(("", sections["home"], ""), ("", sections["guide"], ""))

    menu = main_menu_html(client.get("/").content.decode())

    assert "Hướng dẫn" not in menu


def test_without_an_edited_menu_the_home_children_in_menus_show(client, sections):
    StandardPage.objects.filter(pk=sections["guide"].pk).update(show_in_menus=True)

    menu = main_menu_html(client.get("/").content.decode())

    assert 'href="/huong-dan/"' in menu
    assert "Trang chủ" in menu


def test_a_menu_item_needs_exactly_one_target(sections):
    menu = header_menu()
    with pytest.raises(ValidationError):
        MenuItem(menu=menu, label="Trống").full_clean()
    with pytest.raises(ValidationError):
        MenuItem(menu=menu, label="Cả hai", link_page=sections["news"], link_url="/x/").clean()
    with pytest.raises(ValidationError):
        MenuItem(menu=menu, label="Lạ", link_url="javascript:alert(1)").full_clean()
    MenuItem(menu=menu, label="Ngoài", link_url="https://dichvucong.gov.vn").full_clean()


def test_breadcrumbs_on_inner_pages_only(client, sections):
    inner = client.get("/huong-dan/nop-ho-so/").content.decode()
    home = client.get("/").content.decode()

    assert 'aria-label="Vị trí trang"' in inner
    trail = inner[
        inner.index('class="breadcrumbs') : inner.index("</nav>", inner.index("breadcrumbs"))
    ]
    assert trail.index('href="/"') < trail.index('href="/huong-dan/"')
    assert '<li aria-current="page">Nộp hồ sơ trực tuyến</li>' in trail
    assert 'class="breadcrumbs' not in home


def test_footer_shows_contact_facts_and_licence(client, home_page):
    PortalSettings.objects.update_or_create(
        site=home_page.get_site(),
        defaults={
            "address": "16 Lê Lợi, thành phố Huế",
            "phone": "0234 3822 527",
            "email": "ubnd@example.vn",
            "licence": "Giấy phép số 34/GP-TTĐT",
        },
    )

    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]

    assert "16 Lê Lợi, thành phố Huế" in footer
    assert 'href="tel:02343822527"' in footer
    assert 'href="mailto:ubnd@example.vn"' in footer
    assert "Giấy phép số 34/GP-TTĐT" in footer


def test_footer_shows_the_visitor_counters(client, home_page):
    footer = client.get("/").content.decode().split("<footer", 1)[1]

    assert "Truy cập tổng" in footer
    assert "Slot for the visitor counters" not in footer


def test_skip_link_points_at_main(client, home_page):
    html = client.get("/").content.decode()

    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main" tabindex="-1">' in html


def test_menu_changes_show_at_once_despite_the_menu_cache(client, sections):
    menu = header_menu(("", sections["home"], ""), ("", sections["guide"], ""))
    client.get("/")  # cached now

    MenuItem.objects.create(menu=menu, label="Thống kê", link_url="/thong-ke/", sort_order=5)
    after_edit = main_menu_html(client.get("/").content.decode())
    guide = sections["guide"]
    guide.title = "Hướng dẫn sử dụng"
    guide.save_revision().publish()
    after_publish = main_menu_html(client.get("/").content.decode())

    assert "Thống kê" in after_edit
    assert "Hướng dẫn sử dụng" in after_publish


def test_the_frame_costs_few_queries(client, sections, django_assert_max_num_queries):
    header_menu(("", sections["home"], ""), ("", sections["guide"], ""))
    client.get("/huong-dan/nop-ho-so/")
    with django_assert_max_num_queries(15):
        assert client.get("/huong-dan/nop-ho-so/").status_code == 200


def breadcrumbs_html(html):
    start = html.index('class="breadcrumbs')
    return html[start : html.index("</nav>", start)]


def test_breadcrumbs_come_from_the_route_without_a_query_of_their_own(
    client, sections, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/huong-dan/nop-ho-so/")  # warm the menu and settings caches
    with django_assert_max_num_queries(12):
        html = client.get("/huong-dan/nop-ho-so/").content.decode()

    trail = breadcrumbs_html(html)
    assert trail.index('href="/"') < trail.index('href="/huong-dan/"')


def test_breadcrumbs_skip_an_unpublished_section(client, sections):
    sections["guide"].unpublish()

    trail = breadcrumbs_html(client.get("/huong-dan/nop-ho-so/").content.decode())

    assert 'href="/"' in trail
    assert "/huong-dan/" not in trail
    assert "Nộp hồ sơ trực tuyến" in trail
