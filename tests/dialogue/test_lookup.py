"""Tra cứu câu hỏi: code plus the e-mail or phone used; the status and nothing about the person."""

import pytest
from django.test import Client

from .conftest import IDENTITY, LOOKUP, publish


@pytest.fixture
def lookup(client, section):
    def _lookup(code, contact):
        return client.post(LOOKUP, {"code": code, "contact": contact})

    return _lookup


def test_lookup_by_code_and_email_shows_the_status_only(lookup, question):
    response = lookup(question.tracking_code, "BichNgoc.Tran@example.vn")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mới nhận" in html
    assert question.tracking_code in html
    for personal in (IDENTITY["full_name"], IDENTITY["street"], "0914222333", question.title):
        assert personal not in html


def test_lookup_by_phone_in_another_format(lookup, question):
    code = question.tracking_code.replace("-", " ").lower()
    response = lookup(code, "+84 914.222.333")

    assert response.status_code == 200
    assert "Mới nhận" in response.content.decode()


def test_wrong_contact_and_unknown_code_look_the_same(lookup, question):
    wrong_contact = lookup(question.tracking_code, "someone.else@example.vn")
    unknown_code = lookup("HD-0000-0000", IDENTITY["email"])

    message = "Không tìm thấy câu hỏi với mã theo dõi và thông tin liên hệ này."
    assert wrong_contact.status_code == unknown_code.status_code == 404
    assert message in wrong_contact.content.decode()
    assert message in unknown_code.content.decode()
    assert "Mới nhận" not in wrong_contact.content.decode()


def test_malformed_input_is_a_400(lookup, question):
    response = lookup("xyz", "not a contact")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Mã theo dõi không đúng định dạng." in html
    assert "Xin nhập thư điện tử hoặc số điện thoại" in html


def test_published_question_links_to_the_public_answer(
    lookup, question, agency, moderator, answerer
):
    question = publish(question, agency, moderator, answerer)

    html = lookup(question.tracking_code, IDENTITY["email"]).content.decode()

    assert "Đã công khai" in html
    assert f'href="/trao-doi-va-thao-go/{question.publication.pk}/"' in html


def test_lookup_requires_csrf(section, question):
    client = Client(enforce_csrf_checks=True)
    data = {"code": question.tracking_code, "contact": IDENTITY["email"]}
    assert client.post(LOOKUP, data).status_code == 403

    token = client.get(LOOKUP).cookies["csrftoken"].value
    assert client.post(LOOKUP, {**data, "csrfmiddlewaretoken": token}).status_code == 200
