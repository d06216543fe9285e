"""A citizen asks: validation, tracking code, e-mail, honeypot, duplicates, CSRF.

The captcha has its own module, test_captcha.py."""

import re

from django.core import mail
from django.test import Client

from dialogue.models import Notification, Question

from .conftest import ASK
from .forms import question_form


def test_form_asks_for_decree_92_identity_and_consent(client, section, sector, leader):
    html = client.get(ASK).content.decode()
    for label in ("Họ và tên", "Tỉnh, thành phố", "Phường, xã", "Số điện thoại", "Thư điện tử"):
        assert label in html
    assert "Phường Phú Xuân" in html
    assert "Lĩnh vực" in html and "Hộ tịch" in html
    assert "Chủ tịch UBND tỉnh" in html
    assert 'name="consent"' in html
    assert "không bao giờ được công khai" in html


def test_question_is_stored_and_tracking_code_shown_and_emailed(post, sector, leader):
    response = post(question_form(sector, leader, procedure_codes="1.000948.H38"))

    assert response.status_code == 200
    question = Question.objects.get()
    html = response.content.decode()
    assert question.tracking_code in html
    assert "Đã nhận câu hỏi của bạn" in html
    assert question.status == Question.Status.NEW
    assert question.phone == "0914222333"
    assert question.ward_name == "Phường Phú Xuân"
    assert question.province_name == "Thành phố Huế"
    assert list(question.procedure_references.values_list("code", flat=True)) == ["1.000948.H38"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bichngoc.tran@example.vn"]
    assert question.tracking_code in mail.outbox[0].subject
    assert question.tracking_code in mail.outbox[0].body
    assert response["Cache-Control"].startswith("max-age=0")


def test_missing_fields_give_400_with_vietnamese_messages(post, sector, leader):
    response = post(question_form(sector, leader, full_name="", consent=None, phone="12ab"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Xin kiểm tra lại các mục sau" in html
    assert "Cần đồng ý với điều khoản để gửi câu hỏi." in html
    assert "Số điện thoại không hợp lệ" in html
    assert Question.objects.count() == 0


def test_ward_is_required_in_every_province(post, sector, leader):
    for province in ("46", "1"):
        response = post(question_form(sector, leader, province=province, ward=""))
        assert response.status_code == 400
        assert "Xin chọn phường, xã." in response.content.decode()
    assert Question.objects.count() == 0


def test_unknown_ward_or_sector_is_rejected(post, sector, leader):
    assert post(question_form(sector, leader, ward="99999")).status_code == 400
    assert post(question_form(sector, leader, sector="424242")).status_code == 400
    assert post(question_form(sector, leader, procedure_codes="<b>x</b>")).status_code == 400
    assert Question.objects.count() == 0


def test_honeypot_filled_is_refused_and_nothing_stored(post, sector, leader):
    response = post(question_form(sector, leader, website="http://spam.example"))

    assert response.status_code == 400
    assert "Không thể tiếp nhận câu hỏi." in response.content.decode()
    assert Question.objects.count() == 0
    assert mail.outbox == []


def test_same_question_twice_gives_the_same_code(post, sector, leader):
    first = post(question_form(sector, leader))
    second = post(question_form(sector, leader, title="Một tiêu đề khác"))

    question = Question.objects.get()
    assert question.tracking_code in first.content.decode()
    assert second.status_code == 200
    assert question.tracking_code in second.content.decode()
    assert "đã được tiếp nhận trước đó" in second.content.decode()
    assert Notification.objects.filter(kind="received").count() == 1


def test_a_different_question_from_the_same_person_is_a_new_one(post, sector, leader):
    post(question_form(sector, leader))
    post(question_form(sector, leader, content="Một câu hỏi khác hẳn về chứng thực bản sao."))

    assert Question.objects.count() == 2
    codes = set(Question.objects.values_list("tracking_code", flat=True))
    assert len(codes) == 2
    assert all(re.fullmatch(r"HD-[0-9A-Z]{4}-[0-9A-Z]{4}", code) for code in codes)


def test_csrf_is_enforced_on_the_question_form(section, sector, leader):
    client = Client(enforce_csrf_checks=True)

    refused = client.post(ASK, question_form(sector, leader))
    assert refused.status_code == 403
    assert Question.objects.count() == 0

    token = client.get(ASK).cookies["csrftoken"].value
    accepted = client.post(ASK, {**question_form(sector, leader), "csrfmiddlewaretoken": token})
    assert accepted.status_code == 200
    assert Question.objects.count() == 1


def test_only_get_and_post(client, section):
    assert client.put(ASK).status_code == 405
