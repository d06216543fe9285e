"""Counts visits, and keeps the footer's figures fresh on pages served from a full-page cache.

What is counted: a visit is a browser's series of page views with no gap longer than
VISITS_WINDOW_MINUTES (30, as web analytics usually do) within one local day. It begins with
the first HTML page (GET, status 200) a browser is served without a valid visit cookie, or
after the gap, or on a new day. Not counted: bots, crawlers and non-browser clients (see
stats.useragents), HEAD and every other method, responses other than 200 HTML, and the paths
in VISITS_EXCLUDED_PATHS (static and media files, the admin, documents, health checks, the
counter endpoint itself).

What it costs: the cookie carries the time of the visitor's last write, so a request within
VISITS_WRITE_INTERVAL_SECONDS of it touches no database at all; a later request writes one
statement (stats.store). At most one write per visitor per minute, never one per request,
and that write runs when the response is closed, after the server has sent it: a slow store
never delays a page. A write that fails is made good by the visitor's next write (an upsert).

Place it outside (before) any full-page cache middleware: a cached page still counts.
"""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from django.utils.cache import patch_cache_control

from stats import clock, counters, store
from stats.useragents import is_browser
from stats.visitor_cookie import VisitCookie

logger = logging.getLogger(__name__)


class VisitCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded_paths = tuple(settings.VISITS_EXCLUDED_PATHS)

    def __call__(self, request):
        response = self.get_response(request)
        if not self.is_page_view(request, response):
            return response
        counters.refresh_fragment(response)
        self.count(request, response)
        return response

    def is_page_view(self, request, response):
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path_info.startswith(self.excluded_paths)
        )

    def count(self, request, response):
        now = clock.now()
        seconds = int(now.timestamp())
        cookie = VisitCookie.read(request)
        if cookie and seconds - cookie.written < settings.VISITS_WRITE_INTERVAL_SECONDS:
            return  # written less than a minute ago: nothing to do, no database
        if not is_browser(request.META.get("HTTP_USER_AGENT", "")):
            return
        day = timezone.localdate(now).toordinal()
        window = settings.VISITS_WINDOW_MINUTES * 60
        if cookie and cookie.day == day and seconds - cookie.written <= window:
            cookie = cookie.touched(seconds)
        elif cookie:
            cookie = cookie.next_visit(day, seconds)
        else:
            cookie = VisitCookie.new_visitor(day, seconds)
        cookie.set_on(response)
        # This response now belongs to one visitor: no shared cache may keep it.
        patch_cache_control(response, private=True)
        # The WSGI server calls close() once the response is sent (Django's own closers,
        # e.g. for file responses, use the same list).
        response._resource_closers.append(lambda: record(cookie, now))


def record(cookie, now):
    try:
        store.record_visit(cookie, now)
    except DatabaseError:
        logger.warning("Visit not recorded; the visitor's next write records it", exc_info=True)
