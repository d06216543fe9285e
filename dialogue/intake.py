"""Receiving a citizen's question: duplicates, rate limits, then one transaction.

The question, its procedure links, the audit entry and the outgoing e-mails are written in a
single transaction; e-mails are sent only after it commits (see notifications.py), so a
failing mail server can never lose a question that the citizen was told was received.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from portal.vietnamese import fold

from . import deadlines, divisions, notifications, throttling
from .models import ProcedureReference, Question
from .models.questions import new_tracking_code

CODE_ATTEMPTS = 5


@dataclass
class Receipt:
    question: Question
    duplicate: bool


def fingerprint(email, content):
    return hashlib.sha256(f"{email.lower()}\n{fold(content)}".encode()).hexdigest()


def find_duplicate(fp, now=None):
    now = now or timezone.now()
    recent = now - datetime.timedelta(days=settings.DIALOGUE_DUPLICATE_WINDOW_DAYS)
    return (
        Question.objects.filter(fingerprint=fp)
        .filter(Q(status__in=Question.OPEN_STATUSES) | Q(submitted_at__gte=recent))
        .order_by("-submitted_at")
        .first()
    )


def submit(data, ip, attachment_type=""):
    """Store a validated question. Returns a Receipt; raises throttling.RateLimited."""
    fp = fingerprint(data["email"], data["content"])
    existing = find_duplicate(fp)
    if existing:
        return Receipt(existing, duplicate=True)
    throttling.check("submit_ip", ip)
    throttling.check("submit_email", data["email"])
    for _attempt in range(CODE_ATTEMPTS):
        try:
            return Receipt(_create(data, fp, attachment_type), duplicate=False)
        except IntegrityError:
            # Either the same question arrived a moment ago (double click: the partial unique
            # constraint on open fingerprints fired) or, very rarely, the code was taken.
            existing = find_duplicate(fp)
            if existing:
                return Receipt(existing, duplicate=True)
    raise IntegrityError("no free tracking code after several attempts")


@transaction.atomic
def _create(data, fp, attachment_type):
    now = timezone.now()
    province = data["province"]
    ward = data.get("ward")
    upload = data.get("attachment")
    question = Question(
        tracking_code=new_tracking_code(),
        full_name=data["full_name"],
        province_code=province,
        province_name=divisions.province_name(province),
        ward_code=ward,
        ward_name=divisions.ward_name(province, ward) if ward else "",
        street=data["street"],
        phone=data["phone"],
        email=data["email"],
        consent_at=now,
        sector=data["sector"],
        addressee=data["addressee"],
        title=data["title"],
        content=data["content"],
        submitted_at=now,
        due_date=deadlines.due_date(timezone.localdate(now)),
        fingerprint=fp,
    )
    if upload:
        question.attachment = upload
        question.attachment_name = (upload.name or "")[-255:]
        question.attachment_type = attachment_type
    question.save()
    ProcedureReference.objects.bulk_create(
        ProcedureReference(question=question, code=code) for code in data.get("procedure_codes", [])
    )
    log(question, "dialogue.submit", user=None, title=question.tracking_code)
    notifications.enqueue(question, "received", question.email)
    for address in settings.DIALOGUE_NOTIFY_EMAILS:
        notifications.enqueue(question, "new_for_staff", address)
    return question
