"""Real-browser tests: Debian's Chromium driven by Playwright against a live test server.

Modules here carry `pytestmark = BROWSER` (the `browser` marker plus `django_db`, so the
test database exists; the data itself is committed once per module by `portal`).

No browser is downloaded (`playwright install` is never run): Playwright starts the
system's /usr/bin/chromium (`PORTAL_CHROMIUM` overrides the path). Without it these
tests are skipped with the reason printed; under CI (`CI=true`) they fail instead.
Screenshots land in test-artifacts/ (git-ignored): each journey's last step, and the
page as it was whenever a browser test fails.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Locale, Page

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parent.parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
EDITOR = {"username": "bientapvien", "password": "mat-khau-thu-nghiem-2024"}
BROWSER = [pytest.mark.browser, pytest.mark.django_db]


def _missing_browser():
    if not Path(CHROMIUM).is_file():
        return (
            f"Chromium not found at {CHROMIUM}: install Debian's browser with "
            "`apt-get install -y chromium chromium-driver` (what .ci/run does)"
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed: pip install -r requirements.txt"
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def _require_browser():
    problem = _missing_browser()
    if problem:
        if IN_CI:
            pytest.fail(f"CI=true but {problem}")
        pytest.skip(f"SKIPPED, BROWSER TESTS DID NOT RUN: {problem}")


def _ensure_wagtail_baseline():
    """What Wagtail's migrations create and the demo needs, in case a transactional test
    before us flushed the database without putting it back."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


def _drop_search_indexes():
    """Empty Elasticsearch of the demo's procedures and documents.

    The database is put back after each module, but the indexes are not: documents left by
    the previous module's demo, under other page ids, would be found twice.
    """
    from documents import indexing as document_indexing
    from portal.search import elastic
    from procedures import indexing as procedure_indexing

    if not elastic.is_configured():
        return
    client = elastic.get_client()
    for alias in (procedure_indexing.alias_name(), document_indexing.alias_name()):
        names = list(client.indices.get(index=f"{alias}*", allow_no_indices=True))
        if names:  # the server refuses wildcard deletes: name each index
            client.indices.delete(index=",".join(names), ignore_unavailable=True)


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker):
    """The demo portal with an editor account, served by a live server thread.

    Loaded once per test module and committed (the server thread must see it), then the
    database is put back exactly as it was, as Django's serialized rollback does. Test
    bodies look at the site as a visitor does and never query the database themselves.
    """
    _require_browser()
    with django_db_blocker.unblock():
        with transaction.atomic():  # PostgreSQL's server-side cursors need a transaction
            before = connection.creation.serialize_db_to_string()
        cache.clear()
        _ensure_wagtail_baseline()
        _drop_search_indexes()
        call_command("load_demo_data", verbosity=0)
        get_user_model().objects.create_superuser(email="bbt@example.vn", **EDITOR)
    server = LiveServer("localhost:0")
    try:
        yield server.url
    finally:
        server.stop()
        with django_db_blocker.unblock():
            call_command(
                "flush",
                interactive=False,
                verbosity=0,
                inhibit_post_migrate=True,
                reset_sequences=False,
            )
            connection.creation.deserialize_db_from_string(before)
            cache.clear()


@pytest.fixture
def browser(portal, db):
    """Debian's Chromium, one per test.

    Playwright's sync API runs an asyncio loop in this thread while it is open, and
    Django then treats the thread as async (it hands out other connections). So the
    browser starts after the test's database setup and stops before its rollback.
    """
    _require_browser()
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _artifact_name(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:120]


def open_context(browser, request, **options):
    options.setdefault("locale", "vi-VN")
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    request.addfinalizer(context.close)
    return context


@pytest.fixture
def page(browser, request):
    """A fresh tab; its screenshot is kept if the test fails."""
    tab = open_context(browser, request).new_page()
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = _artifact_name(f"failed-{request.node.name}")
        tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def save_screenshot(tab, name):
    """A journey's last step, kept as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{_artifact_name(name)}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
