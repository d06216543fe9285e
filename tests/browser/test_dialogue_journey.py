"""The whole "Trao đổi và tháo gỡ" journey in Chromium, with the demo's own accounts.

A citizen asks through the public form; the moderator (kiemduyet) assigns the question to
the answering body; the answering body (traloi, member of that agency) answers; a moderator
who did not write the answer approves it; the public page shows the answer with the asker's
personal data masked. Each person logs in through the admin's login page in their own
browser session, with the password `ensure_demo_accounts` printed, as `make run` shows them.

The approval is kiemduyet's: only "Người kiểm duyệt" may approve answers
(dialogue/transitions.py), and the rule is that the approver is not the answer's author.
The news reviewer (duyet) has no dialogue role.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.browser.conftest import BROWSER, open_context, save_screenshot
from tests.browser.journeys import ask_question, finish, follow_main_menu, home

pytestmark = BROWSER

ASKER = {
    "name": "Trần Thị Hỏi",
    "street": "27 Nguyễn Huệ",
    "phone": "0905 111 222",
    "email": "tran.thi.hoi@example.vn",
}
TITLE = "Hỏi về thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ"
QUESTION = (
    "Gia đình tôi nộp hồ sơ xin giấy phép xây dựng nhà ở riêng lẻ đã ba tuần. "
    "Xin hỏi thời hạn giải quyết là bao lâu? Liên hệ: 0905 111 222."
)
ANSWER = (
    "Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ là 15 ngày kể từ ngày nhận đủ hồ sơ "
    "hợp lệ. Bà có thể tra cứu tình trạng hồ sơ trên Cổng dịch vụ công."
)


@pytest.fixture(scope="module")
def accounts(portal, django_db_blocker):
    """The demo accounts and their passwords, as `make run` prints them; and traloi's agency."""
    out = io.StringIO()
    with django_db_blocker.unblock():
        call_command("ensure_demo_accounts", stdout=out)
        agency = get_user_model().objects.get(username="traloi").dialogue_agencies.get()
    passwords = dict(re.findall(r"^\s+(\w+)\s+(\S+)\s", out.getvalue(), re.M))
    return {"passwords": passwords, "agency": str(agency)}


def signed_in(browser, request, portal, accounts, username):
    """A browser session of its own, logged in through the admin's login page."""
    tab = open_context(browser, request).new_page()
    tab.goto(portal + "/admin/login/")
    tab.get_by_label("Tên đăng nhập").fill(username)
    tab.get_by_label("Mật khẩu").fill(accounts["passwords"][username])
    tab.get_by_role("button", name="Đăng nhập").click()
    tab.wait_for_url(re.compile(r".*/admin/$"))

    def keep_if_failed():
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            save_screenshot(tab, f"failed-dialogue-journey-{username}")

    request.addfinalizer(keep_if_failed)
    return tab


def open_question(tab, portal, code):
    tab.goto(portal + "/admin/trao-doi/cau-hoi/")
    tab.get_by_role("link", name=code, exact=True).first.click()
    tab.wait_for_load_state()


def take_step(tab, label):
    tab.get_by_role("button", name=label, exact=True).click()
    tab.wait_for_load_state()


def test_question_is_asked_assigned_answered_approved_and_published_masked(
    page, browser, request, portal, accounts
):
    # The citizen asks.
    home(page, portal)
    follow_main_menu(page, "Trao đổi và tháo gỡ")
    page.get_by_role("link", name=re.compile("Gửi câu hỏi")).first.click()
    ask_question(page, ASKER, title=TITLE, content=QUESTION)
    code = page.inner_text(".tracking-code").strip()

    # The moderator assigns it to the answering body.
    moderator = signed_in(browser, request, portal, accounts, "kiemduyet")
    open_question(moderator, portal, code)
    moderator.get_by_label("Giao cho").select_option(label=accounts["agency"])
    take_step(moderator, "Phân công")
    assigned = moderator.inner_text("section[id*=dialogue-question]")

    # The answering body answers.
    answerer = signed_in(browser, request, portal, accounts, "traloi")
    open_question(answerer, portal, code)
    answerer.locator("textarea[name=answer-answer]").fill(ANSWER)
    take_step(answerer, "Lưu câu trả lời")
    answered = answerer.inner_text("section[id*=dialogue-answer]")
    answerer_buttons = answerer.locator("section[id*=dialogue-actions] button").all_inner_texts()

    # A moderator who is not the answer's author approves it.
    open_question(moderator, portal, code)
    for flag in moderator.locator("section[id*=dialogue-actions] input[type=checkbox]").all():
        flag.check()  # other people's names the masking found: looked at, confirmed
    take_step(moderator, "Duyệt và công khai")
    reviewed = moderator.inner_text("section[id*=dialogue-answer]")

    # The public page shows the answer, without the asker's personal data.
    page.goto(portal + "/trao-doi-va-thao-go/")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_load_state()
    public = page.inner_text("main")

    assert accounts["agency"] in assigned
    assert "traloi" in answered and ANSWER[:40] in answered
    assert "Duyệt và công khai" not in answerer_buttons  # the author cannot approve
    assert "Người duyệt: kiemduyet" in reviewed
    assert TITLE in public
    assert ANSWER[:60] in public
    for personal in (ASKER["name"], ASKER["phone"], ASKER["email"], ASKER["street"]):
        assert personal not in public, personal
    assert "0905" not in public
    assert "T.T.H." in public  # the asker, by initials only
    finish(page, "journey-dialogue-published")
