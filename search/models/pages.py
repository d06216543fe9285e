from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

CODE_IN_URL = r"(?P<code>\d{1,2}\.\d{6}(?:\.[A-Za-z0-9]{1,10})?)"


class ProcedureDirectoryPage(RoutablePageMixin, Page):
    """The procedure directory (Thủ tục hành chính): hosts search and detail views."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang thủ tục hành chính")

    @path("")
    def search_view(self, request):
        from search import views

        return views.directory_search(request, self)

    @re_path(rf"^{CODE_IN_URL}/$")
    def detail_view(self, request, code):
        from search import views

        return views.procedure_detail(request, self, code)

    @re_path(rf"^{CODE_IN_URL}/in/$")
    def print_view(self, request, code):
        from search import views

        return views.procedure_detail(request, self, code, printable=True)

    def procedure_url(self, code, request=None):
        return self.get_url(request) + code + "/"
