"""Who keeps the government section up to date: the news roles, not only administrators.

"Biên tập viên" fill in the leaders' work schedule week by week and write announcements;
"Người duyệt" also remove them and switch the emergency banner on and off (it shows on every
page at once, so it is a publishing decision). Both edit the organisation's pages (units,
leaders) as they edit news: editors change, reviewers publish. Idempotent; run by
`load_demo_data` and by `manage.py setup_government_roles`.
"""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from government.models import (
    AnnouncementIndexPage,
    OrganisationIndexPage,
    SpokespersonPage,
    WorkSchedulePage,
)
from news.editorial import EDITORS, PAGE_PERMISSIONS, REVIEWERS, ensure_editorial_setup

MODEL_PERMISSIONS = {
    EDITORS: [
        *(
            f"{action}_{model}"
            for action in ("view", "add", "change")
            for model in ("scheduleweek", "scheduleentry", "announcement")
        ),
    ],
    REVIEWERS: [
        *(
            f"{action}_{model}"
            for action in ("view", "add", "change", "delete")
            for model in ("scheduleweek", "scheduleentry", "announcement")
        ),
        "change_emergencybanner",
    ],
}
SECTION_PAGES = (OrganisationIndexPage, WorkSchedulePage, AnnouncementIndexPage, SpokespersonPage)


@transaction.atomic
def ensure_government_roles():
    editors, reviewers = ensure_editorial_setup()
    groups = {EDITORS: editors, REVIEWERS: reviewers}
    for name, codenames in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(
            *Permission.objects.filter(content_type__app_label="government", codename__in=codenames)
        )
    for model in SECTION_PAGES:
        for section in model.objects.all():
            for name, codenames in PAGE_PERMISSIONS.items():
                for codename in codenames:
                    GroupPagePermission.objects.get_or_create(
                        group=groups[name],
                        page=section,
                        permission=Permission.objects.get(
                            content_type__app_label="wagtailcore", codename=codename
                        ),
                    )
    return editors, reviewers
