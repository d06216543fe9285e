"""Which Site answers a request, found once a second per process instead of once a request.

Wagtail finds the Site of every page request with one query (`get_site_for_hostname`: a CASE
over hostname, port and the default flag, joined to the root page). Compiling it is the
dearest query of an uncached article: about 2 of its 18 ms (profiled on the demo, production
settings). Sites change a few times in a portal's life, so each process keeps what it found
for MEMO_SECONDS and hands every request its own copy (`request._wagtail_site`, where
Wagtail's `Site.find_for_request` looks first).

Copies, because Wagtail caches on the objects it is given (a page's `specific`, its parent):
a Site shared between requests would carry one request's home page into the next. The root
page's own content is not taken from the copy: routing reads it again (`.specific`).

A change to a Site reaches the process that saved it at once (signal), every other process
within MEMO_SECONDS, as for section addresses (portal/section_url.py).
"""

import copy
from time import monotonic

from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.views import serve

from home import route_cache

MEMO_SECONDS = 1.0
_found = {}  # (hostname, port) -> (pristine Site with its root page, monotonic time until)


def site_for(request):
    """The request's Site (or None), as Wagtail's `Site._find_for_request` would find it."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = (hostname, port)
    site, until = _found.get(key, (None, 0.0))
    if site is None or monotonic() >= until:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        if len(_found) > 100:  # requests naming many hosts: keep the memo small
            _found.clear()
        # Kept untouched: `site` goes to this request, whose routing caches on its root page.
        _found[key] = (_copy(site), monotonic() + MEMO_SECONDS)
        return site
    return _copy(site)


def _copy(site):
    fresh = copy.copy(site)  # Django copies the field cache too, not the cached objects
    fresh.root_page = copy.copy(site.root_page)
    return fresh


def forget(**kwargs):
    """Drop this process's Sites (on a Site's save or deletion; tests between cases)."""
    _found.clear()


class SiteLookupMiddleware:
    """Gives page requests (Wagtail's `serve` view) their Site from the memo and their route
    from home.route_cache. Other views find the Site Wagtail's way if they need it, so /healthz
    still touches no database. After the page cache: a hit needs neither."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not serve:
            return
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for(request)
        # Where the address leads, from the shared cache when no page changed (route_cache):
        # Wagtail's serve finds it on the request.
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        route_cache.route(request, path)
