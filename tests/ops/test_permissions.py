"""Permission matrix: every URL pattern and every live page × every role.

Always checked: no response is a 500, and anonymous visitors never get an admin view.
Sections add what each role may see to EXPECTATIONS (one row per URL) and their real group
names to ROLE_GROUPS; URLs whose patterns take arguments get sample values from
SAMPLE_VALUES, so new views join the walk automatically.
"""

import re
import uuid

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page

# Role → the group its users belong to (created with admin access if missing).
ROLE_GROUPS = {
    "editor": "Biên tập viên",  # news (issue 3): writes articles, submits them for review
    "reviewer": "Người duyệt",  # news (issue 3): approves and publishes
    "moderator": "Người kiểm duyệt",  # dialogue moderation (issue 4)
    "answering_body": "Cơ quan trả lời",  # answers citizens' questions (issue 4)
}
ROLES = ["anonymous", *ROLE_GROUPS, "admin"]
STAFF = [role for role in ROLES if role != "anonymous"]
DENIED = {302, 403, 404, 405}  # login redirect, forbidden, hidden, wrong method

# URL → {role: allowed statuses}. Roles not named are only checked for "no 500".
EXPECTATIONS = {
    "/": dict.fromkeys(ROLES, {200}),
    "/healthz": dict.fromkeys(ROLES, {200}),
    "/readyz": dict.fromkeys(ROLES, {200}),
    "/sitemap.xml": dict.fromkeys(ROLES, {200}),
    # Identity (issue 18): icons drawn from the logo, the manifest, the colour tokens.
    **{
        path: dict.fromkeys(ROLES, {200})
        for path in (
            "/favicon.ico",
            "/apple-touch-icon.png",
            "/icon-192.png",
            "/icon-512.png",
            "/manifest.webmanifest",
            "/giao-dien.css",
        )
    },
    # The design system's pattern library: staff only.
    "/admin/thu-vien-giao-dien/": {"anonymous": {302}, **dict.fromkeys(STAFF, {200})},
    # The editor's guide (Help menu): staff only.
    "/admin/huong-dan-bien-tap/": {"anonymous": {302}, **dict.fromkeys(STAFF, {200})},
    "/admin/": {"anonymous": {302}, **dict.fromkeys(STAFF, {200})},
    # News editors and reviewers may edit only under /tin-tuc/: the explorer opens there.
    "/admin/pages/": {
        "anonymous": {302},
        "editor": {200, 302},
        "reviewer": {200, 302},
        "admin": {200},
    },
    "/admin/users/": {"anonymous": {302}, **dict.fromkeys(ROLE_GROUPS, {302}), "admin": {200}},
    "/admin/groups/": {"anonymous": {302}, **dict.fromkeys(ROLE_GROUPS, {302}), "admin": {200}},
    # The two-factor code step (ops.twofactor): with STAFF_TWO_FACTOR off it sends staff on.
    "/admin/xac-thuc/": dict.fromkeys(ROLES, {302}),
    "/admin/settings/home/portalsettings/": {
        "anonymous": {302},
        **dict.fromkeys(ROLE_GROUPS, {302, 403}),
        "admin": {200, 302},
    },
    # Tin tức (issue 3): public lists, feeds and news by date; bad input is a 400, not a 500.
    **{
        f"/tin-tuc/{sub}": dict.fromkeys(ROLES, {200})
        for sub in (
            "",
            "rss/",
            "chuyen-muc/thong-bao/",
            "chuyen-muc/thong-bao/rss/",
            "theo-ngay/",
            "theo-ngay/?ngay=2024-10-27",
            "theo-ngay/?thang=2024-10",
        )
    },
    "/tin-tuc/theo-ngay/?ngay=2024-02-30": dict.fromkeys(ROLES, {400}),
    "/tin-tuc/?trang=abc": dict.fromkeys(ROLES, {400}),
    "/admin/snippets/news/newscategory/": {
        "anonymous": {302},
        "editor": {200},
        "reviewer": {200},
        "moderator": {302},
        "answering_body": {302},
        "admin": {200},
    },
    # "Trao đổi và tháo gỡ" (issue 4): public section; the question queue for its two roles,
    # the managed lists for moderators only.
    **{
        f"/trao-doi-va-thao-go/{sub}": dict.fromkeys(ROLES, {200})
        for sub in ("", "gui-cau-hoi/", "tra-cuu/", "thong-ke/", "rss/")
    },
    "/admin/trao-doi/cau-hoi/": {
        "anonymous": {302},
        "editor": {302},
        "reviewer": {302},
        "moderator": {200},
        "answering_body": {200},
        "admin": {200},
    },
    "/admin/trao-doi/co-quan/": {
        "anonymous": {302},
        "editor": {302},
        "reviewer": {302},
        "moderator": {200},
        "answering_body": {302},
        "admin": {200},
    },
    # Wagtail's site history and its export: each role sees only the lines it may (issue 4:
    # an answering body only its own questions, tests/dialogue/test_admin_reports.py).
    **{
        f"/admin/reports/site-history/{query}": {"anonymous": {302}, **dict.fromkeys(STAFF, {200})}
        for query in ("", "?export=csv")
    },
    # stats (issue 6): public figures; the admin's statistics need their own permissions.
    "/api/v1/visits/": dict.fromkeys(ROLES, {200}),
    # Open data (issue 17): read-only JSON for everyone; bad parameters are a 400, not a 500.
    **{
        f"/api/v1/{sub}": dict.fromkeys(ROLES, {200})
        for sub in (
            "openapi.json",
            "news/",
            "news/?category=thong-bao&date_from=2024-10-01",
            "questions/",
            "procedures/",
        )
    },
    **{
        f"/api/v1/{sub}": dict.fromkeys(ROLES, {400})
        for sub in ("news/?page=abc", "news/?date=27-10-2024", "questions/?sector=x")
    },
    "/admin/luot-truy-cap/": {
        "anonymous": {302},
        **dict.fromkeys(ROLE_GROUPS, {302}),
        "admin": {200},
    },
    "/admin/so-lieu-ho-so/": {
        "anonymous": {302},
        **dict.fromkeys(ROLE_GROUPS, {302}),
        "admin": {200},
    },
    "/admin/so-lieu-ho-so/import/": {
        "anonymous": {302},
        **dict.fromkeys(ROLE_GROUPS, {302}),
        "admin": {200},
    },
    # Search in citizens' words (issue 15): the synonym dictionary and the search-terms report
    # with zero-result terms are for administrators; the directory answers everyone.
    **{
        url: {"anonymous": {302}, **dict.fromkeys(ROLE_GROUPS, DENIED), "admin": {200}}
        for url in (
            "/admin/snippets/search/searchsynonym/",
            "/admin/snippets/search/searchsynonym/add/?terms=CCCD",
            "/admin/reports/search-term-outcomes/",
            "/admin/reports/search-term-outcomes/?zero=true",
        )
    },
    "/api/v1/procedures/?q=l%C3%A0m+s%E1%BB%95+h%E1%BB%93ng": dict.fromkeys(ROLES, {200}),
    # Government (issue 17): organisation pages are live pages (walked above); the schedule,
    # its feeds and announcements are public; who edits them is below. Who opens a unit's or
    # a leader's page in the editor (the edit view takes the page's id) is checked per role in
    # tests/government/test_editorial_roles.py.
    **{
        url: dict.fromkeys(ROLES, {200})
        for url in (
            "/co-cau-to-chuc/",
            "/lich-cong-tac/",
            "/lich-cong-tac/?tuan=2026-W50",
            "/lich-cong-tac/?ban-in=1",
            "/lich-cong-tac/ical/",
            "/lich-cong-tac/lanh-dao/tran-thi-hanh/",
            "/lich-cong-tac/lanh-dao/tran-thi-hanh/ical/",
            "/thong-bao/",
            "/thong-bao/?loai=thong-cao-bao-chi",
            "/thong-bao/?het-hieu-luc=1",
            "/thong-bao/nguoi-phat-ngon/",
        )
    },
    **{
        url: dict.fromkeys(ROLES, {400})
        for url in ("/lich-cong-tac/?tuan=tuan-sau", "/thong-bao/?trang=abc", "/thong-bao/?loai=x")
    },
    "/lich-cong-tac/lanh-dao/khong-co/": dict.fromkeys(ROLES, {404}),
    "/thong-bao/?trang=99": dict.fromkeys(ROLES, {404}),
    # The schedule and announcements: the news roles keep them (government/editorial.py);
    # the dialogue's roles do not.
    **{
        url: {
            "anonymous": {302},
            "editor": {200},
            "reviewer": {200},
            "moderator": {302},
            "answering_body": {302},
            "admin": {200},
        }
        for url in (
            "/admin/chinh-quyen/lich-cong-tac/",
            "/admin/chinh-quyen/lich-cong-tac/add/",
            "/admin/chinh-quyen/thong-bao/",
            "/admin/chinh-quyen/thong-bao/add/",
        )
    },
    # The emergency banner shows on every page at once: a reviewer's decision.
    "/admin/settings/government/emergencybanner/": {
        "anonymous": {302},
        "editor": {302, 403},
        "reviewer": {200, 302},
        "moderator": {302, 403},
        "answering_body": {302, 403},
        "admin": {200, 302},
    },
    # Văn bản (issue 16): public search, feed, downloads and open data; bad input is a 400;
    # the managed lists: editors read them, reviewers keep them.
    **{
        f"/van-ban/{sub}": dict.fromkeys(ROLES, {200})
        for sub in ("", "?q=61/2018", "?type=Ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh", "rss/")
    },
    "/van-ban/?trang=abc": dict.fromkeys(ROLES, {400}),
    "/lay-y-kien-du-thao/": dict.fromkeys(ROLES, {200}),
    "/lay-y-kien-du-thao/du-thao-quy-che-trung-tam-phuc-vu-hanh-chinh-cong/": dict.fromkeys(
        ROLES, {200}
    ),
    "/admin/snippets/documents/draftcomment/": {
        "anonymous": {302},
        "editor": {200},
        "reviewer": {200},
        "moderator": {302},
        "answering_body": {302},
        "admin": {200},
    },
    "/van-ban/61-2018-nd-cp/": dict.fromkeys(ROLES, {200}),
    "/van-ban/61-2018-nd-cp/?ban-in=1": dict.fromkeys(ROLES, {200}),
    "/van-ban/tai-ve/999999/": dict.fromkeys(ROLES, {404}),
    "/api/v1/documents/": dict.fromkeys(ROLES, {200}),
    "/api/v1/documents/?year=abc": dict.fromkeys(ROLES, {400}),
    "/api/v1/documents/abc/": dict.fromkeys(ROLES, {400}),
    **{
        f"/admin/snippets/documents/{model}/": {
            "anonymous": {302},
            "editor": {200},
            "reviewer": {200},
            "moderator": {302},
            "answering_body": {302},
            "admin": {200},
        }
        for model in ("documenttype", "issuer", "documentfield")
    },
    **{
        f"/admin/snippets/documents/{model}/add/": {
            "anonymous": {302},
            "editor": {302, 403},
            "reviewer": {200},
            "moderator": {302},
            "answering_body": {302},
            "admin": {200},
        }
        for model in ("documenttype", "issuer", "documentfield")
    },
}

# Admin views anyone may open: signing in, password reset, the admin's static helpers.
PUBLIC_ADMIN_URLS = {
    "/admin/login/",
    "/admin/password_reset/",
    "/admin/password_reset/done/",
    "/admin/password_reset/complete/",
    "/admin/password_reset/confirm/{id}/{id}/",
    "/admin/jsi18n/",
    "/admin/sprite/",
}
# Wagtail's deliberate crash page for testing error reporting (staff only).
INTENTIONAL_500 = {"/admin/failwhale/"}

# Sample values for URL arguments, by converter (None: a live page's id); a 404 is fine.
# Wagtail's generic admin views take `str` primary keys and crash on non-numeric ones
# (ValueError, staff only), so `str` gets a numeric id too.
SAMPLE_VALUES = {
    "int": None,
    "str": None,
    "slug": "mau",
    "path": "mau/thu",
    "uuid": uuid.UUID(int=1),
}
ARGUMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
# GET on these ends the session; they are checked, but last.
SESSION_ENDING = ("admin/logout/",)


def route_patterns(patterns=None, prefix=""):
    """Every route in the URLconf as a string like 'admin/pages/<int:page_id>/edit/'."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from route_patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def concrete_urls(sample_id):
    """Routes turned into URLs; regular-expression routes (Wagtail's page catch-all,
    document serving) are covered by the live pages and by explicit EXPECTATIONS rows."""
    urls = set()
    for route in route_patterns():
        if "^" in route or "(" in route:
            continue

        def sample(match):
            value = SAMPLE_VALUES.get(match["converter"] or "str")
            return str(sample_id if value is None else value)

        urls.add("/" + ARGUMENT.sub(sample, route))
    ordered = sorted(urls, key=lambda url: url.lstrip("/").startswith(SESSION_ENDING))
    return ordered


@pytest.fixture
def portal(db, settings):
    settings.PAGE_CACHE_ENABLED = False
    call_command("load_demo_data", verbosity=0)
    access_admin = Permission.objects.get(codename="access_admin")
    users = {}
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    for role, group_name in ROLE_GROUPS.items():
        group, created = Group.objects.get_or_create(name=group_name)
        if created:
            group.permissions.add(access_admin)
        user = user_model.objects.create_user(role, f"{role}@example.vn", "x")
        user.groups.add(group)
        users[role] = user
    users["admin"] = user_model.objects.create_superuser("quantri", "qt@example.vn", "x")
    live_pages = [page.url for page in Page.objects.live().filter(depth__gt=1)]
    sample_id = Page.objects.live().filter(depth__gt=2).first().pk
    return users, live_pages, concrete_urls(sample_id)


def client_for(client, users, role):
    client.logout()
    if role != "anonymous":
        client.force_login(users[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_no_url_answers_500_and_expectations_hold(client, portal, role):
    users, live_pages, urls = portal
    client = client_for(client, users, role)
    if role not in ("anonymous", "admin"):
        # Arguments only matter where a view is reached; the superuser reaches every view.
        urls = [url for url in urls if "/mau" not in url and not re.search(r"/\d+/", url)]
    if role != "anonymous":
        urls = [url for url in urls if url not in INTENTIONAL_500]
    statuses = {}
    for url in [*live_pages, *EXPECTATIONS, *urls]:
        if url in statuses:
            continue
        response = client.get(url)
        statuses[url] = response.status_code
        if url.lstrip("/").startswith(SESSION_ENDING):
            client = client_for(client, users, role)

    assert {url: code for url, code in statuses.items() if code >= 500} == {}
    unexpected = {
        url: statuses[url]
        for url, allowed in EXPECTATIONS.items()
        if role in allowed and statuses[url] not in allowed[role]
    }
    assert unexpected == {}
    assert all(statuses[url] == 200 for url in live_pages), "public pages are public"


def test_anonymous_visitors_never_reach_an_admin_view(client, portal):
    _, _, urls = portal
    sample_id = Page.objects.live().filter(depth__gt=2).first().pk
    public = {url.format(id=sample_id) for url in PUBLIC_ADMIN_URLS}
    admin_urls = [url for url in urls if url.startswith("/admin/") and url not in public]

    statuses = {url: client.get(url).status_code for url in admin_urls}

    assert len(admin_urls) > 100
    assert {url: code for url, code in statuses.items() if code not in DENIED} == {}
    assert all(
        client.get(url)["Location"].startswith("/admin/login/")
        for url, code in statuses.items()
        if code == 302
    )
