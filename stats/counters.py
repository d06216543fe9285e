"""The figures shown to visitors: cached, shared by every process, never holding a page.

Reading order: this process's copy (VISITS_MEMO_SECONDS) → the shared cache alias "visits"
(VISITS_CACHE_SECONDS; a database table by default, so every worker and app server shows the
same figures) → the database. Only one request at a time refreshes (a short lock in the
cache); the others, and any refresh that fails or exceeds VISITS_STATEMENT_TIMEOUT_MS, show
the last figures known. Together: at most 30 seconds old, and a slow store costs a page at
most one statement timeout, once.
"""

import logging
import re
import time
from dataclasses import asdict, dataclass
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.utils import formats, translation

from stats import clock, store

logger = logging.getLogger(__name__)

KEY = "stats:visits:figures"
LOCK_KEY = "stats:visits:refreshing"
FIELDS = ("total", "online", "today", "month")
_memo = {"figures": None, "until": 0.0}


@dataclass(frozen=True)
class VisitFigures:
    total: int
    online: int
    today: int
    month: int

    def as_dict(self):
        return asdict(self)


def _cache():
    return caches[settings.VISITS_CACHE_ALIAS]


def read_from_store(now=None):
    counted, online, today, month = store.read_counts(now or clock.now())
    return VisitFigures(settings.VISITS_STARTING_TOTAL + counted, online, today, month)


def _cached_entry():
    """(figures, fresh) from the shared cache; the entry outlives its freshness as a fallback."""
    try:
        entry = _cache().get(KEY)
    except Exception:  # a cache outage must never take the page down
        logger.warning("Visit figures cache unreadable", exc_info=True)
        return None, False
    if not entry:
        return None, False
    return VisitFigures(**entry["figures"]), entry["fresh_until"] > time.time()


def _refresh():
    cache = _cache()
    try:
        if not cache.add(LOCK_KEY, 1, timeout=10):
            return None  # another request is refreshing: show the last known figures
    except Exception:
        logger.warning("Visit figures cache unwritable", exc_info=True)
    try:
        figures = read_from_store()
    except Exception:
        logger.warning("Visit figures unavailable; showing the last known", exc_info=True)
        return None  # the lock stays until it expires: no retry before then
    entry = {
        "figures": figures.as_dict(),
        "fresh_until": time.time() + settings.VISITS_CACHE_SECONDS,
    }
    try:
        cache.set(KEY, entry, timeout=None)
        cache.delete(LOCK_KEY)
    except Exception:
        logger.warning("Visit figures cache unwritable", exc_info=True)
    return figures


def current_figures():
    """The figures to show now, or None when none has ever been read."""
    if _memo["figures"] is not None and time.monotonic() < _memo["until"]:
        return _memo["figures"]
    figures, fresh = _cached_entry()
    if not fresh:
        figures = _refresh() or figures or _memo["figures"]
    _memo.update(figures=figures, until=time.monotonic() + settings.VISITS_MEMO_SECONDS)
    return figures


def expire():
    """Make the shared figures stale (tests; after changing VISITS_STARTING_TOTAL)."""
    figures, __ = _cached_entry()
    if figures is not None:
        _cache().set(KEY, {"figures": figures.as_dict(), "fresh_until": 0}, timeout=None)
    forget()


def forget():
    """Drop this process's copy."""
    _memo.update(figures=None, until=0.0)


# The footer marks its figures so that a page served from a full-page cache gets fresh ones.
FRAGMENT_START = b"<!--stats:visits-->"
FRAGMENT_END = b"<!--/stats:visits-->"
FIGURE = re.compile(rb'<data value="[0-9]*" data-visits="(total|online|today|month)">[^<]*</data>')


@lru_cache(maxsize=64)
def _formatted(figures, language):
    with translation.override(language):
        return {
            name: formats.number_format(getattr(figures, name), use_l10n=True, force_grouping=True)
            for name in FIELDS
        }


def refresh_fragment(response):
    """Put the current figures into the footer of an HTML response, if it has one."""
    content = response.content
    start = content.find(FRAGMENT_START)
    if start < 0:
        return
    end = content.find(FRAGMENT_END, start)
    figures = current_figures()
    if end < 0 or figures is None:
        return
    values = _formatted(figures, response.get("Content-Language") or settings.LANGUAGE_CODE)

    def replace(match):
        name = match.group(1).decode()
        raw = getattr(figures, name)
        return f'<data value="{raw}" data-visits="{name}">{values[name]}</data>'.encode()

    fragment = FIGURE.sub(replace, content[start:end])
    response.content = content[:start] + fragment + content[end:]
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
