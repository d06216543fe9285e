"""A citizen's question and what happens to it inside the administration.

Everything here may hold personal data (Decree 92/2017: name, address, phone, email) and is
shown only to moderators, to the answering body the question is assigned to, and to
superusers. The public only ever sees `PublishedQuestion` (see publication.py).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.attachments import attachment_path, private_storage

from .directory import Agency, Sector

# Crockford's alphabet without I, L, O, U: nothing to misread when a code is typed back.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_tracking_code():
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"HD-{body[:4]}-{body[4:]}"


def normalise_tracking_code(text):
    """Accept what a citizen types back ("hd 7k3m 9q2x", "HD7K3M9Q2X") as the stored form."""
    letters = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if letters.startswith("HD"):
        letters = letters[2:]
    if len(letters) != 8:
        return ""
    return f"HD-{letters[:4]}-{letters[4:]}"


class QuestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=Question.OPEN_STATUSES)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)


class Question(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Mới nhận")
        ASSIGNED = "assigned", _("Đã phân công")
        IN_PROGRESS = "in_progress", _("Đang xử lý")
        ANSWERED = "answered", _("Đã trả lời")
        PUBLISHED = "published", _("Đã công khai")
        REJECTED = "rejected", _("Từ chối")

    OPEN_STATUSES = (Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS)

    tracking_code = models.CharField(_("mã theo dõi"), max_length=20, unique=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.NEW
    )

    # Identity required by Decree 92/2017. Personal data: never public.
    full_name = models.CharField(_("họ và tên"), max_length=150)
    province_code = models.PositiveIntegerField(_("mã tỉnh, thành phố"))
    province_name = models.CharField(_("tỉnh, thành phố"), max_length=100)
    ward_code = models.PositiveIntegerField(_("mã phường, xã"), null=True, blank=True)
    ward_name = models.CharField(_("phường, xã"), max_length=100, blank=True)
    street = models.CharField(_("số nhà, đường, thôn, tổ"), max_length=255)
    phone = models.CharField(_("điện thoại"), max_length=20)
    email = models.EmailField(_("thư điện tử"))
    consent_at = models.DateTimeField(_("đồng ý điều khoản lúc"))

    # The question itself.
    sector = models.ForeignKey(
        Sector, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="questions"
    )
    addressee = models.ForeignKey(
        Agency,
        verbose_name=_("gửi tới"),
        on_delete=models.PROTECT,
        related_name="addressed_questions",
    )
    title = models.CharField(_("tiêu đề"), max_length=200)
    content = models.TextField(_("nội dung"))
    attachment = models.FileField(
        _("tệp đính kèm"),
        storage=private_storage,
        upload_to=attachment_path,
        blank=True,
        max_length=255,
    )
    attachment_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    attachment_type = models.CharField(_("loại tệp"), max_length=50, blank=True)
    submitted_at = models.DateTimeField(_("ngày gửi"), default=timezone.now, db_index=True)
    due_date = models.DateField(_("hạn trả lời"))
    # sha256 of the e-mail and the folded content: an identical question still open is a
    # duplicate, and the partial unique constraint below makes that hold under concurrency.
    fingerprint = models.CharField(max_length=64, editable=False)

    # Handling.
    assigned_agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_questions",
    )
    assigned_at = models.DateTimeField(_("ngày phân công"), null=True, blank=True)
    answer = models.TextField(_("câu trả lời"), blank=True)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("ngày duyệt"), null=True, blank=True)
    rejection_reason = models.TextField(_("lý do từ chối"), blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        permissions = [
            ("moderate_question", _("Kiểm duyệt câu hỏi (xem thông tin cá nhân)")),
            ("answer_question", _("Trả lời câu hỏi được giao cho cơ quan mình")),
        ]
        indexes = [
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["assigned_agency", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=models.Q(status__in=["new", "assigned", "in_progress"]),
                name="dialogue_one_open_question_per_fingerprint",
            )
        ]

    def __str__(self):
        # The code only: log labels and breadcrumbs must never carry citizen text.
        return self.tracking_code

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_date < timezone.localdate()

    @property
    def address(self):
        return ", ".join(part for part in (self.street, self.ward_name, self.province_name) if part)


class InternalNote(models.Model):
    """A private note between moderators and answerers; never shown to the citizen."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("ghi chú"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("ghi chú nội bộ")

    def __str__(self):
        return f"{self.question} #{self.pk}"


class ProcedureReference(models.Model):
    """A question is about an administrative procedure, by its code (e.g. "1.000948.H38").

    Codes are plain strings on purpose: the procedure directory lives in another app and may
    load later; `dialogue.links.questions_about_procedure(code)` is the bridge.
    """

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="procedure_references"
    )
    code = models.CharField(_("mã thủ tục"), max_length=40, db_index=True)

    class Meta:
        verbose_name = _("thủ tục liên quan")
        constraints = [
            models.UniqueConstraint(fields=["question", "code"], name="dialogue_procedure_once")
        ]

    def __str__(self):
        return self.code
