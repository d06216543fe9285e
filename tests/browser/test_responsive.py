"""Every page type at a phone (375 px), a tablet (768 px) and a laptop (1366 px): nothing
scrolls sideways, no text is smaller than 12 px (chart labels included, measured as drawn),
every image says its width and height (no layout shift). A screenshot of each page's first
screen at each width is kept in test-artifacts/responsive/ for a person to look at."""

from tests.browser.conftest import ARTIFACTS, BROWSER, open_context
from tests.browser.site_map import visit_every_page_type

pytestmark = BROWSER

WIDTHS = (375, 768, 1366)
MIN_TEXT_PX = 12

# The size a text is drawn at: CSS font size, times the SVG's scale for chart labels.
SMALL_TEXT = """(minimum) => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.trim();
    const el = node.parentElement;
    const skipped = '.visually-hidden, [hidden], script, style, noscript, title, desc';
    if (!text || !el || el.closest(skipped)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    let size = parseFloat(style.fontSize);
    if (el instanceof SVGElement && el.getScreenCTM()) size *= el.getScreenCTM().a;
    if (size < minimum - 0.05) {
      small.push(`${el.tagName} "${text.slice(0, 30)}" ${size.toFixed(1)}px`);
    }
  }
  return small.slice(0, 5);
}"""

UNSIZED_IMAGES = """() => Array.from(document.images)
  .filter((img) => !img.getAttribute('width') || !img.getAttribute('height'))
  .map((img) => img.currentSrc || img.src).slice(0, 5)"""


def test_every_page_type_fits_phone_tablet_and_laptop(browser, request, portal):
    overflowing, small_text, unsized = {}, {}, {}
    folder = ARTIFACTS / "responsive"
    folder.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        tab = open_context(browser, request, viewport={"width": width, "height": 900}).new_page()
        for name in visit_every_page_type(tab, portal):
            key = f"{name}@{width}"
            scroll_width = tab.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                overflowing[key] = scroll_width
            if found := tab.evaluate(SMALL_TEXT, MIN_TEXT_PX):
                small_text[key] = found
            if found := tab.evaluate(UNSIZED_IMAGES):
                unsized[key] = found
            # The first screen only: full-page captures of every page at three widths would
            # take longer than every check together.
            tab.screenshot(path=str(folder / f"{name}-{width}.jpg"), type="jpeg", quality=70)

    assert overflowing == {}
    assert small_text == {}
    assert unsized == {}


def test_menu_folds_into_a_button_on_phones_and_opens_without_javascript(browser, request, portal):
    phone = open_context(
        browser, request, viewport={"width": 375, "height": 800}, java_script_enabled=False
    ).new_page()
    laptop = open_context(browser, request, viewport={"width": 1366, "height": 800}).new_page()
    phone.goto(portal + "/")
    laptop.goto(portal + "/")
    news_link_phone = phone.get_by_role("navigation", name="Menu chính").get_by_role(
        "link", name="Tin tức"
    )

    hidden_before = not news_link_phone.is_visible()
    phone.get_by_text("Danh mục").click()
    shown_after = news_link_phone.is_visible()
    menu_on_laptop = laptop.get_by_role("navigation", name="Menu chính")

    assert hidden_before and shown_after
    assert menu_on_laptop.get_by_role("link", name="Tin tức").is_visible()
    assert not laptop.get_by_text("Danh mục").is_visible()
