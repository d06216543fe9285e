"""The editorial workflow, through the admin as editors and reviewers use it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, WorkflowPage
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from news.editorial import EDITORS, REVIEWERS, WORKFLOW, ensure_editorial_setup
from news.models import NewsPage

FORM = "page-edit-form"
# The body editor is drawn by JavaScript; this is what it posts for one paragraph.
BODY = nested_form_data(
    {"body": streamfield([("paragraph", rich_text("<p>Lịch tiếp công dân định kỳ.</p>"))])}
)


@pytest.fixture
def roles(news_index):
    ensure_editorial_setup()


def person(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.vn", "mat-khau-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def draft_as(client, user, news_index, category, **fields):
    """Fill in the "add article" form as `user` and press one of its buttons."""
    client.force_login(user)
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    form = client.get(add_url)
    assert form.status_code == 200
    data = querydict_from_html(form.content.decode(), form_id=FORM)
    data.update(
        {
            **BODY,
            "title": "Lịch tiếp công dân tháng 11",
            "slug": "lich-tiep-cong-dan-thang-11",
            "category": str(category.pk),
            "lead": "Lãnh đạo tỉnh tiếp công dân định kỳ.",
            "author": "Ban biên tập",
            **fields,
        }
    )
    client.post(add_url, data)
    return form.content.decode(), NewsPage.objects.get(slug=data["slug"])


def submit_for_review(client, page):
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id=FORM)
    data.update(BODY)
    data["action-submit"] = "submit"
    return client.post(edit_url, data)


def approve_url(page):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))


def test_an_editor_can_write_and_submit_but_not_publish(client, news_index, categories, roles):
    editor = person("bientap", EDITORS)

    form_html, page = draft_as(
        client, editor, news_index, categories["thong-bao"], **{"action-publish": "publish"}
    )

    assert 'name="action-publish"' not in form_html  # no publish button for editors
    assert not page.live  # pressing "publish" anyway saves a draft
    assert client.get("/tin-tuc/lich-tiep-cong-dan-thang-11/").status_code == 404

    submit_for_review(client, page)
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == WORKFLOW
    assert not page.live

    denied = client.post(approve_url(page))  # the admin turns "permission denied" into a redirect
    page.refresh_from_db()
    assert denied.status_code == 302 and denied["Location"] == "/admin/"
    assert page.workflow_in_progress
    assert not page.live


def test_a_reviewer_approves_and_the_article_goes_live(client, news_index, categories, roles):
    editor, reviewer = person("bientap", EDITORS), person("duyet", REVIEWERS)
    _form, page = draft_as(client, editor, news_index, categories["thong-bao"])
    submit_for_review(client, page)
    page.refresh_from_db()

    client.force_login(reviewer)
    client.post(approve_url(page))

    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    client.logout()
    assert client.get("/tin-tuc/lich-tiep-cong-dan-thang-11/").status_code == 200
    assert "Lịch tiếp công dân tháng 11" in client.get("/tin-tuc/").content.decode()


def test_a_reviewer_can_publish_directly(client, news_index, categories, roles):
    reviewer = person("duyet", REVIEWERS)

    form_html, page = draft_as(
        client, reviewer, news_index, categories["thong-bao"], **{"action-publish": "publish"}
    )

    assert 'name="action-publish"' in form_html
    assert page.live


def test_editors_must_choose_a_category(client, news_index, categories, roles):
    client.force_login(person("bientap", EDITORS))
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    data = querydict_from_html(client.get(add_url).content.decode(), form_id=FORM)
    data.update({**BODY, "title": "Chưa chọn chuyên mục", "slug": "chua-chon", "category": ""})
    data["action-submit"] = "submit"  # a draft may wait for its category; a submission not

    response = client.post(add_url, data)

    assert response.status_code == 200  # the form again, with the error
    assert not NewsPage.objects.filter(slug="chua-chon").exists()


def test_the_admin_speaks_vietnamese_to_editors(client, news_index, categories, roles):
    client.force_login(person("bientap", EDITORS))
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))

    html = client.get(add_url).content.decode()

    assert '<html lang="vi"' in html
    assert "Lưu bản nháp" in html  # Wagtail's "Save draft", from locale/vi
    assert "Gửi “Duyệt tin tức”" in html  # "Submit to Duyệt tin tức"
    assert "Tiêu đề trang" in html and "Quảng bá" in html
    assert "Chuyên mục" in html  # our own field labels


def test_setting_up_roles_twice_changes_nothing(news_index):
    call_command("setup_news_roles", verbosity=0)
    before = (
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.filter(page=news_index).count(),
        Group.objects.filter(name__in=[EDITORS, REVIEWERS]).count(),
    )

    call_command("setup_news_roles", verbosity=0)

    after = (
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.filter(page=news_index).count(),
        Group.objects.filter(name__in=[EDITORS, REVIEWERS]).count(),
    )
    assert after == before
    assert before[1:] == (1, 2)
