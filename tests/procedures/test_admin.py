"""Editors manage the catalogue in the Wagtail admin (Snippets → Thủ tục hành chính)."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from procedures.models import Procedure

pytestmark = pytest.mark.usefixtures("shared_catalogue", "db", "database_search")


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("bientap", "bt@example.org", "mat-khau-dai-1")
    client.force_login(user)
    return client


def test_procedure_list_searches_without_diacritics(editor):
    url = reverse("wagtailsnippets_search_procedure:list")
    html = editor.get(url, {"q": "dang ky khai sinh"}).content.decode()
    assert "Thủ tục đăng ký khai sinh" in html
    assert "Cấp bản sao Trích lục hộ tịch" not in html
    assert "1.001193" in editor.get(url, {"q": "1.0011"}).content.decode()


def test_procedure_edit_form_shows_parsed_fields_and_the_source(editor):
    procedure = Procedure.objects.get(code="1.001193")
    url = reverse("wagtailsnippets_search_procedure:edit", args=[procedure.pk])
    response = editor.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Mã thủ tục", "Cách thức thực hiện", "Thành phần hồ sơ", "Dữ liệu gốc"):
        assert label in html


def test_anonymous_visitors_cannot_reach_the_catalogue_admin(client):
    response = client.get(reverse("wagtailsnippets_search_procedure:list"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
