"""The handling workflow: Mới nhận → Đã phân công → Đang xử lý → Đã trả lời → Đã công khai,
and Từ chối. Every step checks who acts, changes the question under a row lock, writes an
audit entry (QuestionLogEntry: who, what, when) and queues the e-mails it implies.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import masking, notifications
from .anonymise import asker_label
from .models import InternalNote, ProcedureReference, PublishedQuestion, Question
from .permissions import can_see, is_answerer, is_moderator
from .transitions import HANDLER, TRANSITIONS

S = Question.Status


class WorkflowError(Exception):
    """A step that is not allowed now or for this user; the message is shown to staff."""


class UnconfirmedFlags(WorkflowError):
    """Publication refused: the texts name someone the reviewer has not confirmed."""


def _locked(question):
    return Question.objects.select_for_update().get(pk=question.pk)


def _require(condition, message):
    if not condition:
        raise WorkflowError(message)


def _require_moderator(user):
    _require(is_moderator(user), _("Chỉ người kiểm duyệt được làm việc này."))


def _require_handler(user, question):
    """A moderator, or a member of the answering body the question is assigned to."""
    _require(
        is_moderator(user) or (is_answerer(user) and can_see(user, question)),
        _("Câu hỏi này không được giao cho cơ quan của bạn."),
    )


def _require_who(user, question, action):
    """Who may take `action`, as the transitions table says."""
    if TRANSITIONS[action].who == HANDLER:
        _require_handler(user, question)
    else:
        _require_moderator(user)


def _require_status(question, action):
    """Whether `action` may start from the question's status, as the transitions table says."""
    transition = TRANSITIONS[action]
    _require(question.status in transition.sources, transition.refusal)


def _log(question, action, user, **data):
    log(question, f"dialogue.{action}", user=user, title=question.tracking_code, data=data)


@transaction.atomic
def assign(question, user, agency):
    _require_who(user, question, "assign")
    question = _locked(question)
    _require_status(question, "assign")
    question.assigned_agency = agency
    question.assigned_at = timezone.now()
    if question.status == S.NEW:
        question.status = S.ASSIGNED
    question.save(update_fields=["assigned_agency", "assigned_at", "status"])
    _log(question, "assign", user, agency=agency.name)
    if agency.email:
        notifications.enqueue(question, "assigned", agency.email, {"agency": agency})
    return question


@transaction.atomic
def start(question, user):
    question = _locked(question)
    _require_who(user, question, "start")
    _require_status(question, "start")
    question.status = S.IN_PROGRESS
    question.save(update_fields=["status"])
    _log(question, "start", user)
    return question


@transaction.atomic
def answer(question, user, text):
    question = _locked(question)
    _require_who(user, question, "answer")
    _require_status(question, "answer")
    _require(bool(text.strip()), _("Câu trả lời không được để trống."))
    question.answer = text.strip()
    question.answered_at = timezone.now()
    question.answered_by = user
    question.status = S.ANSWERED
    question.save(update_fields=["answer", "answered_at", "answered_by", "status"])
    _log(question, "answer", user)
    return question


@transaction.atomic
def return_for_revision(question, user, reason):
    _require_who(user, question, "return")
    question = _locked(question)
    _require_status(question, "return")
    _require(bool(reason.strip()), _("Xin ghi lý do trả lại."))
    question.status = S.IN_PROGRESS
    question.save(update_fields=["status"])
    InternalNote.objects.create(question=question, author=user, text=reason.strip())
    _log(question, "return", user)
    return question


def _require_flags_confirmed(question, texts, confirmed):
    """Every flag (a third party named in the texts) must be confirmed by the reviewer."""
    confirmed = set(confirmed or ())
    pending = [
        finding
        for text in texts
        for finding in masking.flags(text, question)
        if finding.key not in confirmed
    ]
    if pending:
        raise UnconfirmedFlags(
            _(
                "Chưa thể công khai: còn %(count)s chỗ đánh dấu chưa được xác nhận (%(items)s). "
                "Xin xem lại, ẩn đi nếu cần, rồi đánh dấu xác nhận từng chỗ."
            )
            % {"count": len(pending), "items": ", ".join(f"“{f.text}”" for f in pending)}
        )


def _publish(question, user, title, question_text, answer_text, confirmed, published_at):
    """The public copy, every text through dialogue.masking: nothing else reaches it."""
    _require(
        not settings.DIALOGUE_SEPARATE_REVIEWER or question.answered_by_id != user.pk,
        _("Người duyệt phải khác người viết câu trả lời."),
    )
    _require(question.assigned_agency_id is not None, _("Câu hỏi chưa có cơ quan trả lời."))
    _require_flags_confirmed(question, (title, question_text, answer_text), confirmed)
    publication, _created = PublishedQuestion.objects.update_or_create(
        question=question,
        defaults={
            "title": masking.mask(title, question),
            "question_text": masking.mask(question_text, question),
            "answer_text": masking.mask(answer_text, question),
            "sector": question.sector,
            "addressee": question.addressee,
            "answering_body": question.assigned_agency,
            "asker": asker_label(question),
            "asked_on": timezone.localdate(question.submitted_at),
            "answered_on": timezone.localdate(question.answered_at or published_at),
            "published_at": published_at,
        },
    )
    return publication


@transaction.atomic
def approve(question, user, title, question_text, answer_text, confirmed=()):
    """The reviewer's approval: publish the anonymised copy and tell the citizen.

    `confirmed` holds the keys (masking.Finding.key) of the flags the reviewer has looked
    at; approval with any flag left unconfirmed is refused.
    """
    _require_who(user, question, "approve")
    question = _locked(question)
    _require_status(question, "approve")
    now = timezone.now()
    publication = _publish(question, user, title, question_text, answer_text, confirmed, now)
    question.status = S.PUBLISHED
    question.reviewed_by = user
    question.reviewed_at = now
    question.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    question.publication = publication
    _log(question, "approve", user)
    notifications.enqueue(question, "published", question.email)
    return question


@transaction.atomic
def republish(question, user, title, question_text, answer_text, confirmed=()):
    """A leak reported on a published answer: mask again (with today's detectors and
    whatever the reviewer changed) and replace the public copy, in one step. The citizen
    was told at the first publication and is not written to again."""
    _require_who(user, question, "republish")
    question = _locked(question)
    _require_status(question, "republish")
    publication = getattr(question, "publication", None)
    published_at = publication.published_at if publication else timezone.now()
    _publish(question, user, title, question_text, answer_text, confirmed, published_at)
    question.reviewed_by = user
    question.reviewed_at = timezone.now()
    question.save(update_fields=["reviewed_by", "reviewed_at"])
    _log(question, "republish", user)
    return question


@transaction.atomic
def unpublish(question, user):
    _require_who(user, question, "unpublish")
    question = _locked(question)
    _require_status(question, "unpublish")
    PublishedQuestion.objects.filter(question=question).delete()
    question.status = S.ANSWERED
    question.save(update_fields=["status"])
    _log(question, "unpublish", user)
    return question


@transaction.atomic
def reject(question, user, reason):
    _require_who(user, question, "reject")
    question = _locked(question)
    _require_status(question, "reject")
    _require(bool(reason.strip()), _("Xin ghi lý do từ chối; lý do được gửi tới người hỏi."))
    question.status = S.REJECTED
    question.rejection_reason = reason.strip()
    question.save(update_fields=["status", "rejection_reason"])
    _log(question, "reject", user, reason=question.rejection_reason)
    notifications.enqueue(question, "rejected", question.email)
    return question


@transaction.atomic
def add_note(question, user, text):
    question = _locked(question)
    _require_who(user, question, "note")
    _require(bool(text.strip()), _("Ghi chú không được để trống."))
    note = InternalNote.objects.create(question=question, author=user, text=text.strip())
    _log(question, "note", user)
    return note


@transaction.atomic
def set_procedures(question, user, codes):
    _require_who(user, question, "procedures")
    question = _locked(question)
    ProcedureReference.objects.filter(question=question).exclude(code__in=codes).delete()
    existing = set(question.procedure_references.values_list("code", flat=True))
    ProcedureReference.objects.bulk_create(
        ProcedureReference(question=question, code=code) for code in codes if code not in existing
    )
    _log(question, "procedures", user, codes=list(codes))


def log_attachment_download(question, user):
    _log(question, "attachment", user)
