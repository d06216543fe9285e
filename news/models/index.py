from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home import route_trail
from home.route_cache import KnownRestrictionsMixin
from home.route_trail import RouteTrailMixin
from home.slugs import AsciiSlugMixin
from news.models.article import NewsPage
from news.models.category import NewsCategory
from news.models.listing_version import NewsListingVersion

PAGE_PARAMETER = "trang"
CACHE_SECONDS = 24 * 3600


class NewsIndexPage(
    AsciiSlugMixin, KnownRestrictionsMixin, RouteTrailMixin, RoutablePageMixin, Page
):
    """ "Tin tức": the newest articles first, one list per category, news by date, feeds."""

    intro = models.TextField(gettext_lazy("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = gettext_lazy("trang tin tức")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prepare_links(request)
        context["news_index"] = self
        context["categories"] = self.categories
        context["feed_url"] = self.feed_url
        context["fragment_seconds"] = settings.FRAGMENT_CACHE_SECONDS
        return context

    def get_cached_paths(self):
        """Every list and feed under this index, relative to it (Wagtail's front-end cache
        API; news.page_cache purges them when an article changes)."""
        paths = ["/", "/" + self.reverse_subpage("feed"), "/" + self.reverse_subpage("by_date")]
        for category in NewsCategory.objects.all():
            kwargs = {"slug": category.slug}
            paths.append("/" + self.reverse_subpage("category", kwargs=kwargs))
            paths.append("/" + self.reverse_subpage("category_feed", kwargs=kwargs))
        return paths

    def subpage_url(self, request, name, **kwargs):
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs or None)

    def prepare_links(self, request):
        """Work out once per request the links every list repeats (the template tags cost
        about a millisecond each, and a list page has forty of them)."""
        if getattr(self, "base_url", None) is not None:
            return
        self.base_url = self.get_url(request)
        self.feed_url = self.base_url + self.reverse_subpage("feed")
        self.by_date_url = self.base_url + self.reverse_subpage("by_date")
        for category in self.categories:
            kwargs = {"slug": category.slug}
            category.list_url = self.base_url + self.reverse_subpage("category", kwargs=kwargs)
            category.feed_url = self.base_url + self.reverse_subpage("category_feed", kwargs=kwargs)

    def link_articles(self, articles):
        """Give listed articles their address and this request's category objects."""
        by_id = {category.pk: category for category in self.categories}
        for article in articles:
            article.list_url = f"{self.base_url}{article.slug}/"
            if article.category_id in by_id:
                article.category = by_id[article.category_id]
        return articles

    def route(self, request, path_components):
        """An article is found in one query instead of `super().route()`'s walk: measured on
        the demo portal, warm, an article costs 9 queries this way and 12 through Wagtail's
        own routing (the child page, its specific row and the image, each a query)."""
        # Wagtail loads this index on the way to an article; the article page reuses it.
        request.news_index = self
        article = self._routed_article(path_components)
        if article is not None:
            route_trail.remember(request, self)  # super().route is skipped
            return article.route(request, [])
        return super().route(request, path_components)

    def _routed_article(self, path_components):
        """The article at /<index>/<slug>/ with its picture, in one query (Wagtail takes three:
        the child page, its specific row, the image). Sub-routes (rss, theo-ngay…) come first."""
        if len(path_components) != 1 or not self.live:
            return None
        try:
            self.resolve_subpage(f"/{path_components[0]}/")
        except Http404:
            pass
        else:
            return None
        articles = NewsPage.objects.child_of(self).select_related("image")
        return articles.filter(slug=path_components[0]).first()

    @property
    def listing_version(self):
        """NewsListingVersion for this index, read once per request."""
        if not hasattr(self, "_listing_version"):
            self._listing_version = NewsListingVersion.current(self.pk)
        return self._listing_version

    def _cached(self, name, compute):
        key = f"news-{name}:{self.pk}:{self.listing_version}"
        return cache.get_or_set(key, compute, CACHE_SECONDS)

    @property
    def categories(self):
        """All categories, from the cache while the listing version stands (a category
        saved or deleted bumps it)."""
        if not hasattr(self, "_categories"):
            self._categories = self._cached("categories", lambda: list(NewsCategory.objects.all()))
        return self._categories

    @property
    def private_paths(self):
        """Paths of private sections (PageViewRestriction), cached like the categories."""
        if not hasattr(self, "_private_paths"):
            self._private_paths = self._cached(
                "private",
                lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
            )
        return self._private_paths

    def category_by_slug(self, slug):
        for category in self.categories:
            if category.slug == slug:
                return category
        raise Http404(_("Không có chuyên mục này."))

    # --- routes -------------------------------------------------------------------------

    @path("", name="index")
    def index_view(self, request):
        from news import listing

        return self.render_list(
            request, listing.published_under(self), listing.count_key(self, "all")
        )

    @path("chuyen-muc/<slug:slug>/", name="category")
    def category_view(self, request, slug):
        from news import listing

        category = self.category_by_slug(slug)
        self.prepare_links(request)
        articles = listing.published_under(self).filter(category=category)
        return self.render_list(
            request,
            articles,
            listing.count_key(self, "category", category.pk),
            category=category,
            feed_url=category.feed_url,
            og_title=category.name,
        )

    @path("rss/", name="feed")
    def feed_view(self, request):
        from news.feeds import ArticleFeed

        return ArticleFeed(self)(request)

    @path("chuyen-muc/<slug:slug>/rss/", name="category_feed")
    def category_feed_view(self, request, slug):
        from news.feeds import ArticleFeed

        return ArticleFeed(self, self.category_by_slug(slug))(request)

    @path("theo-ngay/", name="by_date")
    def by_date_view(self, request):
        from news.by_date import ByDate

        return ByDate(self, request).response()

    # --- rendering ----------------------------------------------------------------------

    def render_list(self, request, articles, count_key, **context):
        from news import listing

        raw_number = request.GET.get(PAGE_PARAMETER)
        page, problem, status = listing.page_or_problem(
            articles, raw_number, count_key, prepare=self.link_articles
        )
        if problem:
            return self.render_error(request, problem, status=status)
        self.prepare_links(request)
        context["articles"] = page
        return self.render(request, context_overrides=context)

    def render_error(self, request, message, status, template="news/news_error.html", **extra):
        context = self.get_context(request)
        context.update(extra, error_message=message, today=timezone.localdate())
        return TemplateResponse(request, template, context, status=status)
