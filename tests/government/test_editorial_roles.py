"""Who may change an existing week of the schedule, an announcement, the emergency banner and
the organisation's unit and leader pages (government/editorial.py): the rows the permission
matrix cannot hold, because these views take the id of a row or page the demo does not fix
(tests/ops/test_permissions.py walks them as administrator and anonymous only)."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission

from government.editorial import ensure_government_roles
from government.models import Announcement, ScheduleWeek
from news.editorial import EDITORS, REVIEWERS

ROLES = {
    "editor": EDITORS,
    "reviewer": REVIEWERS,
    "moderator": "Người kiểm duyệt",
    "answering_body": "Cơ quan trả lời",
}
DENIED = {302, 403}
# role -> (open an edit form, open the delete confirmation)
EXPECTED = {
    "editor": ({200}, DENIED),
    "reviewer": ({200}, {200}),
    "moderator": (DENIED, DENIED),
    "answering_body": (DENIED, DENIED),
}
# role -> (may open a unit's or a leader's page in the editor, may publish it)
PAGE_EXPECTED = {
    "editor": ({200}, False),
    "reviewer": ({200}, True),
    "moderator": (DENIED, False),
    "answering_body": (DENIED, False),
}


@pytest.fixture
def rows(db):
    ensure_government_roles()
    week = ScheduleWeek.objects.create(monday=datetime.date(2026, 12, 7))
    notice = Announcement.objects.create(title="Lịch tiếp công dân", body="<p>Nội dung.</p>")
    return {
        "lich-cong-tac": week.pk,
        "thong-bao": notice.pk,
    }


@pytest.fixture
def organisation_pages(department, vice_chair):
    """A unit and a leader under the organisation page, the roles given as the demo does."""
    ensure_government_roles()
    return {"unit": department, "leader": vice_chair}


def login_as(client, django_user_model, role):
    group, _ = Group.objects.get_or_create(name=ROLES[role])
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user(role, f"{role}@example.vn", "x")
    user.groups.add(group)
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", ROLES)
def test_edit_and_delete_follow_the_role(client, django_user_model, rows, role):
    login_as(client, django_user_model, role)
    may_edit, may_delete = EXPECTED[role]
    statuses = {}
    for section, pk in rows.items():
        for action, allowed in (("edit", may_edit), ("delete", may_delete)):
            url = f"/admin/chinh-quyen/{section}/{action}/{pk}/"
            statuses[url] = (client.get(url).status_code, allowed)

    assert {url: code for url, (code, allowed) in statuses.items() if code not in allowed} == {}


@pytest.mark.parametrize("role", ROLES)
def test_only_a_reviewer_switches_the_banner(client, django_user_model, rows, role):
    login_as(client, django_user_model, role)
    response = client.get("/admin/settings/government/emergencybanner/", follow=True)
    if role == "reviewer":
        assert response.status_code == 200
        assert 'name="enabled"' in response.content.decode()
    else:
        assert 'name="enabled"' not in response.content.decode()


def test_an_editor_cannot_delete_by_posting_either(client, django_user_model, rows):
    login_as(client, django_user_model, "editor")
    client.post(f"/admin/chinh-quyen/thong-bao/delete/{rows['thong-bao']}/")
    assert Announcement.objects.filter(pk=rows["thong-bao"]).exists()


@pytest.mark.parametrize("role", ROLES)
def test_unit_and_leader_pages_are_edited_by_the_news_roles_only(
    client, django_user_model, organisation_pages, role
):
    user = login_as(client, django_user_model, role)
    may_edit, may_publish = PAGE_EXPECTED[role]
    statuses = {}
    for kind, page in organisation_pages.items():
        url = f"/admin/pages/{page.pk}/edit/"
        statuses[kind] = client.get(url).status_code
        assert page.permissions_for_user(user).can_publish() is may_publish, kind

    assert {kind: code for kind, code in statuses.items() if code not in may_edit} == {}
    if 200 in may_edit:
        html = client.get(f"/admin/pages/{organisation_pages['unit'].pk}/edit/").content.decode()
        assert 'value="30 Tôn Đức Thắng, Huế"' in html  # the unit's own form
