"""The pattern library in the admin shows every component of the design system."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db
COMPONENTS = Path(settings.BASE_DIR) / "templates" / "components"


def test_pattern_library_shows_every_component_to_staff(admin_client, home_page):
    response = admin_client.get("/admin/thu-vien-giao-dien/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    for marker in (
        'class="site-header"',
        'class="site-menu"',
        'class="breadcrumbs container"',
        'class="card card--news card--lead"',
        'class="card card--procedure"',
        'class="card card--answer"',
        'class="alert alert--error" role="alert"',
        'class="tabs"',
        'class="form-field form-field--error"',
        'class="table-scroll" role="region"',
        '<span aria-current="page">3</span>',
        'class="site-footer"',
    ):
        assert marker in html, marker


def test_pattern_library_draws_every_icon_and_names_every_component(admin_client, home_page):
    html = admin_client.get("/admin/thu-vien-giao-dien/").content.decode()
    icons = html[html.index('id="pl-icons"') :]
    icons = icons[: icons.index("</section>")]
    drawn = re.findall(r'<svg viewBox="0 0 32 32"[^>]*aria-hidden="true".*?</svg>', icons, re.S)
    names = re.findall(r'name == "(\w+)"', (COMPONENTS / "icon.html").read_text())

    assert names and re.findall(r"<code>(\w+)</code>", icons) == names
    assert len(drawn) == len(names)
    assert all("<path" in svg or "<rect" in svg for svg in drawn)  # none drawn empty
    for component in sorted(path.name for path in COMPONENTS.glob("*.html")):
        assert f"components/{component}" in html, component


def test_pattern_library_is_for_staff_only(client, home_page):
    response = client.get("/admin/thu-vien-giao-dien/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
