from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from home.route_cache import KnownRestrictionsMixin
from home.slugs import AsciiSlugMixin


class DialogueIndexPage(AsciiSlugMixin, KnownRestrictionsMixin, RoutablePageMixin, Page):
    """ "Trao đổi và tháo gỡ": the public archive of answered questions, the question form,
    the status lookup, statistics and the RSS feed, all under this one page."""

    intro = models.TextField(_("giới thiệu"), blank=True)
    privacy_notice = models.TextField(
        _("thông báo về dữ liệu cá nhân"),
        blank=True,
        help_text=_("Hiện phía trên biểu mẫu gửi câu hỏi; để trống dùng nội dung mặc định."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("privacy_notice")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang trao đổi và tháo gỡ")

    # The routes below import their views when called: the views import these models, so a
    # module-level import would be circular.

    def subpage_url(self, name, *args, request=None):
        return (self.get_url(request) or "/") + self.reverse_subpage(name, args=args)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["urls"] = {
            name: self.subpage_url(name, request=request)
            for name in ("archive", "ask", "lookup", "statistics", "feed")
        }
        return context

    @path("", name="archive")
    def archive(self, request):
        from dialogue.views import archive

        return archive.archive(self, request)

    @path("<int:pk>/", name="detail")
    def detail(self, request, pk):
        from dialogue.views import archive

        return archive.detail(self, request, pk)

    @path("gui-cau-hoi/", name="ask")
    def ask(self, request):
        from dialogue.views import asking

        return asking.ask(self, request)

    @path("tra-cuu/", name="lookup")
    def lookup(self, request):
        from dialogue.views import asking

        return asking.lookup(self, request)

    @path("thong-ke/", name="statistics")
    def statistics(self, request):
        from dialogue.views import archive

        return archive.statistics(self, request)

    @path("rss/", name="feed")
    def feed(self, request):
        from dialogue.feeds import PublishedQuestionsFeed

        return PublishedQuestionsFeed(self)(request)
