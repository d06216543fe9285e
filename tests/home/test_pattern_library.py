"""The pattern library in the admin shows every component of the design system."""

import pytest

pytestmark = pytest.mark.django_db


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


def test_pattern_library_is_for_staff_only(client, home_page):
    response = client.get("/admin/thu-vien-giao-dien/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
