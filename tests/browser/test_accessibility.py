"""WCAG 2.1 AA in a real browser: axe-core on every page type, 0 serious or critical."""

from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import BROWSER
from tests.browser.site_map import PAGE_TYPES, visit_every_page_type

pytestmark = BROWSER

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}


def describe(violations):
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}")
    return lines


def test_every_page_type_has_no_serious_or_critical_violation(page, portal):
    axe = Axe()
    found, unexpected_statuses = {}, {}
    for name in visit_every_page_type(page, portal, unexpected_statuses):
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        if blocking:
            found[name] = describe(blocking)

    assert unexpected_statuses == {}
    assert found == {}


def test_html_lang_matches_the_page_language(page, portal):
    languages = {}
    for name in ("home", "english-home", "english-contact", "contact-page"):
        page.goto(portal + PAGE_TYPES[name])
        languages[name] = page.get_attribute("html", "lang")

    assert languages == {
        "home": "vi",
        "english-home": "en",
        "english-contact": "en",
        "contact-page": "vi",
    }
