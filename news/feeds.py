"""RSS 2.0 feeds of the latest articles: all news, and one per category."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from news import listing

FEED_SIZE = 20


class ArticleFeed(Feed):
    language = "vi"

    def __init__(self, index, category=None):
        super().__init__()
        self.index = index
        self.category = category
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.category

    def title(self, category):
        if category is None:
            return self.index.title
        return _("%(index)s – %(category)s") % {"index": self.index.title, "category": category}

    def link(self, category):
        return self.index.get_url(self.request)

    def description(self, category):
        if category is not None and category.description:
            return category.description
        return self.index.intro or self.index.title

    def items(self, category):
        articles = listing.published_under(self.index)
        if category is not None:
            articles = articles.filter(category=category)
        return listing.for_listing(articles)[:FEED_SIZE]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return escape(article.lead or article.search_description)

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return timezone.localtime(article.date)

    def item_updateddate(self, article):
        return timezone.localtime(article.updated_at)

    def item_author_name(self, article):
        return article.byline or None

    def item_categories(self, article):
        return [article.category.name] if article.category else []
