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
so it costs one cache read and no SQL beyond it.

Purging. Most changes empty the whole page cache (`purge`): a move or delete of a page, saving
a model in PAGE_CACHE_PURGE_MODELS (menus, site settings…), and the publish or unpublish of
any page that does not say which addresses show it. A page that does say so, with a method
`page_cache_purge_paths()` returning URL paths (a news article: itself, its index and category
lists, feeds, home pages, search, sitemap), purges only those (`purge_paths`, and the same
addresses in a front-end cache when WAGTAILFRONTENDCACHE names one): every cached
response is stored with the current *stamp* of its URL path (a random token, one per path
whatever the query string), read in the same cache round trip as the response itself, and a
response whose stamp has changed since is a miss. A stamp is never absent for a stored
response (it is created before storing), so a stamp lost from the cache is a miss too, never
a stale hit. Receivers: ops/signal_handlers.py. Counters that must stay live count outside
the cache (middleware before this one, or a request from the page).

A full purge also starts a new *generation*, read with the response and its stamp and stored
with it: a page another app server began rendering before the purge (old menu, old list) and
stores after it — with a stamp it finds missing and makes anew — is still a miss, since it
carries the old generation (found by the scale-out drill, bench/drill_scale.py: a menu edit
stayed invisible on the other server for the page cache's 10 minutes).
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
GENERATION_KEY = KEY_PREFIX + "generation"


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
        cached, stamp, generation = self.read(key, stamp_key)
        if cached is not None and stamp is not None and cached[3:] == (stamp, generation):
            status, headers, content, _, _ = cached
            response = HttpResponse(content, status=status, headers=headers)
            response[CACHE_HEADER] = "HIT"
            return response
        response = self.get_response(request)
        # The stamp and generation read before rendering: a purge during the render leaves
        # this copy stale.
        if generation is not None and response_is_cacheable(request, response):
            self.store(key, response, stamp_key, stamp, generation)
            response[CACHE_HEADER] = "MISS"
        return response

    @staticmethod
    def read(key, stamp_key):
        """(the stored response or None, its path's current stamp or None, the current
        generation or None when the cache cannot be read), in one read."""
        try:
            found = page_cache().get_many([key, stamp_key, GENERATION_KEY])
        except Exception:  # a cache outage must never take pages down with it
            logger.warning("Page cache unreadable; serving uncached", exc_info=True)
            return None, None, None
        cached = found.get(key)
        if not (isinstance(cached, tuple) and len(cached) == 5):
            cached = None  # absent, or stored before stamps and generations existed
        return cached, found.get(stamp_key), found.get(GENERATION_KEY, 0)

    @staticmethod
    def store(key, response, stamp_key, stamp, generation):
        headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
        try:
            cache = page_cache()
            if stamp is None:  # first copy under this path, or its stamp was lost: make one
                stamp = new_stamp()
                if not cache.add(stamp_key, stamp, None):
                    return  # made meanwhile, maybe by a purge after this render began
            cache.set(
                key,
                (response.status_code, headers, response.content, stamp, generation),
                settings.PAGE_CACHE_SECONDS,
            )
        except Exception:
            logger.warning("Page cache unwritable; page not cached", exc_info=True)


def new_stamp():
    return secrets.token_hex(8)


def path_stamp_key(path):
    return KEY_PREFIX + "stamp:" + hashlib.sha256(path.encode()).hexdigest()


def purge(**kwargs):
    """Empty the page cache (and only it), then start a new generation: a page rendered
    across the purge and stored after it is a miss. Safe to call from any signal."""
    try:
        page_cache().clear()
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
