"""Citizen text is escaped everywhere: public pages, JSON-LD, feed, admin, e-mails.

Uses the project's payload corpus (tests/xss_payloads.txt) and its checker (tests/xss.py).
"""

import json
import re

import pytest
from django.core import mail

from dialogue import workflow
from dialogue.models import Question
from tests.xss import PAYLOADS, assert_inert

from .conftest import ADMIN_QUEUE, ASK, FEED, LOOKUP, SECTION, publish
from .forms import question_form

CORPUS = "\n".join(PAYLOADS)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def inert_page(html):
    """assert_inert, after proving the JSON-LD data block safe on its own terms: valid JSON
    with no "<" at all, so nothing inside can close the block or open a tag."""
    for block in JSON_LD.findall(html):
        json.loads(block)
        assert "<" not in block
    assert_inert(JSON_LD.sub("", html))


@pytest.fixture
def hostile(client, section, sector, leader, agency, moderator, answerer,
            django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ASK,
            question_form(
                sector,
                leader,
                full_name=PAYLOADS[0],
                street=PAYLOADS[5],
                title=PAYLOADS[1],
                content=f"Nội dung câu hỏi:\n{CORPUS}",
            ),
        )
        assert response.status_code == 200
        assert_inert(response.content.decode())
        question = Question.objects.get()
        question = publish(question, agency, moderator, answerer, answer=f"Trả lời\n{CORPUS}")
    return question


def test_public_pages_and_feed_keep_payloads_inert(client, hostile):
    pk = hostile.publication.pk
    for url, params in [
        (SECTION, {}),
        (SECTION, {"q": "noi dung"}),
        (f"{SECTION}{pk}/", {}),
        (FEED, {}),
    ]:
        response = client.get(url, params)
        assert response.status_code == 200
        inert_page(response.content.decode())
    detail = client.get(f"{SECTION}{pk}/").content.decode()
    # Shown as text (the payloads used as name and street are masked as identity instead).
    assert "&lt;svg onload=alert(&#x27;XSS1337&#x27;)&gt;" in detail
    # Inside the JSON-LD block "<" is written \u003C, so "</script>" cannot close it.
    assert "\\u003C/script\\u003E" in detail


def test_payloads_echoed_back_in_forms_are_inert(client, section, sector, leader):
    # One test walking the corpus: the page tree is built once, not once per payload.
    for payload in PAYLOADS:
        assert_inert(client.get(SECTION, {"q": payload}).content.decode())
        # An invalid submission shows the form again with what was typed.
        echoed = client.post(ASK, question_form(sector, leader, full_name=payload, phone="x"))
        assert echoed.status_code == 400, payload
        assert_inert(echoed.content.decode())
        looked_up = client.post(LOOKUP, {"code": payload, "contact": payload})
        assert_inert(looked_up.content.decode())


def test_admin_pages_keep_payloads_inert(client, hostile, moderator):
    client.force_login(moderator)
    assert_inert(client.get(ADMIN_QUEUE).content.decode())
    page = client.get(f"{ADMIN_QUEUE}{hostile.pk}/").content.decode()
    assert_inert(page)
    assert "&lt;script&gt;alert(&#x27;XSS1337&#x27;)&lt;/script&gt;" in page


def test_emails_keep_payloads_inert(hostile, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(hostile, moderator)
        workflow.reject(hostile, moderator, f"Lý do {PAYLOADS[6]}")
    assert len(mail.outbox) >= 3
    for message in mail.outbox:
        for html, mimetype in message.alternatives:
            assert mimetype == "text/html"
            assert_inert(html)
        assert "<" not in message.subject
