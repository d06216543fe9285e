"""The shared cache (Redis, CACHE_URL): what one process changes, every other one sees; and
a Redis outage costs pages their cache, never their answer.

The two-process test runs a real gunicorn server (process B) and edits the menu from another
process (A, `manage.py shell`), as two app servers would: with a per-process cache, B kept
showing the old menu for the menu cache's whole time-out (120 s).
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from home import menu_cache
from home.models import MainMenu, MenuItem
from ops.cache import RedisCache, count_and_read
from portal.settings.base import cache_from_url
from tests.home.test_navigation import header_menu, main_menu_html

ROOT = Path(__file__).resolve().parent.parent.parent
MENU_VISIBLE_WITHIN_SECONDS = 1.0  # README, "Several app servers": at the next request


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dead_redis():
    """A Redis URL where nothing listens (a Redis that is down or restarting)."""
    return f"redis://127.0.0.1:{free_port()}/0"


def test_cache_urls_name_one_backend_each():
    assert cache_from_url("redis://cache:6379/1") == {
        "BACKEND": "ops.cache.RedisCache",
        "LOCATION": "redis://cache:6379/1",
    }
    assert cache_from_url("locmem")["BACKEND"].endswith("LocMemCache")
    assert cache_from_url("db", table="t")["LOCATION"] == "t"
    with pytest.raises(ImproperlyConfigured):
        cache_from_url("mongodb://nope")


def test_a_redis_outage_is_a_cache_miss_and_costs_no_time(settings):
    settings.CACHES = {"default": cache_from_url(dead_redis())}
    cache = caches["default"]

    started = time.monotonic()
    assert cache.get("key", "fallback") == "fallback"
    assert cache.get_or_set("key", lambda: 42, 60) == 42
    cache.set("key", 1)
    cache.delete("key")
    assert cache.add("key", 1) is False
    assert cache.get_many(["a", "b"]) == {}
    assert count_and_read(cache, "counter", "other", 60) == (0, 0)  # the API rate limit lets pass
    cache.clear()
    assert time.monotonic() - started < 2  # no retries with back-off


@pytest.mark.redis
def test_counters_count_every_request_of_concurrent_processes_once():
    # The API's rate limit counts in Redis from every worker of every app server at once.
    cache = RedisCache(os.environ["REDIS_URL"], {})
    key, other = f"counter-{time.time_ns()}", f"other-{time.time_ns()}"
    count_and_read(cache, other, "nothing", 60)

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: count_and_read(cache, key, other, 60), range(200)))

    assert sorted(count for count, _ in answers) == list(range(1, 201))
    assert {previous for _, previous in answers} == {1}
    assert 0 < cache._cache.get_client(write=True).ttl(cache.make_key(key)) <= 60


@pytest.mark.postgres
def test_pages_answer_without_redis(client, home_page, settings):
    url = dead_redis()
    settings.CACHES = {
        "default": cache_from_url(url),
        "pages": cache_from_url(url),
        settings.VISITS_CACHE_ALIAS: cache_from_url(url),
    }
    header_menu(("Giới thiệu", None, "/gioi-thieu/"))

    for _ in range(2):
        response = client.get("/")
        assert response.status_code == 200
        assert "Giới thiệu" in main_menu_html(response.content.decode())


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def server_env():
    env = {k: v for k, v in os.environ.items() if k not in {"PAGE_CACHE_URL", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=database_url(),
        CACHE_URL=os.environ["REDIS_URL"],
        # Only the menu cache is under test: no full-page cache in front of it.
        PAGE_CACHE_ENABLED="false",
        LOG_LEVEL="WARNING",
    )
    return env


def menu_of(base):
    with urllib.request.urlopen(base + "/", timeout=10) as response:  # noqa: S310
        return main_menu_html(response.read().decode())


@pytest.fixture
def server_b():
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn and settings
        [str(Path(sys.executable).parent / "gunicorn"), "-w", "1", "-b", f"127.0.0.1:{port}"]
        + ["portal.wsgi"],
        cwd=ROOT,
        env=server_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"gunicorn did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    yield base
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # B must see the rows
def test_a_menu_edit_in_one_process_shows_in_another_at_once(home_page, server_b):
    # A fresh menu version in the shared cache: nothing cached by an earlier run applies.
    RedisCache(os.environ["REDIS_URL"], {}).set(menu_cache.VERSION_KEY, time.time_ns(), None)
    header_menu(("Giới thiệu", None, "/gioi-thieu/"))
    assert "Giới thiệu" in menu_of(server_b)
    assert "Giới thiệu" in menu_of(server_b)  # B now serves it from the menu cache

    edit = (
        "from home.models import MenuItem; item = MenuItem.objects.get(label='Giới thiệu'); "
        "item.label = 'Tổng quan'; item.save()"
    )
    subprocess.run(  # noqa: S603 - process A: our own manage.py
        [sys.executable, "manage.py", "shell", "-c", edit],
        cwd=ROOT,
        env=server_env(),
        check=True,
        capture_output=True,
    )
    edited = time.monotonic()
    while "Tổng quan" not in (menu := menu_of(server_b)):
        if time.monotonic() - edited > 30:
            break
        time.sleep(0.05)
    seen_after = time.monotonic() - edited

    assert "Tổng quan" in menu and "Giới thiệu" not in menu
    assert seen_after <= MENU_VISIBLE_WITHIN_SECONDS, f"seen after {seen_after:.2f} s"
    MainMenu.objects.all().delete()
    assert not MenuItem.objects.exists()
