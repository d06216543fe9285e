from functools import cache as cache_once
from functools import partial

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.search import index

from home.route_cache import KnownRestrictionsMixin
from home.slugs import AsciiSlugMixin
from news.blocks import ArticleBodyBlock
from news.forms import NewsPageForm
from news.models.listing_version import NewsListingVersion
from sitesearch.site_search import FoldedSearchMixin

# Sub-paths of the news index served by its routes; an article may not take these slugs.
ROUTE_SLUGS = frozenset({"chuyen-muc", "theo-ngay", "rss"})
PRINT_PARAMETER = "ban-in"


class NewsPage(AsciiSlugMixin, KnownRestrictionsMixin, FoldedSearchMixin, Page):
    """One article (bài viết) under a news index."""

    date = models.DateTimeField(
        _("ngày đăng"),
        default=timezone.now,
        db_index=True,
        help_text=_("Ngày giờ đăng hiển thị cho người đọc; tin được xếp theo ngày này."),
    )
    category = models.ForeignKey(
        "news.NewsCategory",
        verbose_name=_("chuyên mục"),
        null=True,
        blank=True,  # required in the admin form (NewsPageForm); imports may leave it out
        on_delete=models.PROTECT,
        related_name="articles",
    )
    lead = models.TextField(
        _("tóm tắt"), blank=True, help_text=_("Một hai câu in đậm dưới tiêu đề.")
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("nội dung"), blank=True)
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    source = models.CharField(
        _("nguồn tin"), max_length=255, blank=True, help_text=_("Ví dụ: Sở Nội vụ.")
    )
    featured = models.BooleanField(
        _("tin nổi bật"), default=False, help_text=_("Hiện trong mục tin nổi bật ở trang chủ.")
    )
    # The news index that lists this article while it is live, else NULL: a copy of Wagtail's
    # `live` and parent kept on this table so that lists, counts and deep pages read one
    # narrow index instead of joining wagtailcore_page (see news.listing, news.signal_handlers).
    listed_in = models.ForeignKey(
        "news.NewsIndexPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    base_form_class = NewsPageForm
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("category", widget=forms.Select)]),
                FieldRowPanel([FieldPanel("author"), FieldPanel("source")]),
                FieldPanel("featured"),
            ],
            heading=_("Thông tin bài viết"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
        index.FilterField("category"),
        index.FilterField("featured"),
    ]

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        indexes = [
            # Index and by-date pages: WHERE listed_in_id = … ORDER BY date DESC, id DESC.
            models.Index(fields=["listed_in", "date", "page_ptr"], name="news_listing_idx"),
            # Category pages and "Các tin khác".
            models.Index(
                fields=["listed_in", "category", "date", "page_ptr"],
                name="news_category_listing_idx",
            ),
            models.Index(fields=["date"], condition=Q(featured=True), name="news_featured_idx"),
        ]

    def save(self, *args, **kwargs):
        if not self.body and getattr(self.body, "raw_text", None):
            # HTML given as the body (an import, or code written for the old rich-text
            # field) becomes one paragraph instead of text the JSON column would refuse.
            self.body = [("paragraph", RichText(self.body.raw_text))]
        was_listed_in = self.listed_in_id
        self.listed_in_id = self.listing_index_id()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "live" in update_fields:
            kwargs["update_fields"] = {*update_fields, "listed_in"}
        result = super().save(*args, **kwargs)
        # The index it leaves too: unpublishing sets listed_in to NULL here, so the
        # page_unpublished receiver finds nothing changed and would bump nothing.
        for index_id in {was_listed_in, self.listed_in_id} - {None}:
            NewsListingVersion.bump(index_id)
        return result

    def listing_index_id(self):
        if not self.live or not self.path:
            return None
        parent_path = self.path[: -self.steplen]
        return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in ROUTE_SLUGS:
            errors["slug"] = _(
                "Đường dẫn này dành cho các trang của mục tin tức; hãy chọn đường dẫn khác."
            )
        if self.image is not None and not self.image.description.strip():
            errors["image"] = _(
                "Ảnh này chưa có mô tả (văn bản thay thế); hãy bổ sung mô tả trong thư viện ảnh."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def updated_at(self):
        """ "Ngày cập nhật": when the current live version was published."""
        return self.last_published_at or self.date

    @property
    def byline(self):
        return " – ".join(part for part in (self.author, self.source) if part)

    def page_cache_purge_paths(self):
        """What publishing or unpublishing this article purges (ops.pagecache)."""
        from news.page_cache import article_paths

        return article_paths(self)

    def get_template(self, request, *args, **kwargs):
        if request.GET.get(PRINT_PARAMETER):
            return "news/news_page_print.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """The article's context. What depends only on published content ("Các tin khác",
        share links, OpenGraph, JSON-LD) is given as callables: the template calls them only
        when it rebuilds its cached fragments ({% wagtailpagecache %} in news_page.html), so a
        warm article runs none of their queries or rendition look-ups. OpenGraph is printed
        by the site-wide head (includes/seo_head.html), outside those fragments, so its tags
        are cached under the same key parts."""
        from news import listing, structured_data

        context = super().get_context(request, *args, **kwargs)
        news_index = getattr(request, "news_index", None)  # set while routing here
        if news_index is None or news_index.path != self.path[: -self.steplen]:
            news_index = listing.parent_index(self)  # previews are not routed
        if news_index is not None:
            news_index.prepare_links(request)

        def other_news():
            found = listing.other_news(self, news_index)
            if news_index is not None:
                news_index.link_articles([self, *found])
            return found

        @cache_once  # the head asks twice ({% if %}, then {% for %}): one cache read
        def opengraph():
            compute = partial(structured_data.opengraph, self, request)
            if getattr(request, "is_preview", False):
                return compute()
            site = Site.find_for_request(request)
            vary = [self.cache_key, site.pk if site else None, get_language()]
            if news_index is not None:
                vary += [news_index.cache_key, news_index.listing_version]
            key = make_template_fragment_key("news-article-opengraph", vary)
            return cache.get_or_set(key, compute, settings.FRAGMENT_CACHE_SECONDS)

        context["news_index"] = news_index
        context["other_news"] = other_news
        context["share_links"] = partial(structured_data.share_links, self, request)
        context["opengraph"] = opengraph
        context["json_ld"] = partial(structured_data.news_article_json_ld, self, request)
        context["fragment_seconds"] = settings.FRAGMENT_CACHE_SECONDS
        return context
