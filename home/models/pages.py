from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.route_cache import KnownRestrictionsMixin
from home.route_trail import RouteTrailMixin
from home.slugs import AsciiSlugMixin
from sitesearch.site_search import FoldedSearchMixin


class HomePage(AsciiSlugMixin, KnownRestrictionsMixin, RouteTrailMixin, Page):
    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "dialogue.DialogueIndexPage",
        "search.ProcedureDirectoryPage",
        "home.StandardPage",
        "home.ContactPage",
        "stats.StatisticsPage",
        "government.OrganisationIndexPage",
        "government.WorkSchedulePage",
        "government.AnnouncementIndexPage",
        "government.SpokespersonPage",
        "documents.DocumentIndexPage",
        "documents.ConsultationIndexPage",
    ]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("portal_links", label=_("Liên kết cổng quốc gia")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from home import front_page

        context = super().get_context(request, *args, **kwargs)
        context.update(front_page.sections(self, request))
        return context


class NationalPortalLink(Orderable):
    """Links to related portals (dichvucong.gov.vn, ...), Decree 42/2022 Art. 7."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="portal_links")
    title = models.CharField(_("tên"), max_length=255)
    url = models.URLField(_("địa chỉ"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("biểu trưng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Biểu trưng của cổng, hiện bên cạnh tên (ảnh vuông)."),
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("logo")]

    class Meta(Orderable.Meta):
        verbose_name = _("liên kết cổng quốc gia")

    def __str__(self):
        return self.title


class StandardPage(
    AsciiSlugMixin, KnownRestrictionsMixin, RouteTrailMixin, FoldedSearchMixin, Page
):
    """Guidance and information pages (Hướng dẫn, Cơ cấu tổ chức, ...)."""

    intro = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("nội dung"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("trang nội dung")


class ContactPage(AsciiSlugMixin, KnownRestrictionsMixin, FoldedSearchMixin, Page):
    """Contact details and contact officials, as Decree 42/2022 Art. 4 requires."""

    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    body = RichTextField(_("nội dung"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Liên hệ"),
        ),
        FieldPanel("body"),
        InlinePanel("officials", label=_("Cán bộ đầu mối")),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("trang liên hệ")


class ContactOfficial(Orderable):
    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="officials")
    name = models.CharField(_("họ và tên"), max_length=255)
    title = models.CharField(_("chức vụ"), max_length=255)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("phone"), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("cán bộ đầu mối")

    def __str__(self):
        return self.name
