"""What visitors see: the footer, the endpoint, the cache in between, and a slow store."""

import json
import re
import time

import psycopg2
import pytest
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import override_settings

from stats import counters
from stats.models import Visit
from tests.stats.conftest import visitor

pytestmark = pytest.mark.postgres
FIGURE = re.compile(r'<data value="(\d+)" data-visits="(\w+)">([^<]*)</data>')


def footer_figures(html):
    return {name: (int(value), shown) for value, name, shown in FIGURE.findall(html)}


@override_settings(VISITS_STARTING_TOTAL=290_365)
def test_footer_shows_vietnamese_numbers_and_agrees_with_the_endpoint(home_page, frozen_clock):
    html = visitor().get("/").content.decode()
    counters.forget()
    caches["visits"].clear()

    page = visitor().get("/").content.decode()
    api = visitor().get("/api/v1/visits/")

    assert "Truy cập tổng" in page and "Truy cập hiện tại" in page
    shown = footer_figures(page)
    data = api.json()
    assert set(data) == {"total", "online", "today", "month"}
    assert {name: value for name, (value, __) in shown.items()} == data
    # The page is rendered before its own view is counted: the first visitor is in it.
    assert data["total"] == 290_365 + 1
    assert shown["total"][1] == "290.366"  # shown the Vietnamese way
    assert 'data-thousands="."' in page  # and visits.js groups refreshed figures the same way
    assert footer_figures(html)["total"][1] == "290.365"


def test_endpoint_is_never_cached_and_takes_only_get(home_page, frozen_clock):
    response = visitor().get("/api/v1/visits/")

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert response["Content-Type"] == "application/json"
    assert visitor().post("/api/v1/visits/").status_code == 405


def test_figures_are_cached_for_every_process_not_recounted_per_page(home_page, frozen_clock):
    visitor().get("/")  # its footer was rendered, and the figures cached, before it counted
    assert counters.current_figures().today == 0

    visitor().get("/")
    counters.forget()  # another process: no copy of its own, but the same shared cache
    assert counters.current_figures().today == 0

    counters.expire()  # the 25 seconds are over
    assert counters.current_figures().today == 2


def test_a_page_from_a_full_page_cache_gets_current_figures(home_page, frozen_clock):
    stale = visitor().get("/")  # as a page cache would have stored it
    for __ in range(3):
        visitor().get("/")
    counters.forget()
    caches["visits"].clear()
    replay = HttpResponse(stale.content, headers={"Content-Language": "vi"})
    replay["Content-Length"] = str(len(stale.content))

    counters.refresh_fragment(replay)

    assert footer_figures(replay.content.decode())["today"] == (4, "4")
    assert replay["Content-Length"] == str(len(replay.content))


def test_pages_from_the_page_cache_still_count_and_show_current_figures(
    home_page, frozen_clock, settings
):
    settings.PAGE_CACHE_ENABLED = True
    assert visitor().get("/")["X-Page-Cache"] == "MISS"
    cached = visitor().get("/")
    assert cached["X-Page-Cache"] == "HIT"
    assert "portal_visit" in cached.cookies
    assert Visit.objects.count() == 2

    counters.expire()  # the figures' 25 seconds are over
    page = visitor().get("/")

    assert page["X-Page-Cache"] == "HIT"
    assert footer_figures(page.content.decode())["today"] == (2, "2")


def test_footer_has_no_inline_script(home_page):
    html = visitor().get("/").content.decode()

    footer = html.split("<footer", 1)[1]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", footer, flags=re.S)
    assert scripts == [(' src="/static/js/visits.js" defer', "")]


@pytest.fixture
def locked_store(transactional_db):
    """Another connection holds the counters' tables: every read of them waits."""
    settings = connection.settings_dict
    other = psycopg2.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"]
    )

    def lock():
        with other.cursor() as cursor:
            cursor.execute("LOCK TABLE stats_visit, stats_visitday IN ACCESS EXCLUSIVE MODE")

    yield lock
    other.rollback()
    other.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_slow_store_never_holds_the_page(home_page, frozen_clock, locked_store):
    visitor().get("/")
    counters.expire()
    known = counters.current_figures()
    counters.expire()  # stale: the next page must read the store, which is locked
    locked_store()

    started = time.monotonic()
    response = visitor().get("/")
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert footer_figures(response.content.decode())["today"][0] == known.today == 1
    # One read and one write, each given up after VISITS_STATEMENT_TIMEOUT_MS (300 ms).
    assert elapsed < 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_any_known_figures_the_footer_says_so_and_the_endpoint_answers_503(
    home_page, locked_store
):
    locked_store()

    page = visitor().get("/").content.decode()
    api = visitor().get("/api/v1/visits/")

    assert "Số liệu truy cập đang được cập nhật." in page
    assert api.status_code == 503
    assert "thử lại" in json.loads(api.content)["error"]
