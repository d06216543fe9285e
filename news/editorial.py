"""Editorial roles and the approval workflow for news, created idempotently.

"Biên tập viên" write articles and submit them; "Người duyệt" approve and publish. Both are
Wagtail groups with page permissions on every news index, and the news indexes use the
"Duyệt tin tức" workflow whose one task is approved by "Người duyệt".
Run by ``manage.py setup_news_roles`` and by ``load_demo_data``; running again changes nothing.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from news.models import NewsIndexPage

EDITORS = "Biên tập viên"
REVIEWERS = "Người duyệt"
WORKFLOW = "Duyệt tin tức"
TASK = "Người duyệt phê duyệt tin"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Both roles use the image and document libraries and pick a category.
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
MODEL_PERMISSIONS = [("wagtailadmin", "access_admin"), ("news", "view_newscategory")]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def ensure_editorial_setup():
    """Create or complete the groups, permissions and workflow; return the two groups."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}
    root_collection = Collection.get_first_root_node()
    for group in groups.values():
        group.permissions.add(*(_permission(app, code) for app, code in MODEL_PERMISSIONS))
        for app, code in MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(app, code)
            )

    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK)
    task.groups.add(groups[REVIEWERS])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Pages outside the news (content pages) follow the site's default workflow: its approval
    # task is the reviewers' too (its English group is gone, news/migrations/0005).
    for default in GroupApprovalTask.objects.filter(
        workflow_tasks__workflow__workflow_pages__page__depth=1
    ).distinct():
        default.groups.add(groups[REVIEWERS])

    for index in NewsIndexPage.objects.all():
        for name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=index, permission=_permission("wagtailcore", codename)
                )
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return groups[EDITORS], groups[REVIEWERS]
