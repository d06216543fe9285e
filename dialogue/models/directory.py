"""Managed lists behind the question form: fields (lĩnh vực), agencies, answer templates."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Sector(models.Model):
    """A field (lĩnh vực) a question belongs to: Đất đai, Hộ tịch, Bảo hiểm xã hội..."""

    name = models.CharField(_("tên lĩnh vực"), max_length=150, unique=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self):
        return self.name


class Agency(models.Model):
    """A provincial leader or an agency: citizens address them, moderators assign to them.

    Staff accounts are mapped to the agency they answer for through `members`; a member of
    the "Cơ quan trả lời" group sees only the questions assigned to one of their agencies.
    """

    class Kind(models.TextChoices):
        LEADER = "leader", _("Lãnh đạo tỉnh")
        AGENCY = "agency", _("Cơ quan, đơn vị")

    name = models.CharField(_("tên"), max_length=200, unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.AGENCY)
    email = models.EmailField(
        _("thư điện tử nhận thông báo"),
        blank=True,
        help_text=_("Nhận thông báo khi có câu hỏi được phân công (không kèm thông tin cá nhân)."),
    )
    accepts_questions = models.BooleanField(
        _("người dân có thể gửi câu hỏi tới"),
        default=True,
        help_text=_("Hiện trong danh sách “Gửi tới” của biểu mẫu đặt câu hỏi."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ trả lời"),
        blank=True,
        related_name="dialogue_agencies",
        help_text=_(
            "Tài khoản thuộc nhóm “Cơ quan trả lời” được xem câu hỏi giao cho cơ quan này."
        ),
    )
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("email"),
        FieldPanel("accepts_questions"),
        FieldPanel("members"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["kind", "sort_order", "name"]
        verbose_name = _("lãnh đạo, cơ quan")
        verbose_name_plural = _("lãnh đạo, cơ quan")

    def __str__(self):
        return self.name


class AnswerTemplate(models.Model):
    """Reusable answer text that an answerer starts from."""

    title = models.CharField(_("tên mẫu"), max_length=200)
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answer_templates",
    )
    body = models.TextField(_("nội dung mẫu"))

    panels = [FieldPanel("title"), FieldPanel("sector"), FieldPanel("body")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("mẫu trả lời")
        verbose_name_plural = _("mẫu trả lời")

    def __str__(self):
        return self.title
