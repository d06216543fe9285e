"""Cảnh báo khẩn: one emergency banner for the whole portal, with a start and an end.

Shown by `government.live` on every HTML page, page-cached ones included: the page carries
an empty marked slot and `government.middleware.EmergencyBannerMiddleware`, outside the page
cache, fills it on every response. So publishing, editing or reaching the end time never
needs the page cache emptied.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="warning")
class EmergencyBanner(BaseGenericSetting):
    class Level(models.TextChoices):
        INFO = "thong-tin", _("Thông tin")
        WARNING = "canh-bao", _("Cảnh báo")
        EMERGENCY = "khan-cap", _("Khẩn cấp")

    enabled = models.BooleanField(_("bật cảnh báo"), default=False)
    level = models.CharField(_("mức độ"), max_length=10, choices=Level.choices, default=Level.INFO)
    text = models.CharField(_("nội dung"), max_length=300, blank=True)
    text_en = models.CharField(
        _("nội dung tiếng Anh"),
        max_length=300,
        blank=True,
        help_text=_("Hiện trên các trang tiếng Anh; để trống thì dùng nội dung tiếng Việt."),
    )
    link = models.URLField(_("liên kết xem thêm"), blank=True)
    starts_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    ends_at = models.DateTimeField(
        _("kết thúc"), null=True, blank=True, help_text=_("Cảnh báo tự ẩn lúc này.")
    )

    panels = [
        FieldPanel("enabled"),
        FieldPanel("level"),
        FieldPanel("text"),
        FieldPanel("text_en"),
        FieldPanel("link"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta:
        verbose_name = _("cảnh báo khẩn")

    def __str__(self):
        return str(_("Cảnh báo khẩn"))

    def clean(self):
        super().clean()
        if self.enabled and not self.text.strip():
            raise ValidationError({"text": _("Nhập nội dung cảnh báo.")})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")})

    def is_showing(self, at=None):
        at = at or timezone.now()
        return (
            self.enabled
            and bool(self.text.strip())
            and (self.starts_at is None or self.starts_at <= at)
            and (self.ends_at is None or at < self.ends_at)
        )
