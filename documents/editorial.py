"""Documents go through the news workflow: the same groups, the same approval task.

"Biên tập viên" write documents and submit them; "Người duyệt" approve and publish, and keep
the managed lists (types, issuers, fields). Idempotent; run by `load_demo_data` and by
`manage.py setup_news_roles`' sibling `setup_document_roles`.
"""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from documents.models import ConsultationIndexPage, DocumentIndexPage
from news.editorial import EDITORS, PAGE_PERMISSIONS, REVIEWERS, WORKFLOW, ensure_editorial_setup

LIST_MODELS = ("documenttype", "issuer", "documentfield")
LIST_PERMISSIONS = {
    EDITORS: ["view"],
    REVIEWERS: ["view", "add", "change"],
}
# Reviewers moderate comments on drafts; editors only read them.
COMMENT_PERMISSIONS = {EDITORS: ["view"], REVIEWERS: ["view", "change"]}


@transaction.atomic
def ensure_document_roles():
    editors, reviewers = ensure_editorial_setup()
    groups = {EDITORS: editors, REVIEWERS: reviewers}
    workflow = Workflow.objects.get(name=WORKFLOW)
    for name, actions in LIST_PERMISSIONS.items():
        groups[name].permissions.add(
            *Permission.objects.filter(
                content_type__app_label="documents",
                codename__in=[f"{action}_{model}" for action in actions for model in LIST_MODELS],
            )
        )
    for name, actions in COMMENT_PERMISSIONS.items():
        groups[name].permissions.add(
            *Permission.objects.filter(
                content_type__app_label="documents",
                codename__in=[f"{action}_draftcomment" for action in actions],
            )
        )
    indexes = [*DocumentIndexPage.objects.all(), *ConsultationIndexPage.objects.all()]
    for index in indexes:
        for name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name],
                    page=index,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return editors, reviewers
