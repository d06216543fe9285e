"""Full-page cache for anonymous visitors, emptied whenever published content changes.

wagtail-cache pins wagtail<8, so this is the small equivalent built on Django's cache API.

A response is stored only when it is the same for every anonymous visitor:
- GET or HEAD, status 200, not streaming, no path in PAGE_CACHE_EXCLUDED_PATHS;
- the request carries no session or messages cookie and no Authorization header (logged-in
  editors and visitors with pending messages always get a fresh page);
- the response sets no cookie (so never a CSRF token: rendering a form sets the CSRF cookie),
  uses no CSRF token, holds no queued messages, and does not say private/no-cache/no-store.
A view showing personal data must say so with `never_cache` (or `Cache-Control: private`).

The key is host + scheme + full path + language. A hit answers before the session middleware,
so it costs one cache read (the entry and the generation, in one round trip) and no SQL beyond
it. Every publish, unpublish, move or delete of a page (and saving the models in
PAGE_CACHE_PURGE_MODELS) purges the whole page cache: listings, the home page and menus that
show the page go with it, with no dependency tracking to get wrong (receivers:
ops/signal_handlers.py). Counters that must stay live count outside the cache (middleware
before this one, or a request from the page).

A purge starts a new *generation* rather than emptying the store: each entry carries the
generation read when its request began, and only entries of the current generation are
served. Emptying alone is not enough with several processes: a page another app server
began rendering just before the change (old menu, old list) would be stored just after the
purge and served for PAGE_CACHE_SECONDS. Entries of past generations simply expire.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation
from django.utils.functional import empty

logger = logging.getLogger(__name__)

CACHE_HEADER = "X-Page-Cache"
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
KEY_PREFIX = "page:"
GENERATION_KEY = "page-generation"


def page_cache():
    return caches["pages"]


def cache_key(request):
    language = translation.get_language_from_request(request)
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}"
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def request_is_cacheable(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
        return False
    private_cookies = {settings.SESSION_COOKIE_NAME, "messages"}
    if private_cookies & request.COOKIES.keys():
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and len(messages):
        return False
    # If request.user was evaluated, only an anonymous visitor's page is shared.
    user = getattr(request, "user", None)
    evaluated = user is not None and getattr(user, "_wrapped", empty) is not empty
    if evaluated and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        key = cache_key(request)
        generation, cached = self.read(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status, headers=headers)
            response[CACHE_HEADER] = "HIT"
            return response
        response = self.get_response(request)
        if generation is not None and response_is_cacheable(request, response):
            self.store(key, generation, response)
            response[CACHE_HEADER] = "MISS"
        return response

    @staticmethod
    def read(key):
        """(the current generation, the entry's (status, headers, content) or None); the
        generation is None when the cache cannot be read."""
        try:
            found = page_cache().get_many([GENERATION_KEY, key])
        except Exception:  # a cache outage must never take pages down with it
            logger.warning("Page cache unreadable; serving uncached", exc_info=True)
            return None, None
        generation = found.get(GENERATION_KEY, 0)
        entry = found.get(key)
        if entry is None or entry[0] != generation:
            return generation, None
        return generation, entry[1:]

    @staticmethod
    def store(key, generation, response):
        headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
        try:
            page_cache().set(
                key,
                (generation, response.status_code, headers, response.content),
                settings.PAGE_CACHE_SECONDS,
            )
        except Exception:
            logger.warning("Page cache unwritable; page not cached", exc_info=True)


def purge(**kwargs):
    """Make every cached page stale (a new generation). Safe to call from any signal."""
    try:
        page_cache().set(GENERATION_KEY, time.time_ns(), None)
    except Exception:
        logger.warning("Page cache could not be purged", exc_info=True)
