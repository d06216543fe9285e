"""The statistics section of the admin: dossier figures, CSV upload, visit history chart."""

import json
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from stats.models import DossierStatistic
from tests.stats.conftest import visitor

pytestmark = pytest.mark.postgres
GOOD = "nam,thang,cap,tiep_nhan,da_giai_quyet,tiep_nhan_truc_tuyen\n2023,,,288008,279079,121527\n"


@pytest.fixture
def editor(django_user_model, client):
    """An editor who may use the admin but has no statistics permission."""
    user = django_user_model.objects.create_user("bientap", password="mat-khau-dai-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def grant(user, *codenames):
    group = Group.objects.create(name="Thống kê")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="stats", codename__in=codenames)
    )
    user.groups.add(group)


def upload(client, content, name="so-lieu.csv"):
    return client.post(
        "/admin/so-lieu-ho-so/import/",
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def sidebar(client):
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html)
    return json.dumps(json.loads(props.group(1)), ensure_ascii=False)


def test_admin_menu_has_the_statistics_group(admin_client):
    menu = sidebar(admin_client)

    assert '"label": "Thống kê"' in menu
    assert "/admin/so-lieu-ho-so/" in menu and "/admin/luot-truy-cap/" in menu


def test_the_visit_history_is_not_in_the_menu_of_editors_without_permission(client, editor):
    assert "/admin/luot-truy-cap/" not in sidebar(client)


def test_visit_history_shows_figures_and_an_accessible_chart(admin_client, home_page, frozen_clock):
    visitor().get("/")

    response = admin_client.get("/admin/luot-truy-cap/?ngay=90")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Lượt truy cập mỗi ngày, 90 ngày gần nhất" in html
    assert 'role="img"' in html and "<desc id=" in html
    assert "27/10/2024: 1" in html  # the <desc> lists every day; today has one visit
    assert '<th scope="row">27/10/2024</th><td class="number">1</td>' in html


def test_visit_history_needs_its_permission(client, editor):
    assert client.get("/admin/luot-truy-cap/").status_code == 302  # back to the dashboard

    grant(editor, "view_visitday")
    assert client.get("/admin/luot-truy-cap/").status_code == 200


def test_dossier_figures_are_listed_and_entered_in_the_admin(admin_client):
    DossierStatistic.objects.create(
        year=2023, month=0, level="tat-ca", received=288008, resolved=279079, received_online=121527
    )

    index = admin_client.get("/admin/so-lieu-ho-so/").content.decode()
    assert "Cả năm 2023 – Cả ba cấp" in index
    assert "Nhập từ CSV" in index

    response = admin_client.post(
        "/admin/so-lieu-ho-so/new/",
        {
            "year": 2024,
            "month": 3,
            "level": "xa",
            "received": 10,
            "resolved": 8,
            "received_online": 20,
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Số hồ sơ trực tuyến không được lớn hơn số hồ sơ tiếp nhận." in response.content.decode()
    assert DossierStatistic.objects.count() == 1


def test_csv_upload_imports_a_good_file(admin_client):
    response = upload(admin_client, GOOD.encode())

    assert response.status_code == 302
    assert DossierStatistic.objects.get().received == 288_008


def test_csv_upload_with_bad_rows_answers_400_with_the_report(admin_client):
    response = upload(admin_client, (GOOD + "2024,13,xã,1,1,1\n").encode())
    html = response.content.decode()

    assert response.status_code == 400
    assert "Không nhập dòng nào: 1 dòng có lỗi." in html
    assert "Dòng 3: Tháng phải từ 1 đến 12" in html
    assert DossierStatistic.objects.count() == 0


def test_csv_upload_refuses_other_files(admin_client):
    assert upload(admin_client, b"<html>", name="trang.html").status_code == 400
    assert upload(admin_client, b"x" * (2 * 1024 * 1024 + 1)).status_code == 413


def test_csv_upload_needs_permission(client, editor):
    assert upload(client, GOOD.encode()).status_code == 302
    assert DossierStatistic.objects.count() == 0

    grant(editor, "add_dossierstatistic", "change_dossierstatistic")
    assert client.get("/admin/so-lieu-ho-so/import/").status_code == 200
