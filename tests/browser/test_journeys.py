"""What visitors and editors do, end to end, in Chromium. See journeys.py to add more."""

from tests.browser.conftest import BROWSER
from tests.browser.journeys import (
    explore_admin_page,
    finish,
    follow_main_menu,
    home,
    log_into_admin,
    open_result,
    search_site,
    write_and_publish_article,
)

pytestmark = BROWSER

ARTICLE = "Kết quả xây dựng chính quyền điện tử năm 2023"


def test_reader_goes_from_home_to_an_article(page, portal):
    home(page, portal)
    follow_main_menu(page, "Tin tức")
    listing_heading = page.inner_text("h1")
    open_result(page, ARTICLE)
    # When the news section lands: open "Xem tin theo ngày" from here and pick a date.

    assert listing_heading == "Tin tức"
    assert page.inner_text("h1") == ARTICLE
    assert "Ngày cập nhật" in page.inner_text("article")
    trail = page.get_by_role("navigation", name="Vị trí trang").inner_text()
    assert "Trang chủ" in trail and "Tin tức" in trail
    finish(page, "journey-reader-article")


def test_visitor_searches_without_diacritics_and_opens_a_result(page, portal):
    home(page, portal)
    search_site(page, "dang ky khai sinh")
    results = page.locator("ol.search-results").inner_text()
    open_result(page, "Hướng dẫn tra cứu thủ tục hành chính")

    assert "Hướng dẫn tra cứu thủ tục hành chính" in results
    assert page.inner_text("h1") == "Hướng dẫn tra cứu thủ tục hành chính"
    finish(page, "journey-site-search")


def test_english_reader_finds_the_contact_officials(page, portal):
    home(page, portal)
    page.get_by_role("link", name="English").click()
    follow_main_menu(page, "Contact")

    assert page.get_attribute("html", "lang") == "en"
    assert "Head of the Editorial Board" in page.inner_text("table")
    finish(page, "journey-english-contact")


def test_editor_logs_in_and_publishes_an_article(page, portal):
    title = "Tỉnh mở đường dây nóng hỗ trợ dịch vụ công"
    log_into_admin(page, portal)
    page.goto(portal + "/admin/pages/")
    explore_admin_page(page, "Trang chủ")
    explore_admin_page(page, "Tin tức")
    write_and_publish_article(
        page,
        title,
        lead="Người dân gọi đường dây nóng để được hướng dẫn nộp hồ sơ trực tuyến.",
        body="Đường dây nóng hoạt động trong giờ hành chính các ngày làm việc.",
    )

    home(page, portal)
    featured = page.locator(".featured-news").inner_text()
    open_result(page, title)

    assert title in featured
    assert page.inner_text("h1") == title
    assert "Đường dây nóng hoạt động trong giờ hành chính" in page.inner_text("article")
    finish(page, "journey-editor-publishes")
