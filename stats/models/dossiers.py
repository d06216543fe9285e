"""Dossier statistics (hồ sơ thủ tục hành chính) entered by editors or imported from CSV."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

FIRST_YEAR = 2000
LAST_YEAR = 2100


class Level(models.TextChoices):
    ALL = "tat-ca", _("Cả ba cấp")
    PROVINCE = "tinh", _("Cấp tỉnh")
    DISTRICT = "huyen", _("Cấp huyện")
    COMMUNE = "xa", _("Cấp xã")


class Month(models.IntegerChoices):
    WHOLE_YEAR = 0, _("Cả năm")
    JANUARY = 1, _("Tháng 1")
    FEBRUARY = 2, _("Tháng 2")
    MARCH = 3, _("Tháng 3")
    APRIL = 4, _("Tháng 4")
    MAY = 5, _("Tháng 5")
    JUNE = 6, _("Tháng 6")
    JULY = 7, _("Tháng 7")
    AUGUST = 8, _("Tháng 8")
    SEPTEMBER = 9, _("Tháng 9")
    OCTOBER = 10, _("Tháng 10")
    NOVEMBER = 11, _("Tháng 11")
    DECEMBER = 12, _("Tháng 12")


class DossierStatistic(models.Model):
    """Dossiers received, resolved and received online in one period at one level.

    A period is a month or the whole year; a level is tỉnh, huyện, xã or all three together.
    Where both exist, a whole-year figure wins over the sum of the months, and an all-level
    figure wins over the sum of the levels (see stats.dossiers).
    """

    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    month = models.PositiveSmallIntegerField(
        _("tháng"), choices=Month.choices, default=Month.WHOLE_YEAR
    )
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices, default=Level.ALL)
    received = models.PositiveIntegerField(_("hồ sơ tiếp nhận"))
    resolved = models.PositiveIntegerField(_("hồ sơ đã giải quyết"))
    received_online = models.PositiveIntegerField(_("hồ sơ tiếp nhận trực tuyến"))
    source = models.CharField(
        _("nguồn số liệu"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Báo cáo số 123/BC-UBND."),
    )
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("year"), FieldPanel("month"), FieldPanel("level")])],
            heading=_("Kỳ báo cáo"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("received"),
                        FieldPanel("resolved"),
                        FieldPanel("received_online"),
                    ]
                )
            ],
            heading=_("Số hồ sơ"),
        ),
        FieldPanel("source"),
    ]

    class Meta:
        ordering = ["-year", "month", "level"]
        verbose_name = _("số liệu hồ sơ")
        verbose_name_plural = _("số liệu hồ sơ")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "month", "level"],
                name="stats_dossier_one_row_per_period",
                violation_error_message=_("Đã có số liệu của kỳ và cấp này."),
            ),
            models.CheckConstraint(
                condition=models.Q(received_online__lte=models.F("received")),
                name="stats_dossier_online_within_received",
                violation_error_message=_(
                    "Số hồ sơ trực tuyến không được lớn hơn số hồ sơ tiếp nhận."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(month__lte=12), name="stats_dossier_month_0_to_12"
            ),
        ]

    def __str__(self):
        return f"{self.get_month_display()} {self.year} – {self.get_level_display()}"

    def clean(self):
        super().clean()
        if (
            self.received is not None
            and self.received_online is not None
            and self.received_online > self.received
        ):
            raise ValidationError(
                {"received_online": _("Số hồ sơ trực tuyến không được lớn hơn số hồ sơ tiếp nhận.")}
            )
