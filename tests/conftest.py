"""Shared fixtures: the real servers the suite runs against, and small page builders.

Integration tests carry the `postgres`, `elasticsearch` or `redis` marker. Without the server they
skip with the reason printed; under CI (`CI=true`) a missing server fails them instead.
"""

import os

import pytest
from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _postgres_version():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None, "DATABASE_URL does not name a PostgreSQL server"
    import psycopg2

    try:
        with psycopg2.connect(url, connect_timeout=3) as conn, conn.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return "PostgreSQL " + cursor.fetchone()[0].split()[0], None
    except psycopg2.Error as error:
        return None, f"PostgreSQL at DATABASE_URL is unreachable: {error}"


def _elasticsearch_version():
    if not os.environ.get("ELASTICSEARCH_URL"):
        return None, "ELASTICSEARCH_URL is not set"
    from portal.search import elastic

    try:
        return "Elasticsearch " + elastic.server_version(), None
    except Exception as error:  # any transport failure means "not available"
        return None, f"Elasticsearch at ELASTICSEARCH_URL is unreachable: {error}"


def _redis_version():
    url = os.environ.get("REDIS_URL", "")
    if not url:
        return None, "REDIS_URL is not set"
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3)
        return "Redis " + client.info("server")["redis_version"], None
    except redis.RedisError as error:
        return None, f"Redis at REDIS_URL is unreachable: {error}"


SERVICES = {
    "postgres": _postgres_version,
    "elasticsearch": _elasticsearch_version,
    "redis": _redis_version,
}
_SERVICES = {}


def service(name):
    if name not in _SERVICES:
        _SERVICES[name] = SERVICES[name]()
    return _SERVICES[name]


def pytest_report_header(config):
    lines = []
    for name in SERVICES:
        version, problem = service(name)
        lines.append(f"{name}: {version}" if version else f"{name}: NOT AVAILABLE ({problem})")
    lines.append(
        f"CI mode: {'yes, missing services fail' if IN_CI else 'no, missing services skip'}"
    )
    return lines


@pytest.fixture(autouse=True)
def _require_services(request):
    for name in SERVICES:
        if request.node.get_closest_marker(name) is None:
            continue
        version, problem = service(name)
        if version:
            continue
        if IN_CI:
            pytest.fail(f"CI=true but {problem}")
        pytest.skip(f"SKIPPED, needs a real server: {problem}")


@pytest.fixture(autouse=True)
def _empty_default_cache():
    """Each test starts with an empty default cache: figures cached by one test (the home
    page's key statistics) must not outlive its rolled-back database. The copies kept in
    front of it in this process (live fragments, section addresses, Sites) go too."""
    from django.core.cache import cache

    from government import live
    from home import site_lookup
    from portal import section_url

    cache.clear()
    live.forget()
    section_url.forget_all_copies()
    site_lookup.forget()


@pytest.fixture
def es_client():
    """The real Elasticsearch client (tests using it must carry the elasticsearch marker)."""
    from portal.search import elastic

    return elastic.get_client()


@pytest.fixture
def home_page(db):
    """A live HomePage as the default site's root, like the portal has."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu-test"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "root_page": home,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    return home


def add_page(parent, page_class, **fields):
    """Create and publish a child page, as an editor would."""
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
    page = parent.add_child(instance=page_class(**fields))
    page.save_revision().publish()
    return page


def _commits(item):
    """Whether pytest-django runs this test on a transactional database (real commits)."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(fixtures)
    )


def pytest_collection_modifyitems(config, items):
    """The browser tests run after every other test that uses the database inside a
    rolled-back transaction, and before the transactional ones.

    After them, because in whole runs with them first the news index's query-count test
    measured 28-31 queries instead of 15 (cause not found): no such measurement comes after
    them. Before the transactional tests, because each of those with a serialized rollback
    empties every table when it ends, and Django reloads the snapshot only at the start of
    the next such test: after them the browser tests found no content types and no root
    page. pytest-django has already put the transactional tests after the others; the sort
    is otherwise unchanged."""
    browser = [item for item in items if item.nodeid.startswith("tests/browser/")]
    others = [item for item in items if not item.nodeid.startswith("tests/browser/")]
    first_commit = next((n for n, item in enumerate(others) if _commits(item)), len(others))
    items[:] = others[:first_commit] + browser + others[first_commit:]
