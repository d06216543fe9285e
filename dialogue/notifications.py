"""The e-mail outbox: queue inside the caller's transaction, send after commit, retry later.

`enqueue` writes a Notification row in the same transaction as the change it reports and asks
for delivery once that transaction commits. If the mail server fails, the row stays pending
with a back-off; `manage.py process_dialogue_outbox` (cron / systemd timer) retries it.
"""

import datetime
import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Notification

logger = logging.getLogger(__name__)

# Seconds to wait after the 1st, 2nd, ... failure; after the last the e-mail is marked failed.
BACKOFF = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 24 * 3600]


def absolute(path):
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", (path or "").lstrip("/"))


def section_urls(question):
    """Public links for e-mails: the lookup page and, once published, the answer."""
    from .models import DialogueIndexPage

    page = DialogueIndexPage.objects.live().first()
    if page is None:
        return {"lookup_url": "", "public_url": ""}
    urls = {"lookup_url": absolute(page.subpage_url("lookup")), "public_url": ""}
    if question.status == question.Status.PUBLISHED:
        publication = getattr(question, "publication", None)
        if publication is not None:
            urls["public_url"] = absolute(page.subpage_url("detail", publication.pk))
    return urls


def render(kind, question, extra=None):
    context = {
        "question": question,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "admin_url": absolute(reverse("dialogue_questions:edit", args=[question.pk])),
        **section_urls(question),
        **(extra or {}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"dialogue/email/{kind}_subject.txt", context)
        text = render_to_string(f"dialogue/email/{kind}.txt", context)
        html = render_to_string(f"dialogue/email/{kind}.html", context)
    return " ".join(subject.split())[:255], text, html


def enqueue(question, kind, to_email, extra=None):
    """Queue one e-mail about `question`; it goes out after the current transaction commits."""
    subject, text, html = render(kind, question, extra)
    notification = Notification.objects.create(
        question=question,
        kind=kind,
        to_email=to_email,
        subject=subject,
        body_text=text,
        body_html=html,
    )
    transaction.on_commit(deliver_later(notification.pk), robust=True)
    return notification


def enqueue_message(kind, to_email, subject, text, html=""):
    """Queue an e-mail that is not about a question (other sections use the same outbox:
    written in the caller's transaction, sent after commit, retried with back-off)."""
    notification = Notification.objects.create(
        kind=kind,
        to_email=to_email,
        subject=" ".join(subject.split())[:255],
        body_text=text,
        body_html=html,
    )
    transaction.on_commit(deliver_later(notification.pk), robust=True)
    return notification


def deliver_later(pk):
    """A callback for on_commit(robust=True). Not a functools.partial: when the callback fails
    (the database went away right after the commit) Django logs it by its __qualname__, which a
    partial lacks, and the AttributeError turned a stored question into a 500 (found by the
    PostgreSQL restart drill, bench/drills.py)."""

    def deliver_after_commit():
        return deliver(pk)

    return deliver_after_commit


def deliver(pk):
    """Try to send one pending e-mail now; record success or schedule the next attempt."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status=Notification.Status.PENDING)
            .first()
        )
        if notification is None:
            return False
        message = EmailMultiAlternatives(
            subject=notification.subject,
            body=notification.body_text,
            to=[notification.to_email],
            connection=get_connection(timeout=settings.DIALOGUE_EMAIL_TIMEOUT),
        )
        if notification.body_html:
            message.attach_alternative(notification.body_html, "text/html")
        try:
            message.send()
        except Exception as error:  # any backend failure: keep the row, retry later
            _record_failure(notification, error)
            return False
        notification.status = Notification.Status.SENT
        notification.sent_at = timezone.now()
        notification.attempts += 1
        notification.save(update_fields=["status", "sent_at", "attempts"])
        return True


def _record_failure(notification, error):
    notification.attempts += 1
    notification.last_error = f"{type(error).__name__}: {error}"[:500]
    if notification.attempts > len(BACKOFF):
        notification.status = Notification.Status.FAILED
    else:
        delay = BACKOFF[notification.attempts - 1]
        notification.next_attempt_at = timezone.now() + datetime.timedelta(seconds=delay)
    notification.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
    logger.warning(
        "Dialogue e-mail %s for %s failed (attempt %s): %s",
        notification.pk,
        notification.question_id,
        notification.attempts,
        notification.last_error,
    )


def deliver_due(limit=200, now=None):
    """Send every pending e-mail whose next attempt is due; return (sent, still pending)."""
    now = now or timezone.now()
    due = list(
        Notification.objects.filter(
            status=Notification.Status.PENDING, next_attempt_at__lte=now
        ).values_list("pk", flat=True)[:limit]
    )
    sent = sum(1 for pk in due if deliver(pk))
    return sent, len(due) - sent


def retry(notification):
    """Staff asked to try a failed e-mail again."""
    notification.status = Notification.Status.PENDING
    notification.next_attempt_at = timezone.now()
    notification.save(update_fields=["status", "next_attempt_at"])
    transaction.on_commit(deliver_later(notification.pk), robust=True)
