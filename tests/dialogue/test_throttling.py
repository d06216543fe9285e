"""Rate limits: per IP and per e-mail, HTTP 429 in Vietnamese, shared through the database."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from dialogue import throttling
from dialogue.models import Question, RateLimitCounter

from .conftest import ASK, LOOKUP
from .forms import question_form


def distinct(sector, addressee, number, **overrides):
    return question_form(
        sector,
        addressee,
        content=f"Câu hỏi số {number} về thủ tục hộ tịch tại phường Phú Xuân.",
        **overrides,
    )


def test_too_many_questions_from_one_ip_gives_429(client, section, sector, leader, settings):
    settings.DIALOGUE_RATE_LIMITS = {**settings.DIALOGUE_RATE_LIMITS, "submit_ip": "2/3600"}

    for number in range(2):
        email = f"nguoi{number}@example.vn"
        assert client.post(ASK, distinct(sector, leader, number, email=email)).status_code == 200
    refused = client.post(ASK, distinct(sector, leader, 3, email="khac@example.vn"))

    assert refused.status_code == 429
    assert "Bạn đã gửi quá nhiều yêu cầu" in refused.content.decode()
    assert "thử lại sau khoảng" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert Question.objects.count() == 2


def test_too_many_questions_from_one_email_gives_429_even_from_other_ips(
    client, section, sector, leader, settings
):
    settings.DIALOGUE_RATE_LIMITS = {**settings.DIALOGUE_RATE_LIMITS, "submit_email": "1/86400"}

    first = client.post(ASK, distinct(sector, leader, 1), REMOTE_ADDR="203.0.113.1")
    second = client.post(ASK, distinct(sector, leader, 2), REMOTE_ADDR="203.0.113.2")

    assert first.status_code == 200
    assert second.status_code == 429
    assert Question.objects.count() == 1


def test_relaxed_by_setting(client, section, sector, leader, settings):
    settings.DIALOGUE_RATE_LIMITS = {**settings.DIALOGUE_RATE_LIMITS, "submit_ip": "1/3600"}
    settings.DIALOGUE_RATE_LIMITS_ENABLED = False

    for number in range(3):
        email = f"nguoi{number}@example.vn"
        assert client.post(ASK, distinct(sector, leader, number, email=email)).status_code == 200
    assert RateLimitCounter.objects.count() == 0


def test_lookup_is_rate_limited_per_ip(client, section, settings):
    settings.DIALOGUE_RATE_LIMITS = {**settings.DIALOGUE_RATE_LIMITS, "lookup_ip": "3/3600"}
    data = {"code": "HD-0000-0000", "contact": "a@example.vn"}

    statuses = [client.post(LOOKUP, data).status_code for _ in range(4)]

    assert statuses == [404, 404, 404, 429]


def test_counters_are_per_window_and_stored_hashed(db):
    now = timezone.now()
    assert throttling.increment("submit_ip:abc", 60, now=now)[0] == 1
    assert throttling.increment("submit_ip:abc", 60, now=now)[0] == 2
    assert (
        throttling.increment("submit_ip:abc", 60, now=now + datetime.timedelta(minutes=2))[0] == 1
    )
    assert throttling.hashed("203.0.113.7") != "203.0.113.7"
    assert "203.0.113.7" not in throttling.hashed("203.0.113.7")


def test_expired_windows_are_purged(db):
    old = timezone.now() - datetime.timedelta(days=3)
    throttling.increment("submit_ip:old", 60, now=old)
    throttling.increment("submit_ip:new", 60)

    assert throttling.purge_expired() == 1
    assert list(RateLimitCounter.objects.values_list("key", flat=True)) == ["submit_ip:new"]


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("198.51.100.9", "", "198.51.100.9"),
        # A visitor cannot pick their address by sending the header themselves.
        ("198.51.100.9", "10.0.0.1", "198.51.100.9"),
        # Behind nginx on loopback: the last address nginx appended is the visitor's.
        ("127.0.0.1", "10.0.0.1, 203.0.113.5", "203.0.113.5"),
    ],
)
def test_client_ip_trusts_forwarded_for_only_from_the_proxy(remote, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert throttling.client_ip(request) == expected
