"""Thông báo and Thông cáo báo chí, valid between two dates, and the spokesperson page.

Announcements are snippets shown under one `AnnouncementIndexPage` (`/thong-bao/`, one
address each: `/thong-bao/<id>/`); the home page lists those valid now. The spokesperson
page publishes who speaks for the province to the press, as Decree 09/2017 Art. 2 requires
(name, position, phone, e-mail).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.route_cache import KnownRestrictionsMixin
from home.route_trail import RouteTrailMixin
from home.slugs import AsciiSlugMixin
from sitesearch.site_search import FoldedSearchMixin


class AnnouncementQuerySet(models.QuerySet):
    def valid(self, at=None):
        """Valid at `at` (now): started, and not yet ended."""
        at = at or timezone.now()
        not_ended = Q(valid_until__isnull=True) | Q(valid_until__gt=at)
        return self.filter(not_ended, valid_from__lte=at)


class Announcement(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        NOTICE = "thong-bao", _("Thông báo")
        PRESS = "thong-cao-bao-chi", _("Thông cáo báo chí")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.NOTICE)
    title = models.CharField(_("tiêu đề"), max_length=255)
    number = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("nội dung"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp đính kèm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    valid_from = models.DateTimeField(_("hiệu lực từ"), default=timezone.now)
    valid_until = models.DateTimeField(
        _("hiệu lực đến"), null=True, blank=True, help_text=_("Để trống: không thời hạn.")
    )
    issued_by = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)

    objects = AnnouncementQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
        FieldPanel("title"),
        FieldPanel("issued_by"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["-valid_from", "-pk"]
        verbose_name = _("thông báo, thông cáo báo chí")
        verbose_name_plural = _("thông báo, thông cáo báo chí")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        index_page = AnnouncementIndexPage.objects.live().filter(locale__language_code="vi").first()
        if index_page is None:
            return None
        return index_page.url + index_page.reverse_subpage("detail", args=(self.pk,))

    def clean(self):
        super().clean()
        if self.valid_until and self.valid_from and self.valid_until <= self.valid_from:
            raise ValidationError({"valid_until": _("Ngày hết hiệu lực phải sau ngày bắt đầu.")})

    def is_valid(self, at=None):
        at = at or timezone.now()
        return self.valid_from <= at and (self.valid_until is None or at < self.valid_until)


class AnnouncementIndexPage(
    AsciiSlugMixin, KnownRestrictionsMixin, RouteTrailMixin, RoutablePageMixin, Page
):
    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["government.SpokespersonPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields

    class Meta:
        verbose_name = _("trang thông báo")

    @path("")
    def listing(self, request):
        from government.announcement_views import listing

        return listing(self, request)

    @path("<int:pk>/")
    def detail(self, request, pk):
        from government.announcement_views import detail

        return detail(self, request, pk)


class SpokespersonPage(
    AsciiSlugMixin, KnownRestrictionsMixin, RouteTrailMixin, FoldedSearchMixin, Page
):
    """Người phát ngôn (Decree 09/2017/NĐ-CP)."""

    body = RichTextField(_("nội dung"), blank=True)

    parent_page_types = ["government.AnnouncementIndexPage", "home.HomePage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("body"),
        InlinePanel("spokespersons", label=_("Người phát ngôn"), min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("trang người phát ngôn")


class Spokesperson(Orderable):
    page = ParentalKey(SpokespersonPage, on_delete=models.CASCADE, related_name="spokespersons")
    name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255)
    role = models.CharField(
        _("vai trò"),
        max_length=100,
        default=_("Người phát ngôn"),
        help_text=_("Người phát ngôn, hoặc người được ủy quyền phát ngôn."),
    )
    phone = models.CharField(_("điện thoại"), max_length=50)
    email = models.EmailField(_("thư điện tử"))

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("role"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("người phát ngôn")

    def __str__(self):
        return self.name
