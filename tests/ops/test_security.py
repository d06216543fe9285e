"""Security headers, admin brute-force lockout, and production settings that pass --deploy."""

import json
import os
import secrets
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


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


def test_public_pages_carry_a_strict_policy_and_security_headers(client, home_page):
    response = client.get("/")

    csp = directives(response)
    assert response.status_code == 200
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_cached_pages_keep_their_security_headers(client, home_page):
    client.get("/")
    response = client.get("/")

    assert response["X-Page-Cache"] == "HIT"
    assert directives(response)["script-src"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"


def test_error_pages_carry_the_policy_too(client, home_page):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_admin_gets_only_the_relaxations_wagtail_needs(client, admin_user):
    client.force_login(admin_user)

    response = client.get("/admin/")

    csp = directives(response)
    assert response.status_code == 200
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]  # the live preview frames admin views
    assert csp["object-src"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    return settings


def login(client, username, password, ip="203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=ip,
    )


@pytest.mark.django_db
def test_admin_login_still_works_with_axes(client, django_user_model, axes_on):
    django_user_model.objects.create_superuser("bientap", "b@example.vn", "mat-khau-dung-1")

    response = login(client, "bientap", "mat-khau-dung-1")

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_account_from_that_address(
    client, django_user_model, axes_on
):
    django_user_model.objects.create_superuser("bientap", "b@example.vn", "mat-khau-dung-1")

    statuses = [login(client, "bientap", "sai").status_code for _ in range(3)]
    locked = login(client, "bientap", "mat-khau-dung-1")

    assert statuses[:2] == [200, 200]  # the form again, with an error
    assert statuses[2] == 429
    assert locked.status_code == 429
    assert "Tạm khóa do thử quá nhiều lần" in locked.content.decode()
    assert client.get("/admin/").status_code == 302  # never logged in


@pytest.mark.django_db
def test_a_lockout_does_not_lock_the_same_user_out_from_elsewhere(
    client, django_user_model, axes_on
):
    django_user_model.objects.create_superuser("bientap", "b@example.vn", "mat-khau-dung-1")
    for _ in range(3):
        login(client, "bientap", "sai", ip="203.0.113.7")

    response = login(client, "bientap", "mat-khau-dung-1", ip="198.51.100.20")

    assert response.status_code == 302


def run_production(code, **env):
    clean = {k: v for k, v in os.environ.items() if k not in SERVER_ENV}
    clean.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="congthongtin.example.gov.vn",
        CSRF_TRUSTED_ORIGINS="https://congthongtin.example.gov.vn",
        DATABASE_URL="postgres://portal:secret@db.example:5432/portal",
        ELASTICSEARCH_URL="http://es.example:9200",
        **env,
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, *code], cwd=ROOT, env=clean, capture_output=True, text=True, check=False
    )


def test_production_settings_pass_check_deploy():
    result = run_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


HEADERS_OVER_TLS = """
import json
from django.test import Client
plain = Client().get("/healthz", HTTP_HOST="congthongtin.example.gov.vn")
tls = Client().get("/healthz", HTTP_HOST="congthongtin.example.gov.vn",
                   HTTP_X_FORWARDED_PROTO="https")
print(json.dumps({"plain": [plain.status_code, plain.get("Location", "")],
                  "tls": [tls.status_code, tls.get("Strict-Transport-Security", "")]}))
"""


def test_production_redirects_to_https_and_sends_hsts_under_tls():
    result = run_production(["-c", "import django; django.setup()\n" + HEADERS_OVER_TLS])

    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["plain"] == [301, "https://congthongtin.example.gov.vn/healthz"]
    assert values["tls"][0] == 200
    assert "max-age=31536000" in values["tls"][1]
    assert "includeSubDomains" in values["tls"][1]


@pytest.mark.django_db
def test_many_usernames_from_one_address_lock_that_address(
    client, django_user_model, axes_on, settings
):
    """Credential stuffing: one address trying a different username each time is locked
    after LOGIN_ADDRESS_FAILURE_LIMIT failures, while another address still logs in."""
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 6
    django_user_model.objects.create_superuser("bientap", "b@example.vn", "mat-khau-dung-1")

    statuses = [login(client, f"nguoi{n}", "sai").status_code for n in range(6)]

    # Each username failed once only: the per-username lock (3) never triggers.
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429
    # The right password of a real account from the stuffing address is refused too...
    assert login(client, "bientap", "mat-khau-dung-1").status_code == 429
    # ...and the same account logs in from another address.
    assert login(Client(), "bientap", "mat-khau-dung-1", ip="198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_a_shared_office_address_is_not_locked_by_a_few_typos(
    client, django_user_model, axes_on, settings
):
    """The per-address limit is well above the per-user one: colleagues behind one NAT address
    mistyping their passwords do not lock each other out."""
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 30
    for name in ("an", "binh", "chau", "dung"):
        django_user_model.objects.create_user(name, f"{name}@example.vn", f"dung-{name}-123")
        assert login(client, name, "go-sai").status_code == 200
        assert login(client, name, "go-sai-nua").status_code == 200
    assert login(client, "dung", "dung-dung-123").status_code == 302
