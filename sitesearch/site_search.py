"""The site search (`/tim-kiem/?q=`): one query across the portal's searchable sources.

A *source* is one type of result a visitor can filter on (`?loai=`). Page sources are
searched together through Wagtail's own search (the database backend), so "all types"
is one ranked, paginated list; other sources (the procedure directory in Elasticsearch,
published Q&A, ...) plug in with `register(ExternalSource(...))` from their app's
`AppConfig.ready()` and are shown as their own block under "all types".

Diacritics are optional: page models that use `FoldedSearchMixin` also index a folded
copy of their text (`portal.vietnamese.fold`), and a query matches either the text as
typed or its folded form, so "dang ky" finds "đăng ký" while pages that match the exact
diacritics score on both and rank first.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.paginator import Paginator
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.query import And, Or, PlainText

from portal.pagination import page_of
from portal.vietnamese import fold, spelling_variants

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
ALL = ""

# Control characters (PostgreSQL rejects NUL in text) and other invisible junk.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_WORD = re.compile(r"[^\W_]+")


def clean_query(raw):
    """The query as shown and logged: NFC, printable, single-spaced, at most 200 long."""
    text = _UNPRINTABLE.sub(" ", unicodedata.normalize("NFC", raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """Words only, lower-cased: no character is query syntax to any database backend
    (SQLite's FTS5 reads quotes, `*`, `:` and upper-case OR/AND/NOT as operators)."""
    return " ".join(_WORD.findall(query.lower()))


class FoldedSearchMixin:
    """Adds a diacritic-free copy of a page's searchable text to Wagtail's search index.

    Put it before `Page` in the bases (`class NewsPage(FoldedSearchMixin, Page)`); the
    page's own `search_fields` stay as they are.
    """

    @classmethod
    def get_search_fields(cls):
        return [
            *super().get_search_fields(),
            index.SearchField("folded_title", boost=2),
            index.SearchField("folded_text"),
        ]

    def folded_title(self):
        return fold(self.title)

    def folded_text(self):
        parts = []
        for search_field in super().get_search_fields():
            if not isinstance(search_field, index.SearchField):
                continue
            if search_field.field_name == "title":
                continue
            value = search_field.get_value(self)
            if value:
                parts.append(strip_tags(str(value)))
        return fold(" ".join(parts))


@dataclass(frozen=True)
class Hit:
    """One result, whatever its source."""

    title: str
    url: str
    kind: str
    summary: str = ""
    date: Any = None


@dataclass(frozen=True)
class PageSource:
    """Wagtail pages of the given models ("app_label.ModelName"), searched together."""

    key: str
    label: str
    models: tuple = ()

    def page_models(self):
        return [apps.get_model(name) for name in self.models]


@dataclass(frozen=True)
class ExternalSource:
    """A source with its own search: `search(query, language_code)` returns a sequence
    (a list, or anything sliceable with `len()`/`count()`) of `Hit`s, best first."""

    key: str
    label: str
    search: Any = field(compare=False)


class PagedHits:
    """Hits read one page at a time from `fetch(page_number, page_size) -> (hits, total)`:
    what a source whose own search is paginated (the procedure directory) gives `Paginator`.

    Every page fetched is kept, so the count and the first page cost one search.
    """

    def __init__(self, fetch, page_size):
        self.fetch = fetch
        self.page_size = page_size
        self._pages = {}
        self._total = None

    def _page(self, number):
        if number not in self._pages:
            hits, total = self.fetch(number, self.page_size)
            self._pages[number] = list(hits)
            self._total = total
        return self._pages[number]

    def count(self):
        if self._total is None:
            self._page(1)
        return self._total

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            found = self[item : item + 1]
            if not found:
                raise IndexError(item)
            return found[0]
        start, stop = item.start or 0, item.stop if item.stop is not None else self.count()
        if stop <= start:
            return []
        first, last = start // self.page_size + 1, (stop - 1) // self.page_size + 1
        hits = [hit for number in range(first, last + 1) for hit in self._page(number)]
        offset = (first - 1) * self.page_size
        return hits[start - offset : stop - offset]


class MappedHits:
    """A sliceable, countable result set (a Wagtail search) turned into `Hit`s page by page."""

    def __init__(self, results, to_hit):
        self.results = results
        self.to_hit = to_hit

    def count(self):
        return self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self.to_hit(self.results[item])
        return [self.to_hit(result) for result in self.results[item]]


_SOURCES = {}


def register(source):
    _SOURCES[source.key] = source
    return source


def sources():
    return list(_SOURCES.values())


register(PageSource("tin-tuc", _("Tin tức"), ("news.NewsPage",)))
register(
    PageSource(
        "trang-noi-dung",
        _("Trang thông tin"),
        ("home.StandardPage", "home.ContactPage"),
    )
)


def _any_spelling(word):
    forms = spelling_variants(word)
    return PlainText(word) if len(forms) == 1 else Or([PlainText(form) for form in forms])


def _every(parts):
    return parts[0] if len(parts) == 1 else And(parts)


def folded_query(terms):
    """A Wagtail query for text stored folded (`fold()`), with the directory's quality.

    The words go through the procedure search's plan (`procedures.synonyms`): synonyms and
    abbreviations expanded ("CCCD" also finds "căn cước công dân"), filler words dropped,
    and each word matches in either spelling (kí/ký), so "đăng kí khai sinh" finds pages and
    answers that write "đăng ký". None when nothing is left to search for.
    """
    from portal.search.text import words
    from procedures import synonyms

    tokens = words(terms)
    if not tokens:
        return None
    concepts = synonyms.plan_for_tokens(tokens, correct=False).concepts
    return _every(
        [
            Or([_every([_any_spelling(w) for w in alt]) for alt in concept.alternatives])
            if len(concept.alternatives) > 1
            else _every([_any_spelling(w) for w in concept.alternatives[0]])
            for concept in concepts
        ]
    )


def wagtail_query(terms):
    """The words as typed, or their folded form (synonyms, kí/ký): diacritics optional."""
    typed = PlainText(terms, operator="and")
    folded = folded_query(terms)
    return typed if folded is None else Or([typed, folded])


def page_hit(page, kind, request=None):
    summary = (
        page.search_description or getattr(page, "lead", "") or getattr(page, "intro", "") or ""
    )
    date = getattr(page, "date", None) or page.last_published_at
    url = page.get_url(request)
    return Hit(title=page.title, url=url, kind=str(kind), summary=summary, date=date)


class SiteSearch:
    """One visitor's search: the query, the chosen type, the language, the page number."""

    def __init__(self, query, kind=ALL, language_code="vi", request=None):
        self.query = clean_query(query)
        self.kind = kind
        self.language_code = language_code
        self.request = request

    @property
    def is_valid_kind(self):
        return self.kind == ALL or self.kind in _SOURCES

    def page_sources(self):
        chosen = sources() if self.kind == ALL else [_SOURCES[self.kind]]
        return [source for source in chosen if isinstance(source, PageSource)]

    def external_sources(self):
        chosen = sources() if self.kind == ALL else [_SOURCES[self.kind]]
        return [source for source in chosen if isinstance(source, ExternalSource)]

    def page_results(self):
        """Ranked Wagtail search results over every chosen page source."""
        kinds = {}
        for source in self.page_sources():
            for model in source.page_models():
                kinds[model] = source.label
        if not self.query or not kinds:
            return None, kinds
        terms = search_terms(self.query)
        if not terms:
            return [], kinds
        locale = Locale.objects.filter(language_code=self.language_code).first()
        pages = Page.objects.live().public().type(*kinds).filter(locale=locale)
        return pages.search(wagtail_query(terms)), kinds

    def paginate(self, page_number):
        """The page of hits to show, or None when there is nothing to search for.

        Raises `portal.pagination.PageProblem` for a bad or too large `trang`.
        """
        if self.kind != ALL and isinstance(_SOURCES.get(self.kind), ExternalSource):
            if not self.query:
                return None
            results = _SOURCES[self.kind].search(self.query, self.language_code)
            return page_of(results, page_number, PER_PAGE)
        results, kinds = self.page_results()
        if results is None:
            return None
        paginated = page_of(results, page_number, PER_PAGE)
        # One query per page type for the whole page of results, in ranked order.
        ids = [page.pk for page in paginated.object_list]
        specific = Page.objects.filter(pk__in=ids).specific().in_bulk() if ids else {}
        paginated.object_list = [
            page_hit(specific[pk], kinds.get(type(specific[pk]), ""), self.request)
            for pk in ids
            if pk in specific
        ]
        return paginated

    def other_source_previews(self, size=3):
        """Under "all types": the first few hits of each non-page source, with its total."""
        if self.kind != ALL or not self.query:
            return []
        previews = []
        for source in self.external_sources():
            first = Paginator(source.search(self.query, self.language_code), size).page(1)
            if first.paginator.count:
                previews.append(
                    {"source": source, "hits": first.object_list, "total": first.paginator.count}
                )
        return previews
