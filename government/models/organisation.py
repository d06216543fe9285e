"""Cơ cấu tổ chức: the province's bodies and their leaders as pages.

Units and leaders are Wagtail pages, so each has its own address, an English translation
under /en/ (Decree 42/2022 Art. 7 asks structure, functions and contacts in English), the
sitemap, revisions and the page search for free. The tree of units *is* the page tree:
the People's Committee, its departments, public service units and the communes sit under
one `OrganisationIndexPage` (`/co-cau-to-chuc/`), and a unit's leaders are its child pages.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.route_cache import KnownRestrictionsMixin
from home.route_trail import RouteTrailMixin
from home.slugs import AsciiSlugMixin
from sitesearch.site_search import FoldedSearchMixin


def parent_page(page, request):
    """`page`'s parent, specific: the one routing walked through (no query), else read."""
    for walked in reversed(getattr(request, "portal_route_trail", None) or []):
        if walked.depth == page.depth - 1 and page.path.startswith(walked.path):
            return walked.specific if type(walked) is Page else walked
    return page.get_parent().specific


class OrganisationIndexPage(
    AsciiSlugMixin, KnownRestrictionsMixin, RouteTrailMixin, FoldedSearchMixin, Page
):
    """The navigable tree of units (replaces the old free-text "Cơ cấu tổ chức" page)."""

    intro = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("nội dung"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["government.UnitPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("trang cơ cấu tổ chức")

    def get_context(self, request, *args, **kwargs):
        from government.organisation import unit_tree

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = unit_tree(self)
        return context


class Addressee(models.Model):
    """What makes a unit or a leader an addressee of the dialogue form ("Gửi tới").

    government/addressees.py writes the dialogue's `Agency` from these when the page is
    published, so the form's list and the organisation are one set of data.
    """

    accepts_questions = models.BooleanField(
        _("nhận câu hỏi của người dân"),
        default=False,
        help_text=_("Hiện trong danh sách “Gửi tới” của mục Trao đổi và tháo gỡ."),
    )
    dialogue_agency = models.ForeignKey(
        "dialogue.Agency",
        verbose_name=_("địa chỉ nhận câu hỏi trong mục Trao đổi và tháo gỡ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Tự điền khi trang được xuất bản; chọn một mục có sẵn để giữ các câu hỏi đã gửi tới."
        ),
    )

    addressee_panels = [FieldPanel("accepts_questions"), FieldPanel("dialogue_agency")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.title  # as Page's own: these are pages


class UnitPage(
    AsciiSlugMixin, KnownRestrictionsMixin, RouteTrailMixin, FoldedSearchMixin, Addressee, Page
):
    """One body: its functions, contacts and leaders (its child pages)."""

    class Kind(models.TextChoices):
        COMMITTEE = "ubnd", _("Ủy ban nhân dân")
        DEPARTMENT = "so-nganh", _("Sở, ban, ngành")
        PUBLIC_SERVICE = "su-nghiep", _("Đơn vị sự nghiệp")
        COMMUNE = "xa-phuong", _("Xã, phường")
        OTHER = "khac", _("Đơn vị khác")

    kind = models.CharField(_("loại đơn vị"), max_length=12, choices=Kind.choices)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    functions = RichTextField(_("chức năng, nhiệm vụ"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang thông tin điện tử"), blank=True)
    division_code = models.PositiveIntegerField(
        _("mã đơn vị hành chính"),
        null=True,
        blank=True,
        help_text=_("Với xã, phường: mã theo danh mục đơn vị hành chính từ 01/7/2025."),
    )

    parent_page_types = ["government.OrganisationIndexPage", "government.UnitPage"]
    subpage_types = ["government.UnitPage", "government.LeaderPage"]
    content_panels = (
        Page.content_panels
        + [
            FieldPanel("kind"),
            FieldPanel("short_name"),
            FieldPanel("functions"),
            MultiFieldPanel(
                [
                    FieldPanel("address"),
                    FieldPanel("phone"),
                    FieldPanel("fax"),
                    FieldPanel("email"),
                    FieldPanel("website"),
                ],
                heading=_("Liên hệ"),
            ),
            FieldPanel("division_code"),
        ]
        + Addressee.addressee_panels
    )
    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("functions"),
        index.SearchField("address"),
        index.SearchField("phone"),
        index.SearchField("email"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Leaders, then sub-units only when there are children left over: most units have
        # none, and this keeps a unit page at two queries for its children.
        private = LeaderPage.objects.none().private_q()
        leaders = list(LeaderPage.objects.child_of(self).live().exclude(private).order_by("path"))
        units = []
        if self.numchild > len(leaders):
            units = list(UnitPage.objects.child_of(self).live().exclude(private).order_by("path"))
        context["leaders"], context["units"] = leaders, units
        context["parent_unit"] = parent_page(self, request)
        return context

    def json_ld(self, request=None):
        from government.organisation import unit_json_ld

        return unit_json_ld(self, request)


class LeaderPage(
    AsciiSlugMixin, KnownRestrictionsMixin, RouteTrailMixin, FoldedSearchMixin, Addressee, Page
):
    """A leader (lãnh đạo): the page title is the person's name."""

    position = models.CharField(
        _("chức vụ"), max_length=255, help_text=_("Ví dụ: Phó Chủ tịch Ủy ban nhân dân tỉnh.")
    )
    portfolio = models.TextField(_("lĩnh vực phụ trách"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("mô tả ảnh (văn bản thay thế)"),
        max_length=255,
        blank=True,
        help_text=_("Bắt buộc khi có ảnh: mô tả ảnh cho người không xem được ảnh."),
    )
    biography = RichTextField(_("tiểu sử tóm tắt"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    is_chair = models.BooleanField(
        _("người đứng đầu đơn vị"),
        default=False,
        help_text=_("Chủ tịch, Giám đốc, Trưởng ban…: hiện trước các lãnh đạo khác."),
    )

    parent_page_types = ["government.UnitPage"]
    subpage_types = []
    content_panels = (
        Page.content_panels
        + [
            FieldPanel("position"),
            FieldPanel("is_chair"),
            FieldPanel("portfolio"),
            MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Ảnh")),
            FieldPanel("biography"),
            MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Liên hệ")),
        ]
        + Addressee.addressee_panels
    )
    search_fields = Page.search_fields + [
        index.SearchField("position"),
        index.SearchField("portfolio"),
        index.SearchField("phone"),
        index.SearchField("email"),
    ]

    class Meta:
        verbose_name = _("lãnh đạo")
        verbose_name_plural = _("lãnh đạo")

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": _("Ảnh lãnh đạo cần có mô tả (văn bản thay thế).")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unit"] = parent_page(self, request)
        return context

    def json_ld(self, request=None):
        from government.organisation import leader_json_ld

        return leader_json_ld(self, request)
