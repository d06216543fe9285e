"""Settings come from the environment: each case imports them in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What the test run itself puts in the environment must not leak into the checked process.
SERVER_ENV = {
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "CACHE_URL",
    "SECRET_KEY",
    "SECURE_COOKIES",
    "DEBUG",
}

PRINT_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({"engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST", ""),
    "es": settings.ELASTICSEARCH_URL, "debug": settings.DEBUG,
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "language": settings.LANGUAGE_CODE, "secure_cookie": settings.SESSION_COOKIE_SECURE,
    "cache": settings.CACHES["default"]["BACKEND"]}))
"""


def read_settings(module, **env):
    clean = {k: v for k, v in os.environ.items() if k not in SERVER_ENV}
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def test_database_url_selects_postgresql():
    result = read_settings(
        "portal.settings.production",
        SECRET_KEY="x",
        DATABASE_URL="postgres://u:p@db.example:5432/portal",
        ELASTICSEARCH_URL="http://es.example:9200",
        CACHE_URL="redis://cache.example:6379/0",
    )
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["cache"] == "ops.cache.RedisCache"
    assert values["host"] == "db.example"
    assert values["es"] == "http://es.example:9200"
    assert values["debug"] is False
    assert values["secure_cookie"] is True


def test_embedded_default_is_sqlite_and_database_search():
    values = json.loads(read_settings("portal.settings.dev").stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["es"] == ""
    assert values["search"] == "portal.search.wagtail_backend"
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"  # no Redis needed
    assert values["language"] == "vi"


@pytest.mark.parametrize("module", ["portal.settings.production", "portal.settings.dev"])
def test_wagtail_search_stays_on_the_database_even_with_elasticsearch(module):
    values = json.loads(
        read_settings(module, SECRET_KEY="x", ELASTICSEARCH_URL="http://es:9200").stdout
    )
    assert values["search"] == "portal.search.wagtail_backend"


def test_production_refuses_to_start_without_a_secret_key():
    result = read_settings("portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
