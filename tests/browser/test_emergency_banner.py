"""Cảnh báo khẩn in a real browser, at each of its three levels (issue 17).

The axe walk (test_accessibility.py) sees the demo with its banner switched off, so the
banner's own colours, link and roles are checked here: axe finds no serious or critical
violation on a Vietnamese and an English page with the banner on; only "khẩn cấp" is an
ARIA alert (assistive technology interrupts the visitor for it alone); and nothing on it
moves or blinks (Circular 32/2017), as the browser computes its styles.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import BROWSER
from tests.browser.test_accessibility import AXE_OPTIONS, BLOCKING, describe

pytestmark = BROWSER

TEXT = "Bão số 5 đổ bộ: người dân vùng trũng thấp di chuyển đến nơi an toàn."
TEXT_EN = "Storm No. 5 is making landfall: move to safety."
PAGES = ("/", "/co-cau-to-chuc/so-tu-phap/", "/en/")


@pytest.fixture(scope="module", params=["thong-tin", "canh-bao", "khan-cap"])
def level(request, portal, django_db_blocker):
    """The banner switched on at one level, committed so the live server sees it."""
    from government import live
    from government.models import EmergencyBanner

    with django_db_blocker.unblock():
        banner = EmergencyBanner.load()
        banner.enabled = True
        banner.level = request.param
        banner.text = TEXT
        banner.text_en = TEXT_EN
        banner.link = "https://example.vn/bao-so-5"
        banner.starts_at = banner.ends_at = None
        banner.full_clean()
        banner.save()
        live.forget("banner")  # no 2-second wait for the process's copy
    return request.param


def test_banner_is_accessible_and_still_at_every_level(page, portal, level):
    axe = Axe()
    found, alerts, moving = {}, {}, {}
    for path in PAGES:
        page.goto(portal + path)
        banner = page.locator(".emergency-banner")
        assert banner.is_visible(), path
        assert (TEXT_EN if path.startswith("/en/") else TEXT) in banner.inner_text()
        alerts[path] = page.locator('[role="alert"]').count()
        moving[path] = banner.evaluate(
            """element => [element, ...element.querySelectorAll('*')].map(node => {
                const style = getComputedStyle(node);
                return [style.animationName, style.transitionDuration, style.textDecorationLine];
            }).filter(([animation, transition, decoration]) =>
                animation !== 'none' || transition !== '0s' || decoration.includes('blink'))"""
        )
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        if blocking:
            found[path] = describe(blocking)

    assert found == {}
    assert alerts == dict.fromkeys(PAGES, 1 if level == "khan-cap" else 0)
    assert moving == dict.fromkeys(PAGES, [])
