"""Steps of the browser journeys, written the way a visitor or an editor acts.

A journey is a plain test that chains these steps and ends with `finish(tab, name)`,
which keeps a screenshot of the last step in test-artifacts/ (see test_journeys.py).
"""

import contextlib
import re

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import EDITOR, save_screenshot

MAIN_MENU = re.compile("^(Menu chính|Main menu)$")


def home(tab, portal):
    tab.goto(portal + "/")


def follow_main_menu(tab, label):
    menu = tab.get_by_role("navigation", name=MAIN_MENU)
    menu.get_by_role("link", name=label, exact=True).click()
    tab.wait_for_load_state()


def open_result(tab, title):
    tab.get_by_role("link", name=title, exact=True).first.click()
    tab.wait_for_load_state()


def search_site(tab, text):
    """The search box in the header, as a visitor types into it."""
    tab.get_by_role("search", name="Tìm kiếm trên cổng thông tin").get_by_role("searchbox").fill(
        text
    )
    tab.keyboard.press("Enter")
    tab.wait_for_load_state()


def search_procedures(tab, text):
    """The procedure search box on the home page."""
    tab.get_by_label("Tên hoặc mã thủ tục").fill(text)
    tab.keyboard.press("Enter")
    tab.wait_for_load_state()


def view_news_of_day(tab, iso_day):
    """ "Xem tin theo ngày" beside an article: pick a day (the browser's date field)."""
    picker = tab.get_by_role("region", name="Xem tin theo ngày")
    picker.get_by_label("Chọn ngày").fill(iso_day)
    picker.get_by_role("button", name="Xem").click()
    tab.wait_for_load_state()


def ask_question(tab, asker, title, content):
    """Fill the question form ("Gửi câu hỏi") as a citizen does, and send it."""
    form = tab.locator("main form")

    def field(name):
        return form.get_by_role("textbox", name=name, exact=True)

    def choice(name):
        return form.get_by_role("combobox", name=name, exact=True)

    field("Họ và tên").fill(asker["name"])
    choice("Phường, xã").select_option(index=1)
    field("Số nhà, đường, thôn, tổ dân phố").fill(asker["street"])
    field("Số điện thoại").fill(asker["phone"])
    field("Thư điện tử").fill(asker["email"])
    choice("Lĩnh vực").select_option(index=1)
    choice("Gửi tới").select_option(index=1)
    field("Tiêu đề").fill(title)
    field("Nội dung câu hỏi").fill(content)
    form.get_by_role("checkbox").check()
    form.get_by_role("button", name="Gửi câu hỏi").click()
    tab.wait_for_load_state()


def track_question(tab, code, contact):
    """ "Tra cứu câu hỏi": the tracking code and the e-mail or phone used to ask."""
    form = tab.locator("main form")
    form.get_by_role("textbox", name="Mã theo dõi", exact=True).fill(code)
    contact_field = "Thư điện tử hoặc số điện thoại đã dùng khi gửi"
    form.get_by_role("textbox", name=contact_field, exact=True).fill(contact)
    form.get_by_role("button", name="Tra cứu").click()
    tab.wait_for_load_state()


def log_into_admin(tab, portal):
    tab.goto(portal + "/admin/login/")
    tab.fill("#id_username", EDITOR["username"])
    tab.fill("#id_password", EDITOR["password"])
    tab.click("button[type=submit]")
    tab.wait_for_url(re.compile(r".*/admin/$"))


def explore_admin_page(tab, title):
    """In the admin's page explorer, open the child pages of the page called `title`."""
    row = tab.get_by_role("row").filter(has=tab.get_by_role("link", name=title, exact=True))
    row.locator('a[href^="/admin/pages/"][href$="/"]:not([href$="/edit/"])').first.click()
    tab.wait_for_load_state()


def write_and_publish_article(tab, title, lead, body, category="Thông báo"):
    """From a news index in the admin explorer: add a child page, fill it, publish it.

    Wagtail autosaves drafts while the editor types (the create form turns into the edit
    form after the first autosave), so the steps wait for it as a person would."""
    tab.locator('a[href$="/add_subpage/"]').first.click()
    tab.wait_for_load_state()
    tab.fill("#id_title", title)
    tab.fill("#id_lead", lead)
    tab.select_option("#id_category", label=category)
    # Autosave off or slow: the form is still the create form, which is fine too.
    with contextlib.suppress(PlaywrightTimeout):
        tab.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"), timeout=10_000)
    add_paragraph(tab, body)
    # Publishing from the create form while the first autosave is still creating the draft
    # makes Wagtail create the page twice (a 500 on the slug): wait for the draft, as the
    # editor sees the address change, however slow the server.
    tab.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"), timeout=60_000)
    tab.wait_for_load_state("networkidle")
    tab.get_by_role("button", name=re.compile("More actions|Thêm thao tác|Thao tác khác")).click()
    tab.locator('button[name="action-publish"]').click()
    tab.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))


def add_paragraph(tab, text):
    """Add a "Đoạn văn" block to the article body (a StreamField) and type into it."""
    tab.locator(".c-sf-add-button").first.click()
    tab.locator('[role="option"]', has_text="Đoạn văn").first.click()
    type_rich_text(tab, text, field="input[name='body-0-value']")


def type_rich_text(tab, text, attempts=3, field="#id_body"):
    """Type into the page's Draftail editor until the form's field holds the text."""
    editor = tab.get_by_role("textbox").and_(tab.locator(".public-DraftEditor-content")).first
    for _ in range(attempts):
        editor.click()
        tab.keyboard.press("Control+A")
        tab.keyboard.type(text)
        try:
            tab.wait_for_function(
                "([field, text]) => document.querySelector(field).value.includes(text)",
                arg=[field, text],
                timeout=5_000,
            )
            return
        except PlaywrightTimeout:
            continue  # an autosave re-rendered the editor under our fingers: type again
    raise AssertionError(f"the rich text editor never took {text!r}")


def finish(tab, name):
    """The journey's last step, kept as a screenshot test artifact."""
    return save_screenshot(tab, name)
