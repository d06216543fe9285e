"""Visitors find the government's contacts and schedule from the home page in a few clicks
(issue 17: a department's phone number in at most 3, this week's schedule of a
vice-chairman in at most 2)."""

from tests.browser.conftest import BROWSER
from tests.browser.journeys import MAIN_MENU, finish, home

pytestmark = BROWSER


def main_menu_link(tab, label):
    return tab.get_by_role("navigation", name=MAIN_MENU).get_by_role("link", name=label, exact=True)


class Clicks:
    """Counts the links a visitor follows."""

    def __init__(self, tab):
        self.tab = tab
        self.count = 0

    def follow(self, link):
        link.click()
        self.tab.wait_for_load_state()
        self.count += 1


def test_visitor_finds_a_departments_phone_number_in_at_most_3_clicks(page, portal):
    clicks = Clicks(page)
    home(page, portal)
    clicks.follow(main_menu_link(page, "Cơ cấu tổ chức"))
    clicks.follow(page.locator("main").get_by_role("link", name="Sở Tư pháp", exact=True))

    assert page.inner_text("h1") == "Sở Tư pháp"
    contact = page.get_by_role("region", name="Liên hệ")
    phone = contact.get_by_role("link", name="0234 3822 550")
    assert phone.is_visible()
    assert phone.get_attribute("href") == "tel:02343822550"
    assert clicks.count <= 3
    finish(page, "journey-department-phone")


def test_visitor_finds_this_weeks_schedule_of_a_vice_chairman_in_at_most_2_clicks(page, portal):
    clicks = Clicks(page)
    home(page, portal)
    clicks.follow(main_menu_link(page, "Lịch công tác"))
    leaders = page.get_by_role("navigation", name="Lịch theo lãnh đạo")
    clicks.follow(leaders.get_by_role("link", name="Trần Thị Hạnh", exact=True))

    assert page.inner_text("h1") == "Lịch công tác: Trần Thị Hạnh"
    assert "Phó Chủ tịch Ủy ban nhân dân thành phố" in page.inner_text("main")
    assert "(tuần này)" in page.inner_text(".schedule-week")
    table = page.locator("table.schedule-table")
    assert "Làm việc với Sở Giáo dục và Đào tạo" in table.inner_text()
    assert "Họp bàn tiến độ giải ngân" not in table.inner_text()  # another vice-chairman's
    assert clicks.count <= 2
    finish(page, "journey-vice-chairman-schedule")
