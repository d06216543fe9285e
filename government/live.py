"""Fragments that stay current on pages served from the full-page cache.

Pages carry a marked slot, e.g. `<!--live:banner:vi-->…<!--/live:banner-->`
(`{% live_fragment_now "banner" %}`, filled at render time too), and
`government.middleware.EmergencyBannerMiddleware`, which sits outside the page cache (as the
visit counters' middleware does), fills every slot of every HTML response again, cached or
not. Nothing is purged: what changes is read here.

- "banner": the emergency banner (`EmergencyBanner`), on every page (templates/base.html).
- "announcements": the home page's valid announcements.

What was read is kept EMERGENCY_BANNER_REFRESH_SECONDS (2 s) in the shared cache, and each
process keeps what it fetched from there LIVE_FRAGMENT_MEMO_SECONDS (1 s) more: a published
banner reaches every page within 3 s, at the cost of one small query per period, and a page
served from the page cache costs no cache round trip beyond its own (two Redis reads per home
page had made a cached page cost three round trips instead of one: `make bench`, #21).
Start and end times are compared with the clock on every response, so a banner or an
announcement disappears at its end time exactly, with nobody acting.
"""

import logging
import re
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.template.loader import render_to_string
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

ANNOUNCEMENTS_ON_HOME = 5
# Announcements have no five-second promise: their start and end times are checked on every
# response against what was read, and a save forgets the shared copy (signal_handlers).
ANNOUNCEMENTS_REFRESH_SECONDS = 30
SLOT = re.compile(rb"<!--live:(banner|announcements):([a-z-]{2,7})-->.*?<!--/live:\1-->", re.S)
MEMO_PREFIX = "government:live:"
LAST_PREFIX = "government:live-last:"
_MISSING = object()
_memo = {}  # key -> (value, monotonic time until which this process uses it)


def slot_markup(name, language):
    return f"<!--live:{name}:{language}--><!--/live:{name}-->"


def fill(content):
    """`content` (bytes) with every live slot filled; unchanged if it has none."""
    if b"<!--live:" not in content:
        return content
    now = timezone.now()

    def replace(match):
        name, language = match.group(1).decode(), match.group(2).decode()
        inner = RENDERERS[name](language, now)
        return f"<!--live:{name}:{language}-->{inner}<!--/live:{name}-->".encode()

    return SLOT.sub(replace, content)


def _remembered(key, read, seconds=None):
    """What `read()` returned at most EMERGENCY_BANNER_REFRESH_SECONDS (plus this process's
    LIVE_FRAGMENT_MEMO_SECONDS) ago.

    Kept in the "default" cache: Redis shared by every app server in production (CACHE_URL),
    the process's memory in the embedded default. A copy may be three seconds old, like the
    visit counters' copy; a save forgets it at once in the saving process and within a second
    in the others. A failing database keeps the last value known (or None) rather than
    failing the page.
    """
    memo = _memo.get(key)
    if memo is not None and time.monotonic() < memo[1]:
        return memo[0]
    value = _shared(key, read, seconds)
    _memo[key] = (value, time.monotonic() + settings.LIVE_FRAGMENT_MEMO_SECONDS)
    return value


def _shared(key, read, seconds):
    store = caches["default"]
    value = store.get(MEMO_PREFIX + key, _MISSING)
    if value is not _MISSING:
        return value
    try:
        value = read()
    except DatabaseError:
        logger.warning("Live fragment %s unreadable; showing the last known", key, exc_info=True)
        value = store.get(LAST_PREFIX + key)
    else:
        store.set(LAST_PREFIX + key, value, None)
    store.set(MEMO_PREFIX + key, value, seconds or settings.EMERGENCY_BANNER_REFRESH_SECONDS)
    return value


def forget(*keys):
    """Drop the shared copies and this process's (of `keys`, or of every live fragment)."""
    store = caches["default"]
    for key in keys or RENDERERS:
        store.delete_many([MEMO_PREFIX + key, LAST_PREFIX + key])
        _memo.pop(key, None)


# --- the emergency banner ---------------------------------------------------------------


def _read_banner():
    from government.models import EmergencyBanner

    banner = EmergencyBanner.objects.first()
    if banner is None or not banner.enabled:
        return None
    return (
        banner.level,
        banner.text,
        banner.text_en,
        banner.link,
        banner.starts_at,
        banner.ends_at,
    )


def banner_html(language, now):
    data = _remembered("banner", _read_banner)
    if data is None:
        return ""
    level, text, text_en, link, starts_at, ends_at = data
    if (starts_at and now < starts_at) or (ends_at and now >= ends_at) or not text.strip():
        return ""
    shown = text_en if language == "en" and text_en.strip() else text
    return _render_banner(level, shown, link, language)


@lru_cache(maxsize=64)
def _render_banner(level, text, link, language):
    from government.models import EmergencyBanner

    with translation.override(language):
        return render_to_string(
            "government/includes/emergency_banner.html",
            {
                "level": level,
                "level_label": EmergencyBanner.Level(level).label,
                "is_emergency": level == EmergencyBanner.Level.EMERGENCY,
                "text": text,
                "link": link,
            },
        ).strip()


# --- the home page's announcements --------------------------------------------------------


def _read_announcements():
    """Announcements not yet ended, with their section page's address (Vietnamese)."""
    from government.models import Announcement, AnnouncementIndexPage

    index_page = AnnouncementIndexPage.objects.live().public().filter(locale__language_code="vi")
    index_page = index_page.first()
    if index_page is None:
        return None
    base = index_page.url or "/"
    now = timezone.now()
    upcoming = (
        Announcement.objects.exclude(valid_until__lte=now)
        .order_by("-valid_from", "-pk")
        .values_list("pk", "kind", "title", "valid_from", "valid_until")[:50]
    )
    items = tuple(
        (base + index_page.reverse_subpage("detail", args=(pk,)), kind, title, start, end)
        for pk, kind, title, start, end in upcoming
    )
    return base, items


def valid_announcement_items(now):
    data = _remembered("announcements", _read_announcements, ANNOUNCEMENTS_REFRESH_SECONDS)
    if data is None:
        return None, ()
    base, items = data
    valid = tuple(
        (url, kind, title, start)
        for url, kind, title, start, end in items
        if start <= now and (end is None or now < end)
    )
    return base, valid[:ANNOUNCEMENTS_ON_HOME]


def announcements_html(language, now):
    if language != "vi":  # announcements are published in Vietnamese only
        return ""
    base, items = valid_announcement_items(now)
    if not items:
        return ""
    return _render_announcements(base, items, language)


@lru_cache(maxsize=64)
def _render_announcements(base, items, language):
    from government.models import Announcement

    labels = dict(Announcement.Kind.choices)
    with translation.override(language):
        return render_to_string(
            "government/includes/home_announcements.html",
            {
                "index_url": base,
                "items": [
                    {"url": url, "kind": labels.get(kind, kind), "title": title, "date": start}
                    for url, kind, title, start in items
                ],
            },
        ).strip()


RENDERERS = {"banner": banner_html, "announcements": announcements_html}
