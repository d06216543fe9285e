"""Small screens, 200 % zoom, keyboard-only use and pages without JavaScript."""

import pytest

from tests.browser.conftest import BROWSER, open_context
from tests.browser.site_map import visit_every_page_type

pytestmark = BROWSER

# 320 CSS px is a small phone; 640 is a 1280 px window at 200 % zoom (WCAG 1.4.4, 1.4.10).
WIDTHS = (320, 640)

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName, id: el.id, text: (el.textContent || el.value || "").trim().slice(0, 40),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
    inView: (() => { const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
        && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1; })(),
  };
}"""


def test_no_horizontal_scrolling_at_320_px_and_200_percent_zoom(browser, request, portal):
    overflowing = {}
    for width in WIDTHS:
        tab = open_context(browser, request, viewport={"width": width, "height": 800}).new_page()
        for name in visit_every_page_type(tab, portal):
            scroll_width = tab.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                overflowing[f"{name}@{width}"] = scroll_width

    assert overflowing == {}


def test_skip_link_is_first_visible_on_focus_and_moves_focus_to_main(page, portal):
    page.goto(portal + "/co-cau-to-chuc/")

    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUS_STYLE)
    page.keyboard.press("Enter")
    after = page.evaluate("document.activeElement.id")

    assert skip["text"] == "Bỏ qua, đến nội dung chính"
    assert skip["inView"] and skip["outline"]
    assert page.url.endswith("#main")
    assert after == "main"


def test_every_focus_stop_is_visible_and_reaches_the_footer(page, portal):
    page.goto(portal + "/lien-he/")
    stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        if state["tag"] == "BODY":
            break
        stops.append(state)
    invisible = [stop for stop in stops if not (stop["outline"] or stop["shadow"])]
    texts = [stop["text"] for stop in stops]

    assert invisible == []
    assert "Tin tức" in texts  # main menu
    assert "Có" in texts  # the rating form
    assert "ubnd@hue.gov.vn" in texts  # the footer


def test_keyboard_only_visitor_rates_a_page(page, portal):
    page.goto(portal + "/lien-he/")  # a rated page (the organisation tree has 60+ links)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "co":
            break
    else:
        pytest.fail("the rating buttons cannot be reached with Tab")

    page.keyboard.press("Enter")
    page.wait_for_load_state()

    assert "Cảm ơn bạn đã đánh giá!" in page.inner_text("#danh-gia")


def test_pages_work_without_javascript(browser, request, portal):
    tab = open_context(browser, request, java_script_enabled=False).new_page()

    tab.goto(portal + "/")
    tab.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Tin tức").click()
    heading = tab.inner_text("h1")
    tab.fill("#header-search-q", "chinh quyen dien tu")
    tab.press("#header-search-q", "Enter")
    tab.wait_for_url("**/tim-kiem/?q=chinh+quyen+dien+tu")
    results = tab.inner_text("#ket-qua")
    tab.get_by_role("link", name="Kết quả xây dựng chính quyền điện tử năm 2023").click()
    tab.get_by_role("button", name="Không").click()

    assert heading == "Tin tức"
    assert results != "0 kết quả"
    assert "Cảm ơn bạn đã đánh giá!" in tab.inner_text("#danh-gia")


def test_footer_figures_are_refreshed_and_grouped_the_pages_way(page, portal):
    # The endpoint's figures replace the rendered ones (a page from a cache may be older),
    # grouped as the server groups them: 1.234.567 in Vietnamese, 1,234,567 in English.
    figures = {"total": 1234567, "online": 12, "today": 1000, "month": 999}
    page.route("**/api/v1/visits/", lambda route: route.fulfill(json=figures))
    shown = {}
    for path in ("/", "/en/"):
        page.goto(portal + path)
        # A function, not an expression: Playwright eval()s a string expression while
        # polling, which the portal's CSP (script-src 'self') refuses.
        page.wait_for_function(
            "() => document.querySelector('[data-visits=total]').value === '1234567'"
        )
        shown[path] = page.locator("data[data-visits]").all_inner_texts()

    assert shown == {
        "/": ["1.234.567", "12", "1.000", "999"],
        "/en/": ["1,234,567", "12", "1,000", "999"],
    }
