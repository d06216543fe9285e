"""What visitors and editors do, end to end, in Chromium. See journeys.py to add more."""

from tests.browser.conftest import BROWSER
from tests.browser.journeys import (
    ask_question,
    explore_admin_page,
    finish,
    follow_main_menu,
    home,
    log_into_admin,
    open_result,
    search_procedures,
    search_site,
    track_question,
    view_news_of_day,
    write_and_publish_article,
)

pytestmark = BROWSER

ARTICLE = "Kết quả xây dựng chính quyền điện tử năm 2023"


def test_reader_goes_from_home_to_an_article_and_the_news_of_its_day(page, portal):
    home(page, portal)
    follow_main_menu(page, "Tin tức")
    listing_heading = page.inner_text("h1")
    open_result(page, ARTICLE)
    article_heading = page.inner_text("h1")
    article_text = page.inner_text("article")
    trail = page.get_by_role("navigation", name="Vị trí trang").inner_text()
    view_news_of_day(page, "2024-10-27")

    assert listing_heading == "Tin tức"
    assert article_heading == ARTICLE
    assert "Ngày cập nhật" in article_text
    assert "Trang chủ" in trail and "Tin tức" in trail
    assert page.inner_text("h1") == "Tin ngày 27/10/2024"
    assert page.get_by_role("link", name=ARTICLE, exact=True).count() == 1
    finish(page, "journey-reader-article-by-date")


def test_visitor_finds_a_procedure_without_diacritics_and_opens_it(page, portal):
    home(page, portal)
    search_procedures(page, "dang ky khai sinh")
    results = page.locator("ol.procedure-results").inner_text()
    open_result(page, "Thủ tục đăng ký khai sinh")

    assert "Thủ tục đăng ký khai sinh" in results
    assert page.inner_text("h1") == "Thủ tục đăng ký khai sinh"
    assert page.url.endswith("/thu-tuc-hanh-chinh/1.001193/")
    assert "Thành phần hồ sơ" in page.inner_text("main")
    finish(page, "journey-procedure-search")


def test_citizen_asks_a_question_and_tracks_it_by_its_code(page, portal):
    asker = {
        "name": "Lê Văn Thử",
        "street": "12 Lê Lợi",
        "phone": "0912 345 678",
        "email": "le.van.thu@example.vn",
    }
    home(page, portal)
    follow_main_menu(page, "Trao đổi và tháo gỡ")
    page.get_by_role("link", name="Gửi câu hỏi tới lãnh đạo thành phố").click()
    ask_question(
        page,
        asker,
        title="Hỏi về cấp lại giấy khai sinh bị mất",
        content="Giấy khai sinh của tôi bị mất, xin hỏi thủ tục cấp lại bản sao như thế nào?",
    )
    receipt_heading = page.inner_text("h1")
    code = page.inner_text(".tracking-code").strip()
    page.get_by_role("link", name="Tra cứu câu hỏi").first.click()
    track_question(page, code, asker["email"])
    result = page.get_by_role("status").inner_text()

    assert receipt_heading == "Đã nhận câu hỏi của bạn"
    assert code
    assert f"Câu hỏi {code}" in result
    assert "Mới nhận" in result
    finish(page, "journey-question-tracking")


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
