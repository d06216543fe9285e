"""Nothing is lost: the question is committed before any e-mail, and failed e-mails are retried."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from dialogue import notifications
from dialogue.models import Notification, Question

from .conftest import ASK
from .forms import question_form

FAILING = "tests.dialogue.backends.FailingBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


def test_mail_server_down_the_question_is_kept_and_the_citizen_gets_a_code(
    client, section, sector, leader, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(ASK, question_form(sector, leader))

    assert callbacks, "delivery must wait for the commit"
    assert response.status_code == 200
    question = Question.objects.get()
    assert question.tracking_code in response.content.decode()
    notification = Notification.objects.get(question=question, kind="received")
    assert notification.status == Notification.Status.PENDING
    assert notification.attempts == 1
    assert "refused" in notification.last_error
    assert notification.next_attempt_at > timezone.now()


def test_retry_sends_once_the_server_is_back(
    client, section, sector, leader, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ASK, question_form(sector, leader))
    code = Question.objects.get().tracking_code

    settings.EMAIL_BACKEND = WORKING
    call_command("process_dialogue_outbox", stdout=io.StringIO())
    assert mail.outbox == [], "not due yet: the back-off is respected"

    later = timezone.now() + datetime.timedelta(minutes=2)
    sent, pending = notifications.deliver_due(now=later)

    assert (sent, pending) == (1, 0)
    assert len(mail.outbox) == 1
    assert code in mail.outbox[0].body
    notification = Notification.objects.get()
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 2


def test_after_the_last_retry_the_mail_is_marked_failed_and_the_question_stays(question, settings):
    settings.EMAIL_BACKEND = FAILING
    notification = notifications.enqueue(question, "received", question.email)
    for _attempt in range(len(notifications.BACKOFF) + 1):
        Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())
        notifications.deliver_due()

    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.attempts == len(notifications.BACKOFF) + 1
    assert Question.objects.filter(pk=question.pk).exists()


def test_no_mail_when_the_transaction_rolls_back(question, django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notifications.enqueue(question, "received", question.email)
        raise RuntimeError("the change being reported failed")

    assert mail.outbox == []
    assert Notification.objects.count() == 0


def test_staff_can_requeue_a_failed_mail(question, django_capture_on_commit_callbacks):
    notification = Notification.objects.create(
        question=question,
        kind="received",
        to_email=question.email,
        subject="s",
        body_text="b",
        status=Notification.Status.FAILED,
        attempts=7,
    )
    with django_capture_on_commit_callbacks(execute=True):
        notifications.retry(notification)

    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert len(mail.outbox) == 1
