"""What every /api/v1/ endpoint shares: CORS for GET, caching, the rate limit, read-only."""

import os
import secrets

import pytest
from django.test import Client

from opendata.http import OpenDataThrottle
from portal.settings.base import cache_from_url

from .conftest import at, make_article

NEWS = "/api/v1/news/"
ORIGIN = {"HTTP_ORIGIN": "https://dulieu.example.org"}


@pytest.fixture
def article(news_index):
    return make_article(news_index, None, "Một tin", at(2024, 10, 27))


def test_get_is_open_to_other_origins_even_from_the_page_cache(client, article):
    first = client.get(NEWS)  # no Origin: stored in the page cache without CORS headers
    cached = client.get(NEWS, **ORIGIN)

    assert first["X-Page-Cache"] == "MISS"
    assert cached["X-Page-Cache"] == "HIT"
    assert cached["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in cached


def test_preflight_allows_reading_only(client):
    response = client.options(NEWS, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_pages_of_the_site_get_no_cors_headers(client, home_page):
    assert "Access-Control-Allow-Origin" not in client.get("/", **ORIGIN)


@pytest.mark.parametrize("url", [NEWS, "/api/v1/questions/", "/api/v1/openapi.json"])
def test_answers_may_be_cached_by_browsers_and_proxies(client, settings, home_page, url):
    settings.API_CACHE_SECONDS = 120
    response = client.get(url)
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=120"}


def test_visit_counters_stay_uncached(client, db):
    assert "no-cache" in client.get("/api/v1/visits/")["Cache-Control"]


def test_writing_is_refused_in_vietnamese(client, db):
    response = client.post(NEWS, {"title": "x"})
    assert response.status_code == 405
    assert response.json() == {"error": "Dữ liệu mở chỉ cho phép đọc (GET)."}


def test_rate_limit_answers_429_in_vietnamese_per_address(client, settings, article):
    settings.API_RATE_LIMIT = "3/minute"
    settings.PAGE_CACHE_ENABLED = False  # cached answers are never counted

    statuses = [client.get(NEWS).status_code for _ in range(3)]
    limited = client.get("/api/v1/procedures/autocomplete/?q=khai")
    elsewhere = client.get(NEWS, REMOTE_ADDR="203.0.113.9")
    counters = client.get("/api/v1/visits/")

    assert statuses == [200, 200, 200]
    assert limited.status_code == 429
    assert limited.json()["error"].startswith("Bạn đã gửi quá nhiều yêu cầu tới dữ liệu mở.")
    # The rest of this minute, then until this minute's three requests weigh two (see below).
    assert 20 < int(limited["Retry-After"]) <= 80
    assert elsewhere.status_code == 200
    assert counters.status_code == 200  # every footer asks for them: never limited


def test_rate_limit_sees_the_visitor_behind_the_proxy(client, settings, article):
    settings.API_RATE_LIMIT = "1/minute"
    settings.PAGE_CACHE_ENABLED = False
    proxy = {"REMOTE_ADDR": "127.0.0.1"}

    first = client.get(NEWS, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    second_visitor = client.get(NEWS, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    again = client.get(NEWS, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)

    assert (first.status_code, second_visitor.status_code, again.status_code) == (200, 200, 429)


API_CACHES = [
    pytest.param("db", id="database"),
    pytest.param("redis", marks=pytest.mark.redis, id="redis"),
]


@pytest.fixture(params=API_CACHES)
def limited(request, settings, monkeypatch, article):
    """The API at 4 requests a minute, counted in the database or in Redis, on a clock the
    test moves: `limited.at(seconds)`, `limited.get()` as one visitor (a fresh address, so
    counters Redis kept from earlier runs never count)."""
    if request.param == "redis":
        settings.CACHES = {**settings.CACHES, "api": cache_from_url(os.environ["REDIS_URL"])}
    settings.API_RATE_LIMIT = "4/minute"
    settings.PAGE_CACHE_ENABLED = False  # cached answers are never counted
    now = {"seconds": 0.0}
    monkeypatch.setattr(OpenDataThrottle, "timer", staticmethod(lambda: now["seconds"]))
    address = f"198.51.100.{secrets.randbelow(250) + 1}"
    client = Client(REMOTE_ADDR=address)
    start = 60 * (28_000_000 + secrets.randbelow(1_000_000))  # a minute no earlier run used

    class Limited:
        def at(self, seconds):
            now["seconds"] = start + seconds

        def get(self):
            return client.get(NEWS)

    return Limited()


def test_the_limit_slides_over_the_minute_before(limited):
    limited.at(59)  # four requests in the last second of a minute
    burst = [limited.get().status_code for _ in range(4)]
    limited.at(75)  # three quarters of that minute are still inside the last 60 s: 4 × ¾ = 3
    allowed, refused = limited.get(), limited.get()
    limited.at(90)  # half of it: 4 × ½ = 2, plus the one request of this minute
    after_waiting = limited.get()

    assert burst == [200, 200, 200, 200]
    assert (allowed.status_code, refused.status_code) == (200, 429)
    assert refused["Retry-After"] == "15"  # the refused request was not counted
    assert after_waiting.status_code == 200


def test_a_full_minute_keeps_refusing_into_the_next_until_retry_after(limited):
    limited.at(10)
    statuses = [limited.get().status_code for _ in range(5)]
    refused = limited.get()
    wait = int(refused["Retry-After"])
    limited.at(10 + wait - 1)
    too_early = limited.get()
    limited.at(10 + wait)
    on_time = limited.get()

    assert statuses == [200, 200, 200, 200, 429]
    assert wait == 50 + 15  # the rest of this minute, then until ¾ of it weighs 3 of 4
    assert (too_early.status_code, on_time.status_code) == (429, 200)
