"""Bookkeeping that keeps the section reliable: the e-mail outbox and rate-limit counters."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .questions import Question


class Notification(models.Model):
    """An e-mail waiting to go out (transactional outbox).

    Written in the same transaction as the change it reports, sent after commit and retried
    with back-off by `manage.py process_dialogue_outbox`: a failing mail server delays the
    e-mail, never loses or hides the question.
    """

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Xác nhận đã nhận câu hỏi")
        REJECTED = "rejected", _("Thông báo từ chối")
        PUBLISHED = "published", _("Thông báo đã trả lời")
        ASSIGNED = "assigned", _("Thông báo phân công")
        NEW_FOR_STAFF = "new_for_staff", _("Báo có câu hỏi mới")
        DRAFT_COMMENT = "draft_comment", _("Báo có góp ý dự thảo mới")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi không thành công")

    # Empty for e-mails of other sections sent through this outbox (comments on drafts).
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="notifications", null=True, blank=True
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    to_email = models.EmailField(_("gửi tới"))
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("thư thông báo")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.question or self.to_email}"


class RateLimitCounter(models.Model):
    """Hits of one key (a hashed IP or e-mail) in one fixed time window.

    Shared by every server process through the database; incremented with a single
    INSERT ... ON CONFLICT ... RETURNING statement (see dialogue.throttling).
    """

    key = models.CharField(max_length=100)
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="dialogue_counter_once")
        ]

    def __str__(self):
        return f"{self.key}@{self.window_start:%Y-%m-%d %H:%M}: {self.count}"
