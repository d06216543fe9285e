"""/healthz and /readyz, as a load balancer sees them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.search import elastic

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_answers_without_touching_the_database(client, db):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert len(queries) == 0
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.postgres
@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_readyz_reports_database_and_elasticsearch(client):
    response = client.get("/readyz")

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["elasticsearch"]["ok"] is True
    assert body["elasticsearch"]["cluster_status"] in {"green", "yellow"}


@pytest.fixture
def elasticsearch_unreachable(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # discard port: nothing answers
    elastic.get_client.cache_clear()
    yield
    elastic.get_client.cache_clear()


@pytest.mark.django_db
def test_readyz_stays_200_but_degraded_when_elasticsearch_is_down(
    client, elasticsearch_unreachable
):
    response = client.get("/readyz")

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["elasticsearch"] == {
        "ok": False,
        "configured": True,
        "error": body["elasticsearch"]["error"],
    }
    assert body["elasticsearch"]["error"]


LOG_ONE_LINE = """
import logging, django
django.setup()
logging.getLogger("portal.test").warning("Đã nhận %d câu hỏi", 3)
"""


def test_json_logging_writes_one_parseable_object_per_line():
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ELASTICSEARCH_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.test", LOG_FORMAT="json")

    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", LOG_ONE_LINE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    records = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    ours = [r for r in records if r["logger"] == "portal.test"]
    assert ours[0]["message"] == "Đã nhận 3 câu hỏi"
    assert ours[0]["level"] == "WARNING"
    assert "time" in ours[0]
