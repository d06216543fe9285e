"""What counts as a visit, and what it costs: against the real PostgreSQL server."""

import datetime
import uuid

import pytest
from django.core.signals import request_finished
from django.db import DatabaseError, close_old_connections
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from stats import counters, store
from stats.middleware import VisitCounterMiddleware
from stats.models import Visit, VisitDay
from tests.stats.conftest import BROWSER, HUE, counts, visitor

pytestmark = pytest.mark.postgres


def test_first_page_view_is_one_visit_and_gives_the_visitor_a_cookie(home_page, frozen_clock):
    response = visitor().get("/")

    assert response.status_code == 200
    assert Visit.objects.count() == 1
    assert response.cookies["portal_visit"]["httponly"]
    assert response.cookies["portal_seen"]["max-age"] == 60
    # A response carrying one visitor's cookie must not be kept by a shared cache.
    assert "private" in response["Cache-Control"]
    assert counts(frozen_clock())[0] == 1


def test_repeat_views_add_nothing_and_touch_no_database(home_page, frozen_clock, write_counter):
    browser = visitor()
    browser.get("/")
    assert len(write_counter.writes) == 1

    for _ in range(5):
        frozen_clock.advance(seconds=9)
        response = browser.get("/")
        assert "portal_visit" not in response.cookies

    assert len(write_counter.writes) == 1
    assert counts(frozen_clock())[0] == 1


def test_a_visit_going_on_writes_once_a_minute_and_stays_one_visit(home_page, frozen_clock):
    browser = visitor()
    browser.get("/")
    first_seen = Visit.objects.get().last_seen

    frozen_clock.advance(seconds=61)
    response = browser.get("/")

    visit = Visit.objects.get()
    assert visit.last_seen - first_seen == datetime.timedelta(seconds=61)
    assert "portal_visit" in response.cookies
    assert counts(frozen_clock())[0] == 1


def test_writes_per_visitor_are_bounded_by_one_a_minute(home_page, frozen_clock, write_counter):
    browser = visitor()
    for _ in range(40):  # a page every 15 seconds for 10 minutes
        browser.get("/")
        frozen_clock.advance(seconds=15)

    assert Visit.objects.count() == 1
    assert len(write_counter.writes) <= 11  # the visit itself, then at most one per minute


def test_thirty_minutes_idle_start_a_new_visit_of_the_same_visitor(home_page, frozen_clock):
    browser = visitor()
    browser.get("/")
    frozen_clock.advance(minutes=29)
    browser.get("/")
    assert Visit.objects.count() == 1

    frozen_clock.advance(minutes=31)
    browser.get("/")

    assert Visit.objects.count() == 2
    assert Visit.objects.values("visitor").distinct().count() == 1


def test_a_new_day_starts_a_new_visit(home_page, frozen_clock):
    frozen_clock.current = datetime.datetime(2024, 10, 27, 23, 59, 0, tzinfo=HUE)
    browser = visitor()
    browser.get("/")
    frozen_clock.advance(seconds=90)
    browser.get("/")

    # The first visit of the new day rolled yesterday's visit into the daily history.
    assert list(Visit.objects.values_list("day", flat=True)) == [datetime.date(2024, 10, 28)]
    assert VisitDay.objects.get(day=datetime.date(2024, 10, 27)).visits == 1
    total, online, today, __ = counts(frozen_clock())
    assert (total, online, today) == (2, 1, 1)


def test_a_forged_cookie_is_ignored(home_page, frozen_clock):
    browser = visitor()
    browser.get("/")
    value = browser.cookies["portal_visit"].value
    browser.cookies["portal_visit"] = value.replace(value.split(".")[3][:4], "9999", 1)

    frozen_clock.advance(seconds=5)
    browser.get("/")

    assert Visit.objects.count() == 2


BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
    "curl/8.5.0",
    "",
]


@pytest.mark.parametrize("user_agent", BOTS)
def test_bots_and_non_browsers_add_nothing(home_page, frozen_clock, user_agent):
    response = visitor(user_agent).get("/")

    assert response.status_code == 200
    assert "portal_visit" not in response.cookies
    assert Visit.objects.count() == 0


def test_head_post_errors_and_the_counter_endpoint_add_nothing(home_page, frozen_clock):
    browser = visitor()
    browser.head("/")
    browser.post("/", {})
    browser.get("/khong-co-trang-nay/")
    browser.get("/api/v1/visits/")
    browser.get("/admin/")

    assert Visit.objects.count() == 0


@pytest.mark.parametrize(
    "path", ["/static/css/portal.css", "/media/a.html", "/admin/pages/", "/healthz", "/readyz"]
)
def test_excluded_paths_add_nothing_even_when_they_answer_html(db, frozen_clock, path):
    request = RequestFactory().get(path, HTTP_USER_AGENT=visitor().defaults["HTTP_USER_AGENT"])
    middleware = VisitCounterMiddleware(lambda request: HttpResponse("<html></html>"))

    response = middleware(request)

    assert "portal_visit" not in response.cookies
    assert Visit.objects.count() == 0


def test_online_window_rolls_over_after_five_minutes(home_page, frozen_clock):
    start = frozen_clock()
    visitor().get("/")
    frozen_clock.advance(minutes=3)
    visitor().get("/")

    assert counts(start + datetime.timedelta(minutes=4, seconds=59))[1] == 2
    assert counts(start + datetime.timedelta(minutes=5, seconds=1))[1] == 1
    assert counts(start + datetime.timedelta(minutes=8, seconds=1))[1] == 0
    assert counts(start + datetime.timedelta(minutes=8, seconds=1))[0] == 2


def test_a_visitor_who_keeps_browsing_stays_online(home_page, frozen_clock):
    browser = visitor()
    for _ in range(20):  # every 30 s for 10 minutes
        browser.get("/")
        frozen_clock.advance(seconds=30)

    assert counts(frozen_clock())[1] == 1


def test_today_and_month_and_total_survive_the_roll_up(home_page, frozen_clock):
    for day in (
        datetime.date(2024, 9, 30),
        datetime.date(2024, 10, 26),
        datetime.date(2024, 10, 27),
    ):
        frozen_clock.current = datetime.datetime.combine(day, datetime.time(9), tzinfo=HUE)
        visitor().get("/")
    now = frozen_clock()

    assert counts(now) == (3, 1, 1, 2)  # total, online, today, this month
    # Past days went into the daily history as the first visit of each new day arrived.
    assert dict(VisitDay.objects.values_list("day", "visits")) == {
        datetime.date(2024, 9, 30): 1,
        datetime.date(2024, 10, 26): 1,
    }
    assert [visits for __, visits in store.daily_history(3, now)] == [0, 1, 1]


def test_roll_up_moves_past_visits_into_the_history_exactly(db, frozen_clock):
    now = frozen_clock()
    yesterday = datetime.date(2024, 10, 26)
    earlier = now - datetime.timedelta(days=1)
    Visit.objects.bulk_create(
        [
            Visit(id=uuid.uuid4(), visitor=uuid.uuid4(), day=yesterday, last_seen=earlier)
            for __ in range(7)
        ]
        + [
            Visit(id=uuid.uuid4(), visitor=uuid.uuid4(), day=now.date(), last_seen=now)
            for __ in range(2)
        ]
    )
    VisitDay.objects.create(day=yesterday, visits=5)
    before = counts(now)

    assert store.roll_up(datetime.date(2024, 10, 27)) == 7

    assert counts(now) == before == (14, 2, 2, 14)
    assert VisitDay.objects.get(day=yesterday).visits == 12
    assert Visit.objects.count() == 2
    assert store.roll_up(datetime.date(2024, 10, 27)) == 0


@override_settings(VISITS_STARTING_TOTAL=290_365)
def test_the_total_continues_the_old_portal(home_page, frozen_clock):
    visitor().get("/")
    visitor(visitor().defaults["HTTP_USER_AGENT"]).get("/")

    assert counters.read_from_store(frozen_clock()).total == 290_367


def test_the_visit_is_written_after_the_page_is_sent(db, frozen_clock):
    middleware = VisitCounterMiddleware(lambda request: HttpResponse("<p>trang</p>"))
    request = RequestFactory().get("/", HTTP_USER_AGENT=BROWSER)

    response = middleware(request)

    assert "portal_visit" in response.cookies
    assert Visit.objects.count() == 0  # the visitor is not kept waiting for the write
    # What the WSGI server does once the page is sent (keeping the test's connection open,
    # as Django's test client does).
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert Visit.objects.count() == 1


def test_a_visit_whose_first_write_failed_is_counted_by_the_next(
    home_page, frozen_clock, monkeypatch
):
    browser = visitor()
    real_write = store.record_visit

    def store_down(cookie, now):
        raise DatabaseError("store unavailable")

    monkeypatch.setattr(store, "record_visit", store_down)
    assert browser.get("/").status_code == 200
    assert Visit.objects.count() == 0

    monkeypatch.setattr(store, "record_visit", real_write)
    frozen_clock.advance(seconds=61)
    assert browser.get("/").status_code == 200

    assert Visit.objects.count() == 1
    assert counts(frozen_clock())[0] == 1
