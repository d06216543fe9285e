"""Builders for the visitor counter tests: a clock we move by hand, clean figures, visitors."""

import contextlib
import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client

from stats import clock, counters, store

HUE = datetime.timezone(datetime.timedelta(hours=7))
BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
PHONE = (
    "Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36 Zalo "
    "android/12100684 ZaloTheme/light ZaloLanguage/vi"
)


class Clock:
    def __init__(self, start):
        self.current = start

    def __call__(self):
        return self.current

    def advance(self, **delta):
        self.current += datetime.timedelta(**delta)
        return self.current


@pytest.fixture
def frozen_clock(monkeypatch):
    """Time stands still at 27/10/2024 10:00 (Huế) until the test moves it."""
    fake = Clock(datetime.datetime(2024, 10, 27, 10, 0, tzinfo=HUE))
    monkeypatch.setattr(clock, "now", fake)
    return fake


@pytest.fixture(autouse=True)
def _fresh_figures():
    """No figures carried over from another test (process copy, shared cache, roll-up day)."""
    counters.forget()
    store._rolled_up.update(day=None, retry_at=0.0)
    with contextlib.suppress(Exception):  # tests without a database have no cache table
        caches["visits"].clear()
    yield
    counters.forget()


def visitor(user_agent=BROWSER):
    return Client(HTTP_USER_AGENT=user_agent)


def counts(now):
    """(total counted, online, today, month) straight from the store."""
    return store.read_counts(now)


class WriteCounter:
    """Counts the statements that write to the counters' tables (stats_visit, stats_visitday)."""

    WRITE = re.compile(r"\b(INSERT INTO|UPDATE|DELETE FROM) \"?stats_visit", re.IGNORECASE)

    def __init__(self):
        self.writes = []

    def __call__(self, execute, sql, params, many, context):
        self.writes.extend(self.WRITE.findall(sql))
        return execute(sql, params, many, context)


@pytest.fixture
def write_counter():
    counter = WriteCounter()
    with connection.execute_wrapper(counter):
        yield counter
