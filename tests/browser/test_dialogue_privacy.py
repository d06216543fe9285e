"""Nothing personal published, ever (issue 20), end to end in Chromium.

A citizen asks a question that carries every kind of personal datum (her name without
diacritics, an obfuscated e-mail, a phone spelled in words, CCCD with spaces, CMND, passport,
tax code, social-insurance number, bank account, licence plate, house number and street, date
of birth) and attaches a file named after her; the agency's answer repeats every identifier
type; a second reviewer confirms the one flag and publishes. Then a visitor looks everywhere
the answer goes: the archive, its search, the answer page, the RSS feed, the home page, the
site search, the procedure page, the procedures API, the published answers' API (list and
detail) and the sitemap. None of the data is there; the legal references and sums are.
"""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.browser.conftest import BROWSER, EDITOR, open_context
from tests.browser.journeys import ask_question
from tests.dialogue.forms import PDF

pytestmark = BROWSER

SECTION = "/trao-doi-va-thao-go/"
REVIEWER = {"username": "kiemduyetvien", "password": "mat-khau-kiem-duyet-2024"}
ASKER = {
    "name": "Trần Thị Bích Ngọc",
    "street": "27 Kiệt 14 Nguyễn Trường Tộ",
    "phone": "0914 222 333",
    "email": "ngoc.tran85@example.com",
}
TITLE = "Xe máy bị tạm giữ, xin hỏi thủ tục nhận lại (tran thi bich ngoc, 0914222333)"
CONTENT = (
    "Tôi là tran thi bich ngoc, CCCD 0461 8500 1234, CMND cũ 191234567, hộ chiếu B1234567, "
    "sinh ngày 12/05/1985, ở 27 Kiệt 14 Nguyễn Trường Tộ. Thư: ngoc.tran85 [at] example "
    "[dot] com, điện thoại không chín một bốn hai hai hai ba ba ba. Mã số thuế 8012345678, "
    "sổ BHXH 7912345678, tài khoản 0071000123456 tại Vietcombank. Xe 75A-123.45 của tôi bị "
    "giữ theo Quyết định 1234/QĐ-UBND; hàng xóm là ông Lê Văn Hùng làm chứng."
)
# The agency's answer repeats every identifier type too.
ANSWER = (
    "Kính gửi bà Trần Thị Bích Ngọc (CCCD 046185001234, CMND 191234567, hộ chiếu B1234567, "
    "sinh ngày 12/05/1985, nhà 27 Kiệt 14 Nguyễn Trường Tộ): xe biển số 75A-123.45 được trả "
    "sau khi nộp phạt 1.500.000 đồng theo Nghị định 100/2019/NĐ-CP vào tài khoản "
    "0071000123456; mã số thuế 8012345678 và sổ BHXH 7912345678 của bà đã được đối chiếu. "
    "Bà liên hệ số 0914.222.333 hoặc thư ngoc.tran85@example.com đã đăng ký để nhận lịch hẹn."
)
# The citizen's attachment is named after her: attachments and their names are never public.
ATTACHMENT = "cccd-tran-thi-bich-ngoc-046185001234.pdf"
# Every identifier as written, and in its other forms.
LEAKS = [
    "bich ngoc",
    "Bích Ngọc",
    "0461 8500 1234",
    "046185001234",
    "191234567",
    "B1234567",
    "12/05/1985",
    "27 Kiệt",
    "Nguyễn Trường Tộ",
    "ngoc.tran85",
    "không chín một bốn",
    "8012345678",
    "7912345678",
    "0071000123456",
    "75A-123.45",
    "0914",
    "914.222.333",
    "222 333",
    "cccd-tran-thi",
]
KEPT = ["1234/QĐ-UBND", "1.500.000 đồng", "100/2019/NĐ-CP"]


@pytest.fixture(scope="module")
def reviewer(portal, django_db_blocker):
    """A second moderator: the answer's author may not approve it."""
    with django_db_blocker.unblock():
        get_user_model().objects.create_superuser(email="kd@example.vn", **REVIEWER)
    return REVIEWER


def log_in(tab, portal, account):
    tab.goto(portal + "/admin/login/")
    tab.fill("#id_username", account["username"])
    tab.fill("#id_password", account["password"])
    tab.click("button[type=submit]")
    tab.wait_for_url(re.compile(r".*/admin/$"))


def action_form(tab, action):
    return tab.locator(f'form.dialogue-action:has(input[name=action][value="{action}"])')


def submit(tab, action):
    action_form(tab, action).locator("button[type=submit]").click()
    tab.wait_for_load_state()


def open_question(tab, portal, code):
    tab.goto(portal + "/admin/trao-doi/cau-hoi/")
    tab.get_by_role("link", name=code, exact=True).first.click()
    tab.wait_for_load_state()


def assert_clean(text, where):
    lowered = text.lower()
    for leak in LEAKS:
        assert leak.lower() not in lowered, (where, leak)


def test_published_answer_carries_no_personal_data_anywhere(browser, request, portal, reviewer):
    citizen = open_context(browser, request).new_page()
    citizen.goto(portal + SECTION + "gui-cau-hoi/")
    citizen.locator("main form input[type=file]").set_input_files(
        {"name": ATTACHMENT, "mimeType": "application/pdf", "buffer": PDF}
    )
    ask_question(citizen, ASKER, TITLE, CONTENT)
    code = citizen.locator(".tracking-code strong").inner_text().strip()
    assert code.startswith("HD-")

    # The agency's side (a superuser handles and answers).
    staff = open_context(browser, request).new_page()
    log_in(staff, portal, EDITOR)
    open_question(staff, portal, code)
    action_form(staff, "assign").locator("select").select_option(index=1)
    submit(staff, "assign")
    submit(staff, "start")
    action_form(staff, "answer").locator("textarea").fill(ANSWER)
    submit(staff, "answer")

    # The reviewer sees every finding with its reason, confirms the flag and publishes.
    review = open_context(browser, request).new_page()
    log_in(review, portal, reviewer)
    open_question(review, portal, code)
    findings = review.locator(".dialogue-findings")
    findings_text = findings.inner_text()
    for reason in ("Họ tên người hỏi", "Số CMND, CCCD, định danh", "Biển số xe", "Ngày sinh"):
        assert reason in findings_text
    submit(review, "approve")  # refused: the neighbour's name is not confirmed yet
    assert "Chưa thể công khai" in review.inner_text("body")
    approve = action_form(review, "approve")
    for box in approve.locator("input[name=approve-confirmed]").all():
        box.check()
    submit(review, "approve")
    assert "Đã cập nhật câu hỏi" in review.inner_text("body")

    # A visitor, everywhere the answer goes.
    visitor = open_context(browser, request).new_page()
    visitor.goto(portal + SECTION)
    visitor.get_by_role("link", name=re.compile("Xe máy bị tạm giữ")).first.click()
    visitor.wait_for_load_state()
    detail_url = visitor.url
    detail = visitor.content()
    assert "[đã ẩn]" in detail
    for kept in KEPT:
        assert kept in detail
    assert_clean(detail, detail_url)

    answer_id = re.search(r"/(\d+)/$", detail_url).group(1)
    pages = [
        SECTION,
        SECTION + "?q=xe+may+bi+tam+giu",
        SECTION + "rss/",
        "/",
        "/tim-kiem/?q=xe+may+bi+tam+giu",
        "/tim-kiem/?q=xe+may+bi+tam+giu&loai=hoi-dap",
        "/api/v1/procedures/?q=xe",
        "/api/v1/questions/",
        f"/api/v1/questions/{answer_id}/",
        "/sitemap.xml",
    ]
    for path in pages:
        response = visitor.goto(portal + path)
        assert response.status == 200, path
        body = response.text()
        if path.startswith("/api/v1/questions/") or not path.startswith(("/api/", "/sitemap")):
            assert "tạm giữ" in body, path
        assert_clean(body, path)

    # Searching for an identifier finds nothing (the query itself is echoed in the box).
    for probe in ("046185001234", "0914222333", "75A-123.45", "tran thi bich ngoc"):
        for path in (SECTION, "/tim-kiem/"):
            visitor.goto(portal + path + "?" + f"q={probe}")
            assert "Xe máy bị tạm giữ" not in visitor.inner_text("main"), (path, probe)
