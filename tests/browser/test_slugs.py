"""The page editor and the copy-page form fill the slug from a Vietnamese title in plain
ASCII, in Chromium.

Wagtail's own script (the `w-slug` controller) has no Vietnamese table and turned "Tỉnh Đồng"
into "tnh-m-djng"; home/slugs.py gives it the portal's folding. This types the title as an
editor does and reads the slug field the form will send.
"""

from tests.browser.conftest import BROWSER
from tests.browser.journeys import explore_admin_page, finish, log_into_admin

pytestmark = BROWSER

TITLE = "Tỉnh Đồng khánh thành cầu đi bộ Thuận Hóa"
SLUG = "tinh-dong-khanh-thanh-cau-di-bo-thuan-hoa"


def test_editor_types_a_vietnamese_title_and_gets_an_ascii_slug(page, portal):
    log_into_admin(page, portal)
    page.goto(portal + "/admin/pages/")
    explore_admin_page(page, "Trang chủ")
    explore_admin_page(page, "Tin tức")
    page.locator('a[href$="/add_subpage/"]').first.click()
    page.wait_for_load_state()

    page.locator("#id_title").click()
    page.keyboard.type(TITLE)
    page.wait_for_function(
        "slug => document.querySelector('#id_slug').value === slug", arg=SLUG, timeout=10_000
    )
    typed = page.input_value("#id_slug")
    # Leaving the slug field runs the controller's other clean-up (slugify): still the same.
    page.locator("#id_slug").dispatch_event("blur")
    after_blur = page.input_value("#id_slug")

    assert typed == SLUG
    assert after_blur == SLUG
    finish(page, "journey-editor-vietnamese-slug")


def test_editor_copies_a_page_under_a_vietnamese_title_and_gets_an_ascii_slug(page, portal):
    log_into_admin(page, portal)
    page.goto(portal + "/admin/pages/")
    explore_admin_page(page, "Trang chủ")
    # "Liên hệ" has its title's slug, so the copy's slug follows the new title as typed.
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Liên hệ", exact=True))
    edit_url = row.locator('a[href$="/edit/"]').first.get_attribute("href")
    page.goto(portal + edit_url.replace("/edit/", "/copy/"))
    assert page.input_value("#id_new_slug") == "lien-he"

    page.locator("#id_new_title").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(TITLE)
    page.wait_for_function(
        "slug => document.querySelector('#id_new_slug').value === slug", arg=SLUG, timeout=10_000
    )
    typed = page.input_value("#id_new_slug")
    # A slug typed by hand is folded when the editor leaves the field.
    page.fill("#id_new_slug", "Đường Lê Lợi ở Thuận Hóa")
    page.locator("#id_new_slug").dispatch_event("blur")
    by_hand = page.input_value("#id_new_slug")

    assert typed == SLUG
    assert by_hand == "duong-le-loi-o-thuan-hoa"
    finish(page, "journey-editor-copy-vietnamese-slug")
