"""News pages and their categories; one module per model, re-exported here."""

from news.models.article import NewsPage
from news.models.category import NewsCategory
from news.models.index import NewsIndexPage
from news.models.listing_version import NewsListingVersion

__all__ = ["NewsCategory", "NewsIndexPage", "NewsListingVersion", "NewsPage"]
