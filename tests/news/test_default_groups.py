"""Wagtail's English default groups are gone, and content pages are approved by "Người duyệt"."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow

from news.editorial import REVIEWERS, ensure_editorial_setup

pytestmark = pytest.mark.django_db

migration = importlib.import_module("news.migrations.0005_wagtail_default_groups")


def test_a_new_site_has_no_english_default_groups_and_a_vietnamese_default_workflow():
    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Editors", "Moderators"}
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Duyệt nội dung").exists()


def test_a_default_group_with_members_is_renamed_not_removed(django_user_model):
    group = Group.objects.create(name="Moderators")
    user = django_user_model.objects.create_user("cu", password="x")  # noqa: S106
    user.groups.add(group)
    Group.objects.create(name="Editors")

    migration.forwards(apps, None)

    user.refresh_from_db()
    assert list(user.groups.values_list("name", flat=True)) == ["Kiểm duyệt (mặc định của Wagtail)"]
    assert not Group.objects.filter(name="Editors").exists()


def test_the_default_workflow_is_approved_by_the_reviewers():
    ensure_editorial_setup()
    default = GroupApprovalTask.objects.get(name="Duyệt nội dung")
    assert REVIEWERS in set(default.groups.values_list("name", flat=True))
