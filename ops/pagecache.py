"""Full-page cache for anonymous visitors, purged when published content changes.

wagtail-cache pins wagtail<8, so this is the small equivalent built on Django's cache API.

A response is stored only when it is the same for every anonymous visitor:
- GET or HEAD, status 200, not streaming, no path in PAGE_CACHE_EXCLUDED_PATHS;
- the request carries no session or messages cookie and no Authorization header (logged-in
  editors and visitors with pending messages always get a fresh page);
- the response sets no cookie (so never a CSRF token: rendering a form sets the CSRF cookie),
  uses no CSRF token, holds no queued messages, and does not say private/no-cache/no-store.
A view showing personal data must say so with `never_cache` (or `Cache-Control: private`).

The key is host + scheme + full path + language. A hit answers before the session middleware,
so it costs one cache read (the entry, the generation and its path's stamp, in one round
trip) and no SQL beyond it.

Purging. Most changes purge the whole page cache (`purge`): a move or delete of a page, saving
a model in PAGE_CACHE_PURGE_MODELS (menus, site settings…), and the publish or unpublish of
any page that does not say which addresses show it. A page that does say so, with a method
`page_cache_purge_paths()` returning URL paths (a news article: itself, its index and category
lists, feeds, home pages, search, sitemap), purges only those (`purge_paths`, and the same
addresses in a front-end cache when WAGTAILFRONTENDCACHE names one). Receivers:
ops/signal_handlers.py. Counters that must stay live count outside the cache (middleware
before this one, or a request from the page).

Neither kind of purge empties the store; each makes entries stale, checked on every read:
- a whole purge starts a new *generation*; each entry carries the generation read when its
  request began, and only entries of the current generation are served. Emptying alone is not
  enough with several processes: a page another app server began rendering just before the
  change (old menu, old list) would be stored just after the purge and served for
  PAGE_CACHE_SECONDS;
- a targeted purge changes the random *stamp* of each URL path (one per path whatever the
  query string); each entry carries the stamp read when its request began. A stamp is never
  absent for a stored entry (it is created before storing), so a lost stamp is a miss too,
  never a stale hit.
Entries of past generations or stamps simply expire.
"""

import hashlib
import logging
import secrets
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
        key, stamp_key = cache_key(request), path_stamp_key(request.path)
        generation, stamp, cached = self.read(key, stamp_key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status, headers=headers)
            response[CACHE_HEADER] = "HIT"
            return response
        response = self.get_response(request)
        # Generation and stamp as read before rendering: a purge during the render leaves
        # this copy stale.
        if generation is not None and response_is_cacheable(request, response):
            self.store(key, response, generation, stamp_key, stamp)
            response[CACHE_HEADER] = "MISS"
        return response

    @staticmethod
    def read(key, stamp_key):
        """(the current generation, the path's current stamp, the entry's (status, headers,
        content) when it is of both, else None); the generation is None when the cache
        cannot be read."""
        try:
            found = page_cache().get_many([GENERATION_KEY, stamp_key, key])
        except Exception:  # a cache outage must never take pages down with it
            logger.warning("Page cache unreadable; serving uncached", exc_info=True)
            return None, None, None
        generation, stamp = found.get(GENERATION_KEY, 0), found.get(stamp_key)
        entry = found.get(key)
        if not (isinstance(entry, tuple) and len(entry) == 5):
            return generation, stamp, None  # absent, or stored in an older shape
        if stamp is None or entry[:2] != (generation, stamp):
            return generation, stamp, None
        return generation, stamp, entry[2:]

    @staticmethod
    def store(key, response, generation, stamp_key, stamp):
        headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
        try:
            cache = page_cache()
            if stamp is None:  # first copy under this path, or its stamp was lost: make one
                stamp = new_stamp()
                if not cache.add(stamp_key, stamp, None):
                    return  # made meanwhile, maybe by a purge after this render began
            cache.set(
                key,
                (generation, stamp, response.status_code, headers, response.content),
                settings.PAGE_CACHE_SECONDS,
            )
        except Exception:
            logger.warning("Page cache unwritable; page not cached", exc_info=True)


def new_stamp():
    return secrets.token_hex(8)


def path_stamp_key(path):
    return KEY_PREFIX + "stamp:" + hashlib.sha256(path.encode()).hexdigest()


def purge(**kwargs):
    """Make every cached page stale (a new generation). Safe to call from any signal."""
    try:
        page_cache().set(GENERATION_KEY, time.time_ns(), None)
    except Exception:
        logger.warning("Page cache could not be purged", exc_info=True)


def purge_paths(paths):
    """Make every cached response under these URL paths (any query string, host or
    language) a miss, and leave the rest of the page cache in place."""
    paths = set(paths)
    try:
        page_cache().set_many({path_stamp_key(path): new_stamp() for path in paths}, None)
    except Exception:
        logger.warning("Page cache paths could not be purged; emptying it", exc_info=True)
        purge()
        return
    logger.info("Page cache purged for %d path(s)", len(paths))
    purge_front_end(paths)


def purge_front_end(paths):
    """The same paths in a cache in front (nginx, Varnish, a CDN) when WAGTAILFRONTENDCACHE
    names one: Wagtail's frontend_cache purges only the published page itself."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Site

    roots = {site.root_url for site in Site.objects.all()}
    try:
        purge_urls_from_cache(sorted(root + path for root in roots for path in paths))
    except Exception:  # a front end that is down must not fail the publish
        logger.warning("Front-end cache could not be purged", exc_info=True)


def purge_for_page(sender, instance, **kwargs):
    """On publish or unpublish: only the addresses the page names, else everything."""
    paths_of = getattr(instance, "page_cache_purge_paths", None)
    paths = paths_of() if paths_of is not None else None
    if paths is None:
        purge()
    else:
        purge_paths(paths)
