"""The handling page end to end: assign, answer from a template, approve, reject — over HTTP."""

from django.core import mail
from django.test import Client

from dialogue.models import AnswerTemplate, Question

from .conftest import ADMIN_QUEUE, SECTION

S = Question.Status


def process_url(question):
    return f"{ADMIN_QUEUE}{question.pk}/"


def test_assign_answer_with_template_and_approve(
    client, section, question, agency, moderator, second_moderator, answerer,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    template = AnswerTemplate.objects.create(
        title="Liên hệ UBND phường", body="Đề nghị ông/bà liên hệ UBND phường nơi cư trú."
    )
    url = process_url(question)

    client.force_login(moderator)
    response = client.post(url, {"action": "assign", "assign-agency": agency.pk})
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.status, question.assigned_agency) == (S.ASSIGNED, agency)

    client.force_login(answerer)
    assert client.post(url, {"action": "start"}).status_code == 302
    prefilled = client.get(url, {"mau": template.pk}).content.decode()
    assert "Đề nghị ông/bà liên hệ UBND phường nơi cư trú." in prefilled
    client.post(url, {"action": "answer", "answer-answer": template.body + " Trân trọng."})
    question.refresh_from_db()
    assert question.status == S.ANSWERED

    client.force_login(second_moderator)
    page = client.get(url).content.decode()
    assert "Duyệt và công khai" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "action": "approve",
                "approve-title": "Hỏi về khai sinh",
                "approve-question_text": "Thủ tục khai sinh cho con?",
                "approve-answer_text": "Liên hệ UBND phường. Trân trọng.",
            },
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == S.PUBLISHED
    public = client.get(f"{SECTION}{question.publication.pk}/").content.decode()
    assert "Liên hệ UBND phường. Trân trọng." in public
    assert mail.outbox[-1].to == [question.email]
    history = client.get(url).content.decode()
    for label in ("Phân công cho Sở Tư pháp", "Bắt đầu xử lý", "Đã nhập câu trả lời"):
        assert label in history


def test_invalid_step_shows_the_error_with_400(client, question, moderator):
    client.force_login(moderator)
    response = client.post(process_url(question), {"action": "reject", "reject-reason": ""})

    assert response.status_code == 400
    assert "Xin kiểm tra lại thông tin đã nhập." in response.content.decode()
    question.refresh_from_db()
    assert question.status == S.NEW


def test_step_not_allowed_now_is_refused_with_a_message(client, question, moderator):
    client.force_login(moderator)
    response = client.post(process_url(question), {"action": "unpublish"}, follow=True)

    assert "Không thể thực hiện thao tác này" in response.content.decode()
    question.refresh_from_db()
    assert question.status == S.NEW


def test_internal_notes_stay_internal(client, section, question, agency, moderator, answerer):
    client.force_login(moderator)
    client.post(process_url(question), {"action": "assign", "assign-agency": agency.pk})
    client.force_login(answerer)
    client.post(process_url(question), {"action": "note", "note-text": "Đã gọi lại cho bà Ngọc."})

    assert "Đã gọi lại cho bà Ngọc." in client.get(process_url(question)).content.decode()
    client.logout()
    assert "Đã gọi lại" not in client.get(SECTION).content.decode()


def test_admin_posts_need_csrf(question, moderator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    refused = client.post(process_url(question), {"action": "reject", "reject-reason": "spam"})

    assert refused.status_code == 403
    question.refresh_from_db()
    assert question.status == S.NEW
