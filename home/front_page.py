"""What the home page shows, gathered in one place so each section is easy to extend.

News comes from the home page's news index (`news.NewsIndexPage`): the top stories (a lead
with its photo and four secondary stories: the articles marked "tin nổi bật", then the newest
others), the latest titles ("Tin mới") and the latest of each category with a thumbnail; all
but the featured ones come from one query, and every image's renditions from one more.
Sections that belong to other parts of the portal (recently answered questions, key
statistics, the schedule) are *slots*:
their app registers a provider in `AppConfig.ready()`:

    from home import front_page
    front_page.register("recent_answers", lambda home, request: [...])

A provider returns a list of dicts; an empty list (or no provider) renders nothing.
- "recent_answers": {"title", "url", "date"} — questions answered most recently.
- "key_statistics": {"label", "value", "url" (optional)} — e.g. procedures online.
- "schedule": {"title", "url" (optional), "start" (datetime), "place" (optional)} — the
  leaders' working schedule for the coming days ("Lịch công tác").
- "announcements": {"live": name} — a live fragment filled outside the page cache
  (government/live.py): announcements valid now.

Providers find their section's page with `section_page(home, request, "app.Model")`: the
home page's live, public children are read once per request for every section, so a slot
costs only its own data (the home page renders in at most 15 queries:
tests/ops/test_query_counts.py).
"""

import logging
from collections import defaultdict
from functools import cache as cache_once

from django.apps import apps
from django.conf import settings
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

logger = logging.getLogger(__name__)

LATEST_NEWS_COUNT = 6
FEATURED_NEWS_COUNT = 5  # the lead story and four secondary ones
NEWS_PER_CATEGORY = 3
SLOTS = ("recent_answers", "key_statistics", "schedule", "announcements")
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
    """The index's live, public articles; private sections excluded by their cached paths,
    not `.public()`, which costs a query (see news.listing.published_under for the figures)."""
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
        .select_related("image")
        .annotate(
            overall=Window(RowNumber(), order_by=newest),
            in_category=Window(RowNumber(), partition_by=[F("category_id")], order_by=newest),
        )
        .filter(
            Q(overall__lte=LATEST_NEWS_COUNT + FEATURED_NEWS_COUNT)
            | Q(in_category__lte=NEWS_PER_CATEGORY)
        )
        .order_by("-date", "-pk")
    )
    news_index.prepare_links(sections.request)
    news_index.link_articles(rows)
    latest = [
        article for article in rows if article.overall <= LATEST_NEWS_COUNT + FEATURED_NEWS_COUNT
    ]
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
    # Renditions come later with every other image of the page (attach_renditions).
    return list(for_listing(featured).prefetch_related(None)[:FEATURED_NEWS_COUNT])


def top_stories(highlights, latest):
    """The lead and four secondary stories: "tin nổi bật" first, then the newest others."""
    chosen = list(highlights[:FEATURED_NEWS_COUNT])
    for article in latest:
        if len(chosen) >= FEATURED_NEWS_COUNT:
            break
        if all(article.pk != other.pk for other in chosen):
            chosen.append(article)
    return chosen


def news_context(sections):
    """The news sections, as callables computed once and only if the template asks: the
    home page caches their rendering under the news index's listing version (home_page.html),
    so a warm render runs none of their queries."""
    news_index = sections.get("news.NewsIndexPage")
    if news_index is None:
        return {
            "lead_story": None,
            "secondary_stories": [],
            "latest_news": [],
            "news_by_category": [],
        }
    computed = {}

    def compute():
        if not computed:
            latest, by_category = latest_and_by_category(news_index, sections)
            top = top_stories(featured_news(news_index, sections), latest)
            shown = {article.pk for article in top}
            computed.update(
                lead_story=top[0] if top else None,
                secondary_stories=top[1:],
                latest_news=[article for article in latest if article.pk not in shown][
                    :LATEST_NEWS_COUNT
                ],
                news_by_category=by_category,
            )
            pictured = [*top, *(group["articles"][0] for group in by_category)]
            attach_renditions([article.image for article in pictured])
        return computed

    def part(name):
        return lambda: compute()[name]

    names = ("lead_story", "secondary_stories", "latest_news", "news_by_category")
    return {"news_index": news_index, **{name: part(name) for name in names}}


def quick_links(found):
    """Dịch vụ công, Tra cứu hồ sơ, Hỏi đáp, Văn bản: the portal's own section when it has
    one, else the national portal that offers it."""
    directory = found.get("search.ProcedureDirectoryPage")
    dialogue = found.get("dialogue.DialogueIndexPage")
    documents = found.get("documents.DocumentIndexPage")
    request = found.request
    return [
        {
            "icon": "service",
            "label": _("Dịch vụ công"),
            "url": directory.get_url(request) if directory else "https://dichvucong.gov.vn",
        },
        {
            "icon": "lookup",
            "label": _("Tra cứu hồ sơ"),
            "url": "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html",
        },
        {
            "icon": "question",
            "label": _("Hỏi đáp"),
            "url": dialogue.get_url(request) if dialogue else "",
        },
        {
            "icon": "document",
            "label": _("Văn bản"),
            "url": documents.get_url(request) if documents else "https://vbpl.vn",
        },
    ]


def attach_renditions(images):
    """The renditions of every image on the page in one query: Wagtail's image tags read
    `prefetched_renditions` before asking the database."""
    by_pk = defaultdict(list)
    for image in images:
        if image is not None:
            by_pk[image.pk].append(image)
    if not by_pk:
        return
    found = defaultdict(list)
    renditions = get_image_model().get_rendition_model().objects.filter(image_id__in=by_pk)
    for rendition in renditions:
        found[rendition.image_id].append(rendition)
    for pk, copies in by_pk.items():
        for rendition in found[pk]:
            rendition.image = copies[0]  # what Django's prefetch would set: no query per URL
        for image in copies:
            image.prefetched_renditions = found[pk]


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

    @cache_once  # asked by {% if %}, then {% for %}; not at all when the fragment is cached
    def portal_links():
        links = list(home.portal_links.select_related("logo"))
        attach_renditions([link.logo for link in links])
        return links

    context = news_context(found)
    context.update(
        procedure_directory=found.get("search.ProcedureDirectoryPage"),
        portal_links=portal_links,
        quick_links=[link for link in quick_links(found) if link["url"]],
        fragment_seconds=settings.FRAGMENT_CACHE_SECONDS,
    )
    for slot in SLOTS:
        context[slot] = slot_items(slot, home, request)
    return context
