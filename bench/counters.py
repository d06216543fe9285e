"""Visitor counter benchmark: cost per request and database writes per visitor.

    .venv/bin/python bench/counters.py            # DATABASE_URL=postgres://... for real figures

Runs on a separate database (<name>_bench, kept between runs), never on the real one.
Every cost is measured against a baseline in the same run:
- middleware: the same request and prebuilt page answered with and without
  VisitCounterMiddleware around it, for each kind of request the counter sees;
- full stack: the demo home page through all of Django with and without the middleware;
- writes: simulated visitors browsing for ten minutes under a fake clock, every statement
  that writes to the counters' tables counted.
Prints the figures and writes bench/results/counters.json. Goal: ≤ 0.3 ms per request.
"""

import datetime
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, RequestFactory, override_settings  # noqa: E402
from django.test.utils import setup_databases, setup_test_environment  # noqa: E402

from stats import clock, counters, store  # noqa: E402
from stats.middleware import VisitCounterMiddleware  # noqa: E402
from stats.models import Visit, VisitDay  # noqa: E402
from stats.visitor_cookie import VisitCookie  # noqa: E402

BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
GOAL_MS = 0.3
RESULTS = ROOT / "bench" / "results" / "counters.json"


def per_call_us(function, arguments):
    """Median and mean microseconds of function(argument) over the prepared arguments."""
    samples = []
    for argument in arguments:
        started = time.perf_counter_ns()
        function(argument)
        samples.append((time.perf_counter_ns() - started) / 1000)
    return statistics.median(samples), statistics.fmean(samples)


def closed(response):
    """What the WSGI server does once it has sent the response (the counter writes then)."""
    request_finished.disconnect(close_old_connections)  # as Django's test client does
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def compare(name, requests, page, repeats=3):
    """The middleware's cost on `requests`: interleaved runs with and without it.

    The cost is what a visitor waits for (the response path); the write the middleware leaves
    for after the response is timed separately and reported as after_us.
    """

    def view(request):
        return HttpResponse(page, content_type="text/html; charset=utf-8")

    middleware = VisitCounterMiddleware(view)
    with_runs, without_runs, after_runs = [], [], []
    for __ in range(repeats):
        without_runs.append(per_call_us(view, requests))
        responses = []
        answer = lambda r, sent=responses: sent.append(middleware(r))  # noqa: E731
        with_runs.append(per_call_us(answer, requests))
        after_runs.append(per_call_us(closed, responses))
    base = min(run[0] for run in without_runs)
    counted = min(run[0] for run in with_runs)
    row = {
        "case": name,
        "requests": len(requests),
        "without_us_median": round(base, 2),
        "with_us_median": round(counted, 2),
        "cost_us_median": round(counted - base, 2),
        "cost_us_mean": round(min(r[1] for r in with_runs) - min(r[1] for r in without_runs), 2),
        "ratio": round(counted / base, 2),
        "after_us_median": round(min(run[0] for run in after_runs), 2),
    }
    print(
        f"  {name:<44} {row['cost_us_median']:>8.1f} µs  "
        f"(with {counted:7.1f} µs / without {base:6.1f} µs, ×{row['ratio']}); "
        f"after the response {row['after_us_median']:.1f} µs"
    )
    return row


def middleware_costs(page, now):
    factory = RequestFactory()
    seconds = int(now.timestamp())
    day = now.astimezone().date().toordinal()

    def page_view(cookie=None, user_agent=BROWSER, path="/"):
        request = factory.get(path, HTTP_USER_AGENT=user_agent)
        if cookie:
            request.COOKIES[settings.VISITS_COOKIE_NAME] = cookie.value()
        return request

    fresh = VisitCookie.new_visitor(day, seconds)
    store.record_visit(fresh, now)
    due = []
    for __ in range(300):
        cookie = VisitCookie.new_visitor(day, seconds - 61)
        store.record_visit(cookie, now)
        due.append(page_view(cookie))
    rows = [
        compare("returning visitor within the minute (no DB)", [page_view(fresh)] * 5000, page),
        compare("bot (user agent already classified)", [page_view(user_agent=BOT)] * 5000, page),
        compare("excluded path (/admin/)", [page_view(path="/admin/")] * 5000, page),
        compare("visit going on, minute over (1 UPDATE)", due, page, repeats=1),
        compare("new visitor (1 INSERT)", [page_view() for __ in range(300)], page, repeats=1),
    ]
    return rows


def full_stack(now, requests=300):
    """The demo home page through every middleware and the template, with and without."""
    without = [m for m in settings.MIDDLEWARE if m != "stats.middleware.VisitCounterMiddleware"]
    browser = Client(HTTP_USER_AGENT=BROWSER)
    browser.get("/")  # counted once; later views fall within the minute
    with override_settings(MIDDLEWARE=without):
        plain = Client(HTTP_USER_AGENT=BROWSER)
        plain.get("/")
        plain.handler.load_middleware()
    timings = {"with": [], "without": []}
    for __ in range(requests):
        for name, client in (("without", plain), ("with", browser)):
            started = time.perf_counter_ns()
            response = client.get("/")
            timings[name].append((time.perf_counter_ns() - started) / 1000)
            assert response.status_code == 200
    base = statistics.median(timings["without"])
    counted = statistics.median(timings["with"])
    print(
        f"  home page, returning visitor: {counted / 1000:.2f} ms with, {base / 1000:.2f} ms "
        f"without (difference {(counted - base) / 1000:+.3f} ms, within this page's noise)"
    )
    return {
        "requests": requests,
        "with_ms_median": round(counted / 1000, 3),
        "without_ms_median": round(base / 1000, 3),
        "difference_ms": round((counted - base) / 1000, 3),
    }


WRITE = re.compile(r"\b(INSERT INTO|UPDATE|DELETE FROM) \"?stats_visit", re.IGNORECASE)


class Writes:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += len(WRITE.findall(sql))
        return execute(sql, params, many, context)


def writes_per_visitor(start, visitors=200, minutes=10):
    """Visitors browse for `minutes`, a page every 5–60 s; count every write statement."""
    factory = RequestFactory()
    middleware = VisitCounterMiddleware(lambda request: HttpResponse("<p>trang</p>"))
    rng = random.Random(42)
    events = []
    for number in range(visitors):
        moment = start + datetime.timedelta(seconds=rng.uniform(0, 60))
        end = moment + datetime.timedelta(minutes=minutes)
        while moment < end:
            events.append((moment, number))
            moment += datetime.timedelta(seconds=rng.uniform(5, 60))
    events.sort()
    jars = {}
    writes = Writes()
    original = clock.now
    spent_ns = after_ns = 0
    try:
        with connection.execute_wrapper(writes):
            for moment, number in events:
                clock.now = lambda moment=moment: moment
                request = factory.get("/", HTTP_USER_AGENT=BROWSER)
                request.COOKIES.update(jars.get(number, {}))
                started = time.perf_counter_ns()
                response = middleware(request)
                answered = time.perf_counter_ns()
                closed(response)
                spent_ns += answered - started
                after_ns += time.perf_counter_ns() - answered
                if response.cookies:
                    jars[number] = {key: morsel.value for key, morsel in response.cookies.items()}
    finally:
        clock.now = original
    result = {
        "visitors": visitors,
        "minutes": minutes,
        "requests": len(events),
        "writes": writes.count,
        "writes_per_visitor": round(writes.count / visitors, 2),
        "writes_per_visitor_minute": round(writes.count / (visitors * minutes), 2),
        "writes_per_request": round(writes.count / len(events), 3),
        "visits_counted": Visit.objects.filter(last_seen__gte=start).count(),
        "mean_ms_per_request": round(spent_ns / len(events) / 1e6, 3),
        "mean_ms_after_response": round(after_ns / len(events) / 1e6, 3),
    }
    print(
        f"  {visitors} visitors × {minutes} min, {len(events)} requests: {writes.count} writes "
        f"= {result['writes_per_visitor']} per visitor, "
        f"{result['writes_per_visitor_minute']} per visitor-minute, "
        f"{result['writes_per_request']} per request; {result['visits_counted']} visits counted"
    )
    print(
        f"  mean middleware time per request in this mix: "
        f"{result['mean_ms_per_request']:.3f} ms before the response is sent, "
        f"{result['mean_ms_after_response']:.3f} ms of writes after it (view itself ≈ 0.004 ms)"
    )
    return result


def main():
    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        print("Set DATABASE_URL=postgres://... : the counters' store is PostgreSQL in production.")
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = (
        f"{settings.DATABASES['default']['NAME']}_bench"
    )
    setup_test_environment()
    print(f"Preparing the benchmark database ({settings.DATABASES['default']['TEST']['NAME']}) …")
    setup_databases(verbosity=0, interactive=False, keepdb=True)
    call_command("load_demo_data", verbosity=0)
    Visit.objects.all().delete()
    VisitDay.objects.all().delete()
    caches["visits"].clear()
    counters.forget()
    now = clock.now()
    page = Client(HTTP_USER_AGENT="bench-setup").get("/").content
    version = connection.pg_version if connection.vendor == "postgresql" else ""
    print(f"database: {connection.vendor} {version}")
    print(f"Middleware cost per request (page of {len(page):,} bytes; goal ≤ {GOAL_MS} ms):")
    rows = middleware_costs(page, now)
    print("Full Django stack:")
    stack = full_stack(now)
    print("Database writes per visitor:")
    writes = writes_per_visitor(now + datetime.timedelta(hours=1))
    common = rows[0]["cost_us_median"] / 1000
    mixed = writes["mean_ms_per_request"]
    for name, cost in (("No-write request (most requests)", common), ("Browsing mix", mixed)):
        verdict = "meets" if cost <= GOAL_MS else "misses"
        print(f"{name}: {cost:.3f} ms per request, {verdict} the {GOAL_MS} ms goal.")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "goal_ms": GOAL_MS,
                "database": connection.vendor,
                "middleware": rows,
                "full_stack": stack,
                "writes": writes,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    print(f"Results: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
