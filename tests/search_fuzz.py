"""Full-text syntax and punctuation sent to every search box and search API, public and admin.

Shared by tests/test_search_fuzz.py, which runs it in-process on the test database
(PostgreSQL, with Elasticsearch when configured) and in a fresh SQLite portal (the embedded
default, where FTS5 reads quotes, `*`, `:`, `^` and upper-case AND/OR/NOT/NEAR as syntax).
Every probe must answer 200 (results or none), never a 4xx/5xx, and log no ERROR. The admin's
boxes (page explorer and search, every model listing, images, documents, choosers) are
probed as a logged-in superuser: staff type quotes too.
"""

import re
import string

# Each punctuation character alone and inside words, and the operators of the backends.
PROBES = [
    *string.punctuation,
    '"',
    '""',
    '"khai sinh',
    'khai"sinh',
    'khai sinh"',
    "đăng ký*",
    "*",
    "^khai",
    "title:khai",
    "khai AND",
    "OR",
    "NOT khai",
    "NEAR(khai sinh)",
    "khai + sinh - hộ",
    "(khai",
    "khai)",
    "[{<>}]",
    "'; DROP TABLE x; --",
    "%_%",
    "\\",
    "khai\\sinh",
    "~khai~",
    "a&b|c!",
    'đăng ký kết hôn "có yếu tố nước ngoài"',
    "“khai sinh”",
    "…",
    "#@$",
]

# (path, parameter name, extra parameters)
ENDPOINTS = [
    ("/tim-kiem/", "q", {}),
    ("/tim-kiem/", "q", {"loai": "hoi-dap"}),
    ("/tim-kiem/", "q", {"loai": "thu-tuc"}),
    ("/tim-kiem/", "q", {"loai": "tin-tuc"}),
    ("/en/tim-kiem/", "q", {}),
    ("/trao-doi-va-thao-go/", "q", {}),
    ("/thu-tuc-hanh-chinh/", "q", {}),
    ("/api/v1/procedures/", "q", {}),
    ("/api/v1/procedures/autocomplete/", "q", {}),
    ("/van-ban/", "q", {}),
    ("/api/v1/documents/", "q", {}),
]


def failures(client):
    """Every (path, probe, status) that did not answer 200. Each search box is probed from an
    address of its own: the probes of all the APIs from one address would pass the open-data
    rate limit (API_RATE_LIMIT, 429) before the last one."""
    bad = []
    for number, (path, name, extra) in enumerate(ENDPOINTS, start=1):
        for probe in PROBES:
            response = client.get(path, {**extra, name: probe}, REMOTE_ADDR=f"10.0.2.{number}")
            if response.status_code != 200:
                bad.append((path, extra, probe, response.status_code))
    return bad


def admin_search_boxes():
    """The address of every search box in the Wagtail admin: each model's listing (snippets,
    the dialogue queue, users, groups...), the page explorer and page search, images,
    documents and the three choosers."""
    from django.urls import NoReverseMatch, reverse
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.model import ModelViewSet
    from wagtail.models import Page

    paths = [
        reverse(name)  # loads the admin's URLs, which registers its viewsets
        for name in (
            "wagtailadmin_pages:search",
            "wagtailadmin_choose_page_search",
            "wagtailimages:index",
            "wagtailimages_chooser:choose",
            "wagtaildocs:index",
            "wagtaildocs_chooser:choose",
        )
    ]
    home = Page.objects.filter(depth=2).order_by("path").first()
    paths.append(reverse("wagtailadmin_explore", args=[home.pk]))
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet):
            continue
        for view in ("index", "list"):  # a model viewset's listing, a snippet's
            try:
                paths.append(reverse(viewset.get_url_name(view)))
                break
            except NoReverseMatch:
                continue
    return sorted(set(paths))


def admin_failures(client):
    """Every (path, probe, status or exception) of the admin's search boxes that did not
    answer 200; `client` is logged in as a superuser. An exception the test client re-raises
    (a 500) is listed too, so one run shows every failing box."""
    bad = []
    for path in admin_search_boxes():
        for probe in PROBES:
            try:
                status = client.get(path, {"q": probe}).status_code
            except Exception as error:  # noqa: BLE001 - reported, not hidden
                status = repr(error)[:80]
            if status != 200:
                bad.append((path, probe, status))
    return bad


def log_in_superuser(client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("fuzz", "fuzz@example.com", None)
    client.force_login(user)


def archive_hits(client, query):
    """The answers the Q&A archive lists for `query` (their addresses, in order)."""
    html = client.get("/trao-doi-va-thao-go/", {"q": query}).content.decode()
    return re.findall(r'href="[^"]*/trao-doi-va-thao-go/(\d+)/"', html)


def quoted_query_finds_answers(client):
    """A phrase in quotes finds what the same words find: results, not an error page."""
    plain = archive_hits(client, "bảo hiểm xã hội")
    return bool(plain) and archive_hits(client, '"bảo hiểm xã hội"') == plain


def main():
    """Run in a configured portal (manage.py shell -c); prints failures, one per line."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    bad = failures(client)
    for failure in bad:
        print("FAIL", failure)  # noqa: T201 - read by the test that spawned this process
    print("probes", len(PROBES) * len(ENDPOINTS), "failures", len(bad))  # noqa: T201
    print("quoted query finds answers", quoted_query_finds_answers(client))  # noqa: T201
    log_in_superuser(client)
    admin_bad = admin_failures(client)
    for failure in admin_bad:
        print("FAIL", failure)  # noqa: T201
    boxes = len(admin_search_boxes())
    print("admin boxes", boxes, "probes", len(PROBES) * boxes, "failures", len(admin_bad))  # noqa: T201
