"""N distinct visitors at once raise the total by exactly N: threads, then real processes.

These tests commit (transactional_db) because other connections, threads and gunicorn
workers, must see the same rows.
"""

import datetime
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, connections

from stats import store
from stats.models import Visit, VisitDay
from stats.visitor_cookie import VisitCookie
from tests.stats.conftest import BROWSER, counts, visitor

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
ROOT = Path(__file__).resolve().parents[2]


def run_together(count, action):
    """Run `action(i)` in `count` threads released at the same instant."""
    barrier = threading.Barrier(count)
    errors = []

    def worker(index):
        try:
            barrier.wait(timeout=30)
            action(index)
        except Exception as error:  # reported below, with the thread's index
            errors.append((index, error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


def test_distinct_visitors_in_threads_are_counted_exactly(home_page, frozen_clock):
    statuses = []
    run_together(24, lambda i: statuses.append(visitor().get("/").status_code))

    assert statuses == [200] * 24
    assert Visit.objects.count() == 24
    assert counts(frozen_clock())[:3] == (24, 24, 24)


def test_one_visitor_racing_to_start_its_next_visit_counts_once(home_page, frozen_clock):
    browser = visitor()
    browser.get("/")
    cookie = browser.cookies["portal_visit"].value
    frozen_clock.advance(minutes=45)  # the first visit is over

    def same_visitor(index):
        racer = visitor()
        racer.cookies["portal_visit"] = cookie
        racer.get("/")

    run_together(8, same_visitor)

    assert Visit.objects.count() == 2


def test_concurrent_roll_ups_neither_lose_nor_double_visits(db, frozen_clock):
    yesterday = datetime.date(2024, 10, 26)
    old = frozen_clock() - datetime.timedelta(days=1)
    for __ in range(30):
        cookie = VisitCookie.new_visitor(yesterday.toordinal(), int(old.timestamp()))
        store.record_visit(cookie, old)

    run_together(4, lambda i: store.roll_up(datetime.date(2024, 10, 27)))

    assert VisitDay.objects.get(day=yesterday).visits == 30
    assert Visit.objects.count() == 0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app_server(port, workers):
    """A real gunicorn with `workers` processes on the test database."""
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "SECRET_KEY": settings.SECRET_KEY,
    }
    command = [
        sys.executable, "-m", "gunicorn", "portal.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", "4",
        "--log-level", "warning", "--preload", "--graceful-timeout", "5",
    ]  # fmt: skip
    # Its own process group: the master and its workers can be stopped together.
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603


def wait_until_serving(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "gunicorn exited"
        request = urllib.request.Request(  # a probe, not a browser: never counted
            f"http://127.0.0.1:{port}/", headers={"User-Agent": "readiness-probe"}
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"gunicorn on port {port} did not answer within {seconds} s")


def browse(url):
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, response.headers.get_all("Set-Cookie") or []


def test_distinct_visitors_across_two_gunicorn_servers_are_counted_exactly(home_page):
    ports = [free_port(), free_port()]
    servers = [start_app_server(port, workers=2) for port in ports]
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_until_serving(port, server)
        assert Visit.objects.count() == 0

        urls = [f"http://127.0.0.1:{ports[i % 2]}/" for i in range(40)]
        with ThreadPoolExecutor(max_workers=40) as pool:
            results = list(pool.map(browse, urls))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)

    assert [status for status, __ in results] == [200] * 40
    assert all(any("portal_visit=" in c for c in cookies) for __, cookies in results)
    assert Visit.objects.count() == 40
    assert Visit.objects.values("visitor").distinct().count() == 40
