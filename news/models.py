from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from search.site_search import FoldedSearchMixin


class NewsIndexPage(Page):
    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang tin tức")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = NewsPage.objects.live().public().child_of(self).order_by("-date")[:20]
        return context


class NewsPage(FoldedSearchMixin, Page):
    date = models.DateTimeField(_("ngày đăng"), default=timezone.now)
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    lead = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("nội dung"))

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("author"),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("bài viết")
