"""Lịch công tác: the leaders' work schedule, one editable week at a time.

A week (`ScheduleWeek`, Monday to Sunday in Asia/Ho_Chi_Minh) holds its entries inline, so
an editor fills in a whole week on one form (or starts it from a copy of the week before).
Visitors see published weeks only. Once a week is published, an entry added or changed is
marked "điều chỉnh" with the time of the change, as provincial portals do for schedules
announced in advance.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from government.forms import ScheduleWeekForm
from home.route_cache import KnownRestrictionsMixin
from home.route_trail import RouteTrailMixin
from home.slugs import AsciiSlugMixin

# What makes an entry "the same" for visitors: changing one of these after publication
# marks the entry "điều chỉnh".
VISIBLE_FIELDS = (
    "leader_id",
    "day",
    "start_time",
    "end_time",
    "content",
    "place",
    "participants",
    "preparing_unit",
)


class WorkSchedulePage(
    AsciiSlugMixin, KnownRestrictionsMixin, RouteTrailMixin, RoutablePageMixin, Page
):
    """The public week view, print view and iCalendar feeds (see government/schedule_views.py)."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields

    class Meta:
        verbose_name = _("trang lịch công tác")

    @path("")
    def week(self, request):
        from government.schedule_views import week_view

        return week_view(self, request)

    @path("lanh-dao/<slug:slug>/")
    def leader_week(self, request, slug):
        from government.schedule_views import week_view

        return week_view(self, request, leader_slug=slug)

    @path("ical/")
    def calendar(self, request):
        from government.schedule_views import calendar_feed

        return calendar_feed(self, request)

    @path("lanh-dao/<slug:slug>/ical/")
    def leader_calendar(self, request, slug):
        from government.schedule_views import calendar_feed

        return calendar_feed(self, request, leader_slug=slug)


class ScheduleWeek(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        PUBLISHED = "published", _("Đã công bố")

    monday = models.DateField(_("tuần bắt đầu từ thứ Hai"), unique=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True, editable=False)
    note = models.TextField(_("ghi chú chung"), blank=True)

    base_form_class = ScheduleWeekForm
    panels = [
        FieldRowPanel([FieldPanel("monday"), FieldPanel("status")]),
        FieldPanel("copy_previous"),
        FieldPanel("note"),
        InlinePanel("entries", label=_("Công việc trong tuần")),
    ]

    class Meta:
        ordering = ["-monday"]
        verbose_name = _("lịch công tác tuần")
        verbose_name_plural = _("lịch công tác tuần")

    def __str__(self):
        sunday = self.monday + timezone.timedelta(days=6)
        return _("Tuần %(start)s – %(end)s") % {
            "start": self.monday.strftime("%d/%m/%Y"),
            "end": sunday.strftime("%d/%m/%Y"),
        }

    def save(self, *args, **kwargs):
        # Entries saved along with the first publication are the schedule as announced,
        # not adjustments to it.
        self._publishing_now = self.is_published and self.published_at is None
        if self._publishing_now:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.monday and self.monday.weekday() != 0:
            raise ValidationError({"monday": _("Tuần làm việc bắt đầu từ thứ Hai.")})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class ScheduleEntry(models.Model):
    week = ParentalKey(ScheduleWeek, on_delete=models.CASCADE, related_name="entries")
    leader = models.ForeignKey(
        "government.LeaderPage",
        verbose_name=_("lãnh đạo"),
        on_delete=models.PROTECT,
        related_name="schedule_entries",
    )
    day = models.DateField(_("ngày"))
    start_time = models.TimeField(_("giờ bắt đầu"))
    end_time = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    content = models.TextField(_("nội dung"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    participants = models.CharField(_("thành phần"), max_length=500, blank=True)
    preparing_unit = models.CharField(_("đơn vị chuẩn bị"), max_length=255, blank=True)
    adjusted_at = models.DateTimeField(_("điều chỉnh lúc"), null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("leader"),
        FieldPanel("content"),
        FieldPanel("place"),
        FieldPanel("participants"),
        FieldPanel("preparing_unit"),
    ]

    class Meta:
        ordering = ["day", "start_time", "pk"]
        verbose_name = _("công việc")
        verbose_name_plural = _("công việc")

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.start_time:%H:%M} {self.content[:60]}"

    def save(self, *args, **kwargs):
        week = self.week
        announced = week.published_at is not None and not getattr(week, "_publishing_now", False)
        if announced and self._changed_since_saved():
            self.adjusted_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        week = self.week if self.week_id else None
        if week is not None and week.monday and self.day:
            offset = (self.day - week.monday).days
            if not 0 <= offset <= 6:
                raise ValidationError({"day": _("Ngày này không thuộc tuần đang soạn.")})
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Giờ kết thúc phải sau giờ bắt đầu.")})

    def _changed_since_saved(self):
        if self.pk is None:
            return True
        saved = ScheduleEntry.objects.filter(pk=self.pk).values(*VISIBLE_FIELDS).first()
        if saved is None:
            return True
        return any(saved[name] != getattr(self, name) for name in VISIBLE_FIELDS)

    @property
    def adjusted(self):
        return self.adjusted_at is not None
