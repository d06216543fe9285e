"""Punctuation and full-text syntax in every search box and search API, the admin's included
(as a superuser), on both database backends: the shared PostgreSQL (in-process, with
Elasticsearch when configured) and a fresh SQLite portal (the embedded default of `make
run`, in a child process). Each probe answers 200, a phrase in quotes finds the answers its
words find, and nothing logs an ERROR; before the fixes a `"` in the Q&A archive search on
SQLite was a 503 "database unavailable" with an ERROR in the log, and `khai"sinh` in an
admin search box a 500 (both FTS5 syntax errors)."""

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.search_fuzz import (
    ENDPOINTS,
    PROBES,
    admin_failures,
    admin_search_boxes,
    failures,
    log_in_superuser,
    quoted_query_finds_answers,
)

ROOT = Path(__file__).resolve().parent.parent
# What the test run puts in the environment must not reach the SQLite portal.
SERVER_ENV = {"DATABASE_URL", "ELASTICSEARCH_URL", "SECRET_KEY", "SECURE_COOKIES", "DEBUG"}
FUZZ = "from tests.search_fuzz import main; main()"


@pytest.mark.postgres
def test_search_fuzz_on_postgresql(client, db, settings, caplog):
    settings.PAGE_CACHE_ENABLED = False
    call_command("load_demo_data", verbosity=0)
    caplog.set_level(logging.ERROR)

    assert failures(client) == []
    assert quoted_query_finds_answers(client)
    log_in_superuser(client)
    assert len(admin_search_boxes()) >= 20
    assert admin_failures(client) == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_search_fuzz_on_sqlite(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in SERVER_ENV}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"

    def run(*args):
        return subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )

    run("migrate", "--noinput")
    run("load_demo_data")
    result = run("shell", "--no-imports", "-c", FUZZ)

    assert f"probes {len(PROBES) * len(ENDPOINTS)} failures 0" in result.stdout, result.stdout
    assert "quoted query finds answers True" in result.stdout
    admin = re.search(r"admin boxes (\d+) probes \d+ failures (\d+)", result.stdout)
    assert admin and int(admin[1]) >= 20 and admin[2] == "0", result.stdout
    assert " ERROR " not in result.stderr, result.stderr[-2000:]
