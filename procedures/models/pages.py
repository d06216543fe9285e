from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.route_cache import KnownRestrictionsMixin
from home.slugs import AsciiSlugMixin


class ProcedureDirectoryPage(AsciiSlugMixin, KnownRestrictionsMixin, Page):
    """The procedure directory (Thủ tục hành chính): hosts search and detail views.

    The page itself is the search (procedures/views.py). A procedure's page is
    `<this page's URL><code>/` and its print view `<code>/in/`; codes contain dots, which
    Wagtail's page URLs do not allow, so procedures/urls.py routes them to this page's views.
    """

    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang thủ tục hành chính")

    def serve(self, request, *args, **kwargs):
        from procedures import views

        return views.directory_search(request, self)
