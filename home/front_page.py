"""What the home page shows, gathered in one place so each section is easy to extend.

News comes from the home page's news index (`news.NewsIndexPage`): the newest article is
shown with its lead, then the latest others, the articles marked "tin nổi bật", and the
latest of each category; all but the featured ones come from one query. Sections that belong
to other parts of the portal (recently answered questions, key statistics) are *slots*:
their app registers a provider in `AppConfig.ready()`:

    from home import front_page
    front_page.register("recent_answers", lambda home, request: [...])

A provider returns a list of dicts; an empty list (or no provider) renders nothing.
- "recent_answers": {"title", "url", "date"} — questions answered most recently.
- "key_statistics": {"label", "value", "url" (optional)} — e.g. procedures online.
- "announcements": {"live": name} — a live fragment filled outside the page cache
  (government/live.py): announcements valid now.

Providers find their section's page with `section_page(home, request, "app.Model")`: the
home page's live, public children are read once per request for every section, so a slot
costs only its own data (the home page renders in at most 15 queries:
tests/ops/test_query_counts.py).
"""

import logging

from django.apps import apps
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from wagtail.models import Page, PageViewRestriction

logger = logging.getLogger(__name__)

LATEST_NEWS_COUNT = 5
FEATURED_NEWS_COUNT = 4
NEWS_PER_CATEGORY = 3
SLOTS = ("recent_answers", "key_statistics", "announcements")
_providers = {slot: [] for slot in SLOTS}


def register(slot, provider):
    if slot not in _providers:
        raise ValueError(f"Unknown home page slot {slot!r}; choose one of {SLOTS}.")
    _providers[slot].append(provider)
    return provider


# --- the home page's sections ----------------------------------------------------------


class Sections:
    """The live, public children of one home page, by page type, read in one query.

    Pages come back in their specific class with only the base page's fields loaded
    (`specific_deferred`), which is all a link or a routable sub-page URL needs.
    """

    def __init__(self, home, request=None):
        self.home = home
        self.request = request
        self._by_model = None
        self._private_paths = None

    @property
    def private_paths(self):
        """Paths of private pages: the news index's cached list, else one query."""
        if self._private_paths is None:
            self._private_paths = self._read_private_paths()
        return self._private_paths

    def _read_private_paths(self):
        news_index = self._children().get(apps.get_model("news.NewsIndexPage"))
        if news_index is not None:
            return list(news_index.private_paths)
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))

    def _children(self):
        if self._by_model is None:
            self._by_model = {}
            for page in Page.objects.live().child_of(self.home).order_by("path"):
                model = page.specific_class
                if model is not None and model not in self._by_model:
                    self._by_model[model] = page.specific_deferred
        return self._by_model

    def is_public(self, page):
        return not any(page.path.startswith(path) for path in self.private_paths)

    def get(self, label):
        page = self._children().get(apps.get_model(label))
        return page if page is not None and self.is_public(page) else None


def sections_for(home, request):
    """This request's `Sections` of `home` (shared by every slot provider)."""
    if request is None:
        return Sections(home)
    cached = getattr(request, "_front_page_sections", None)
    if cached is None or cached.home.pk != home.pk:
        cached = Sections(home, request)
        request._front_page_sections = cached
    return cached


def section_page(home, request, label):
    """The live, public page of type `label` ("app.Model") under `home`, or None."""
    return sections_for(home, request).get(label)


# --- news -------------------------------------------------------------------------------


def published_news(news_index, sections):
    news_page = apps.get_model("news", "NewsPage")
    articles = news_page.objects.filter(listed_in=news_index)
    for path in sections.private_paths:
        articles = articles.exclude(path__startswith=path)
    return articles


def latest_and_by_category(news_index, sections):
    """(the latest articles, the latest few of each category), from one query."""
    newest = [F("date").desc(), F("pk").desc()]
    rows = list(
        published_news(news_index, sections)
        .defer_streamfields()
        .annotate(
            overall=Window(RowNumber(), order_by=newest),
            in_category=Window(RowNumber(), partition_by=[F("category_id")], order_by=newest),
        )
        .filter(Q(overall__lte=LATEST_NEWS_COUNT + 1) | Q(in_category__lte=NEWS_PER_CATEGORY))
        .order_by("-date", "-pk")
    )
    news_index.prepare_links(sections.request)
    news_index.link_articles(rows)
    latest = [article for article in rows if article.overall <= LATEST_NEWS_COUNT + 1]
    by_category = []
    for category in news_index.categories:
        articles = [
            article
            for article in rows
            if article.category_id == category.pk and article.in_category <= NEWS_PER_CATEGORY
        ]
        if articles:
            by_category.append({"category": category, "articles": articles})
    return latest, by_category


def featured_news(news_index, sections):
    """Articles marked "tin nổi bật", newest first, with their images' renditions."""
    from news.listing import for_listing

    featured = published_news(news_index, sections).filter(featured=True)
    return list(for_listing(featured)[:FEATURED_NEWS_COUNT])


def news_context(sections):
    news_index = sections.get("news.NewsIndexPage")
    if news_index is None:
        return {"featured_news": None, "latest_news": [], "highlights": [], "news_by_category": []}
    latest, by_category = latest_and_by_category(news_index, sections)
    return {
        "news_index": news_index,
        "featured_news": latest[0] if latest else None,
        "latest_news": latest[1:],
        "highlights": featured_news(news_index, sections),
        "news_by_category": by_category,
    }


# --- slots and the whole page -------------------------------------------------------------


def slot_items(slot, home, request):
    items = []
    for provider in _providers[slot]:
        try:
            items.extend(provider(home, request) or [])
        except Exception:  # a failing section must never take the home page down
            logger.exception("Home page slot %s failed", slot)
    return items


def sections(home, request):
    found = sections_for(home, request)
    context = news_context(found)
    context.update(
        procedure_directory=found.get("search.ProcedureDirectoryPage"),
        portal_links=list(home.portal_links.all()),
    )
    for slot in SLOTS:
        context[slot] = slot_items(slot, home, request)
    return context
