"""Mới nhận → Đã phân công → Đang xử lý → Đã trả lời → Đã công khai, and Từ chối; audit log."""

import pytest
from django.core import mail

from dialogue import workflow
from dialogue.models import InternalNote, PublishedQuestion, Question, QuestionLogEntry

from .conftest import publish

S = Question.Status


def actions_of(question):
    entries = QuestionLogEntry.objects.filter(question=question).order_by("timestamp", "pk")
    return [(entry.action, entry.user.username if entry.user else None) for entry in entries]


def test_full_path_to_publication_is_logged_with_who_and_what(
    question, agency, moderator, answerer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.assign(question, moderator, agency)
        question.refresh_from_db()
        assert question.status == S.ASSIGNED
        workflow.start(question, answerer)
        question.refresh_from_db()
        assert question.status == S.IN_PROGRESS
        workflow.answer(question, answerer, "Ông bà mang giấy chứng sinh tới UBND phường.")
        question.refresh_from_db()
        assert question.status == S.ANSWERED
        workflow.approve(
            question,
            moderator,
            title=question.title,
            question_text=question.content,
            answer_text=question.answer,
        )

    question.refresh_from_db()
    assert question.status == S.PUBLISHED
    assert question.reviewed_by == moderator
    assert question.answered_by == answerer
    assert actions_of(question) == [
        ("dialogue.assign", "kiemduyet"),
        ("dialogue.start", "sotuphap"),
        ("dialogue.answer", "sotuphap"),
        ("dialogue.approve", "kiemduyet"),
    ]
    entry = QuestionLogEntry.objects.get(question=question, action="dialogue.assign")
    assert entry.message == "Phân công cho Sở Tư pháp"
    assert entry.label == question.tracking_code
    # The agency was told (without personal data), then the citizen got the answer.
    assert [message.to for message in mail.outbox] == [
        ["stp@example.gov.vn"],
        ["bichngoc.tran@example.vn"],
    ]
    assert question.full_name not in mail.outbox[0].body
    assert "đã được trả lời" in mail.outbox[1].subject


def test_submission_is_logged_as_coming_from_a_citizen(client, section, sector, leader):
    from .conftest import ASK
    from .forms import question_form

    client.post(ASK, question_form(sector, leader))

    question = Question.objects.get()
    assert actions_of(question) == [("dialogue.submit", None)]


def test_reject_needs_a_reason_and_emails_it(
    question, moderator, django_capture_on_commit_callbacks
):
    with pytest.raises(workflow.WorkflowError, match="lý do"):
        workflow.reject(question, moderator, "   ")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.reject(question, moderator, "Nội dung không thuộc thẩm quyền của tỉnh.")

    question.refresh_from_db()
    assert question.status == S.REJECTED
    assert mail.outbox[-1].to == ["bichngoc.tran@example.vn"]
    assert "Nội dung không thuộc thẩm quyền của tỉnh." in mail.outbox[-1].body
    assert actions_of(question)[-1] == ("dialogue.reject", "kiemduyet")


def test_answerer_cannot_moderate(question, agency, moderator, answerer):
    with pytest.raises(workflow.WorkflowError):
        workflow.assign(question, answerer, agency)
    workflow.assign(question, moderator, agency)
    workflow.answer(question, answerer, "Trả lời")
    question.refresh_from_db()
    for step in (
        lambda: workflow.approve(question, answerer, "t", "q", "a"),
        lambda: workflow.reject(question, answerer, "lý do"),
        lambda: workflow.return_for_revision(question, answerer, "sửa"),
    ):
        with pytest.raises(workflow.WorkflowError, match="Chỉ người kiểm duyệt"):
            step()


def test_other_agency_cannot_touch_the_question(question, agency, moderator, other_answerer):
    workflow.assign(question, moderator, agency)
    with pytest.raises(workflow.WorkflowError, match="không được giao cho cơ quan của bạn"):
        workflow.answer(question, other_answerer, "Trả lời")
    with pytest.raises(workflow.WorkflowError):
        workflow.add_note(question, other_answerer, "ghi chú")


def test_reviewer_must_differ_from_the_author_of_the_answer(question, agency, moderator, settings):
    workflow.assign(question, moderator, agency)
    workflow.answer(question, moderator, "Moderator answers himself")
    with pytest.raises(workflow.WorkflowError, match="khác người viết"):
        workflow.approve(question, moderator, "t", "q", "a")

    settings.DIALOGUE_SEPARATE_REVIEWER = False
    workflow.approve(question, moderator, "t", "q", "a")
    question.refresh_from_db()
    assert question.status == S.PUBLISHED


def test_steps_out_of_order_are_refused(question, agency, moderator, answerer):
    with pytest.raises(workflow.WorkflowError):
        workflow.start(question, moderator)  # not assigned yet
    with pytest.raises(workflow.WorkflowError):
        workflow.approve(question, moderator, "t", "q", "a")  # no answer yet
    with pytest.raises(workflow.WorkflowError):
        workflow.unpublish(question, moderator)
    question = publish(question, agency, moderator, answerer)
    with pytest.raises(workflow.WorkflowError):
        workflow.reject(question, moderator, "quá muộn")
    with pytest.raises(workflow.WorkflowError):
        workflow.assign(question, moderator, agency)


def test_return_for_revision_goes_back_to_in_progress_with_a_note(
    question, agency, moderator, answerer
):
    workflow.assign(question, moderator, agency)
    workflow.answer(question, answerer, "Bản nháp")
    workflow.return_for_revision(question, moderator, "Xin dẫn căn cứ pháp lý.")

    question.refresh_from_db()
    assert question.status == S.IN_PROGRESS
    assert InternalNote.objects.get(question=question).text == "Xin dẫn căn cứ pháp lý."


def test_unpublish_removes_the_public_copy(question, agency, moderator, answerer):
    question = publish(question, agency, moderator, answerer)
    assert PublishedQuestion.objects.count() == 1

    workflow.unpublish(question, moderator)

    question.refresh_from_db()
    assert question.status == S.ANSWERED
    assert PublishedQuestion.objects.count() == 0
    assert actions_of(question)[-1] == ("dialogue.unpublish", "kiemduyet")


def test_notes_and_procedure_links_are_logged(question, agency, moderator, answerer):
    workflow.assign(question, moderator, agency)
    workflow.add_note(question, answerer, "Đã gọi điện cho người hỏi.")
    workflow.set_procedures(question, moderator, ["1.000948.H38", "2.001234"])
    workflow.set_procedures(question, moderator, ["2.001234"])

    assert list(question.procedure_references.values_list("code", flat=True)) == ["2.001234"]
    assert [action for action, _user in actions_of(question)] == [
        "dialogue.assign",
        "dialogue.note",
        "dialogue.procedures",
        "dialogue.procedures",
    ]
