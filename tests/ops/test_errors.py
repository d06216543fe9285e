"""Bad input and outages answer with the right status and a Vietnamese page, never a 500."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
SERVER_ENV = {
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "CACHE_URL",
    "SECRET_KEY",
    "SECURE_COOKIES",
    "DEBUG",
}


def test_a_body_over_the_limit_is_refused_with_413_before_it_is_read(client, home_page, settings):
    settings.REQUEST_BODY_MAX_SIZE = 1024

    response = client.post("/", data=b"x" * 2048, content_type="application/octet-stream")

    assert response.status_code == 413
    assert "Dữ liệu gửi lên quá lớn" in response.content.decode()


@pytest.mark.django_db
def test_form_fields_over_the_memory_limit_give_413_not_400(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post("/admin/login/", {"username": "a", "password": "x" * 5000})

    assert response.status_code == 413
    assert "vượt quá dung lượng cho phép" in response.content.decode()


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_a_vietnamese_403():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/admin/login/", {"username": "a", "password": "b"})

    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.content.decode()


def test_an_unknown_host_gets_a_vietnamese_400(client, db):
    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


WITHOUT_DATABASE = """
import json
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
out = {}
for path in ("/", "/tin-tuc/", "/readyz", "/healthz"):
    response = client.get(path, HTTP_HOST="127.0.0.1")
    out[path] = [response.status_code, response.get("Retry-After"),
                 response.content.decode()[:2000]]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def database_down():
    """Requests served while PostgreSQL refuses connections (nothing listens on its port)."""
    env = {k: v for k, v in os.environ.items() if k not in SERVER_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 60,
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"postgres://portal@127.0.0.1:{free_port()}/portal",
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", WITHOUT_DATABASE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("path", ["/", "/tin-tuc/"])
def test_pages_answer_503_with_retry_after_when_the_database_is_down(database_down, path):
    status, retry_after, html = database_down[path]

    assert status == 503
    assert retry_after == "30"
    assert "Hệ thống tạm thời gián đoạn" in html
    assert "Traceback" not in html


def test_readyz_says_unavailable_and_healthz_stays_up_without_the_database(database_down):
    status, _, body = database_down["/readyz"]
    health_status, _, health_body = database_down["/healthz"]

    assert status == 503
    assert json.loads(body)["database"]["ok"] is False
    assert json.loads(body)["status"] == "unavailable"
    assert (health_status, health_body) == (200, "ok\n")


def test_a_database_error_outside_views_also_becomes_503(rf):
    from django.db import OperationalError

    from ops import errors

    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = errors.server_error(rf.get("/"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_other_crashes_still_give_the_vietnamese_500(rf):
    from ops import errors

    try:
        raise RuntimeError("bug")
    except RuntimeError:
        response = errors.server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()
