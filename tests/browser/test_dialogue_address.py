"""The question form's address chooser in Chromium: province then ward, with and without
JavaScript (dialogue, issue 4)."""

from tests.browser.conftest import BROWSER, open_context

pytestmark = BROWSER

ASK = "/trao-doi-va-thao-go/gui-cau-hoi/"


def ward_names(tab):
    return tab.locator("select[name=ward] option").all_inner_texts()


def test_choosing_a_province_lists_its_wards(page, portal):
    page.goto(portal + ASK)
    assert "Phường Phú Xuân" in ward_names(page)
    assert page.locator("[data-show-wards]").count() == 0  # the script removed the button

    page.select_option("select[name=province]", "79")
    page.wait_for_function(
        "() => [...document.querySelectorAll('select[name=ward] option')]"
        ".some((option) => option.text === 'Phường Thủ Dầu Một')"
    )
    names = ward_names(page)
    assert "Phường Phú Xuân" not in names
    assert len(names) == 169  # the placeholder and Hồ Chí Minh City's 168 communes
    page.select_option("select[name=ward]", label="Phường Thủ Dầu Một")
    assert not page.locator("select[name=ward]").is_disabled()


def test_without_javascript_a_button_brings_the_wards(browser, request, portal):
    tab = open_context(browser, request, java_script_enabled=False).new_page()
    tab.goto(portal + ASK)
    tab.fill("input[name=full_name]", "Trần Văn Nam")
    tab.select_option("select[name=province]", "1")
    tab.get_by_role("button", name="Hiện phường, xã của tỉnh, thành phố đã chọn").click()

    names = ward_names(tab)
    assert "Phường Ba Đình" in names and "Phường Phú Xuân" not in names
    assert tab.input_value("input[name=full_name]") == "Trần Văn Nam"
    assert tab.input_value("select[name=province]") == "1"
    assert "Danh sách phường, xã đã theo tỉnh, thành phố bạn chọn" in tab.inner_text("main")


def test_without_javascript_enter_in_a_field_sends_the_question(browser, request, portal):
    tab = open_context(browser, request, java_script_enabled=False).new_page()
    tab.goto(portal + ASK)
    tab.fill("input[name=full_name]", "Trần Văn Nam")
    tab.press("input[name=full_name]", "Enter")
    tab.wait_for_load_state()

    main = tab.inner_text("main")
    # Sent: the other required fields are reported missing; it was not "show wards".
    assert "Danh sách phường, xã đã theo tỉnh, thành phố bạn chọn" not in main
    assert "Xin kiểm tra lại các mục sau" in main
    assert tab.input_value("input[name=full_name]") == "Trần Văn Nam"
