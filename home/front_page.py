"""What the home page shows, gathered in one place so each section is easy to extend.

News comes from `news.NewsPage` (newest first; the first one is featured until the news
section has its own "featured" flag — change `featured_and_latest_news` then). Sections that belong
to other parts of the portal (recently answered questions, key statistics) are *slots*:
their app registers a provider in `AppConfig.ready()`:

    from home import front_page
    front_page.register("recent_answers", lambda home, request: [...])

A provider returns a list of dicts; an empty list (or no provider) renders nothing.
- "recent_answers": {"title", "url", "date"} — questions answered most recently.
- "key_statistics": {"label", "value", "url" (optional)} — e.g. procedures online.
"""

import logging

from django.apps import apps

logger = logging.getLogger(__name__)

LATEST_NEWS_COUNT = 5
SLOTS = ("recent_answers", "key_statistics")
_providers = {slot: [] for slot in SLOTS}


def register(slot, provider):
    if slot not in _providers:
        raise ValueError(f"Unknown home page slot {slot!r}; choose one of {SLOTS}.")
    _providers[slot].append(provider)
    return provider


def unregister(slot, provider):
    if provider in _providers.get(slot, []):
        _providers[slot].remove(provider)


def news_queryset(home):
    news_page = apps.get_model("news", "NewsPage")
    return news_page.objects.live().public().descendant_of(home).order_by("-date", "-pk")


def featured_and_latest_news(home):
    """The featured article and the latest others, in one query."""
    articles = list(news_queryset(home)[: LATEST_NEWS_COUNT + 1])
    featured = articles[0] if articles else None
    return featured, articles[1:]


def procedure_directory(home):
    directory = apps.get_model("search", "ProcedureDirectoryPage")
    return directory.objects.live().public().child_of(home).first()


def slot_items(slot, home, request):
    items = []
    for provider in _providers[slot]:
        try:
            items.extend(provider(home, request) or [])
        except Exception:  # a failing section must never take the home page down
            logger.exception("Home page slot %s failed", slot)
    return items


def sections(home, request):
    featured, latest = featured_and_latest_news(home)
    context = {
        "featured_news": featured,
        "latest_news": latest,
        "procedure_directory": procedure_directory(home),
        "portal_links": list(home.portal_links.all()),
    }
    for slot in SLOTS:
        context[slot] = slot_items(slot, home, request)
    return context
