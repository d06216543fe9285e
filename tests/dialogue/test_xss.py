"""Citizen text is escaped everywhere: public pages, JSON-LD, feed, admin, e-mails."""

import pytest
from django.core import mail

from dialogue import workflow
from dialogue.models import Question

from .conftest import ADMIN_QUEUE, ASK, FEED, SECTION, publish
from .forms import question_form

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</script><script>alert(2)</script>",
    '<a href="javascript:alert(3)">bấm</a>',
    "<iframe src=//evil.example></iframe>",
]
DANGEROUS = ["<script>alert", "<img src=x", "<svg/onload", "<iframe", '<a href="javascript:']


def assert_inert(text, where):
    for marker in DANGEROUS:
        assert marker not in text, (where, marker)


@pytest.fixture
def hostile(client, section, sector, leader, agency, moderator, answerer,
            django_capture_on_commit_callbacks):  # fmt: skip
    payload = " ".join(PAYLOADS)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            ASK,
            question_form(
                sector,
                leader,
                full_name="Nguyễn <script>alert('xss')</script> An",
                street='12 "><img src=x onerror=alert(1)>',
                title="Hỏi <script>alert('xss')</script>",
                content=f"Nội dung câu hỏi: {payload}",
            ),
        )
        question = Question.objects.get()
        question = publish(question, agency, moderator, answerer, answer=f"Trả lời {payload}")
    return question


def test_public_pages_and_feed_escape_payloads(client, hostile):
    pk = hostile.publication.pk
    for url, params in [
        (SECTION, {}),
        (SECTION, {"q": "noi dung"}),
        (f"{SECTION}{pk}/", {}),
        (FEED, {}),
    ]:
        response = client.get(url, params)
        assert response.status_code == 200
        assert_inert(response.content.decode(), url)
    detail = client.get(f"{SECTION}{pk}/").content.decode()
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in detail
    # Inside the JSON-LD block "<" is written \u003c, so "</script>" cannot close it.
    assert "\\u003c/script\\u003e\\u003cscript\\u003e" in detail


def test_payload_in_the_search_box_is_escaped(client, section):
    response = client.get(SECTION, {"q": PAYLOADS[0]})
    assert_inert(response.content.decode(), "search box")


def test_admin_pages_escape_payloads(client, hostile, moderator):
    client.force_login(moderator)
    queue = client.get(ADMIN_QUEUE).content.decode()
    assert_inert(queue, "queue")
    page = client.get(f"{ADMIN_QUEUE}{hostile.pk}/").content.decode()
    assert_inert(page, "process page")
    assert "Nguyễn &lt;script&gt;" in page


def test_emails_escape_payloads_in_html(hostile, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(hostile, moderator)
        workflow.reject(hostile, moderator, f"Lý do {PAYLOADS[1]}")
    assert len(mail.outbox) >= 3
    for message in mail.outbox:
        for html, mimetype in message.alternatives:
            assert mimetype == "text/html"
            assert_inert(html, message.subject)
        assert "<" not in message.subject
