"""Where a page address leads, kept in the shared cache until a page changes.

Wagtail finds the page of every request by walking down from the home page: on the demo,
warm, an article's walk is four queries (the language, the home page, the news index, the
article with its picture) and 5 of its 15 ms. What the walk finds depends only on the
address, the Site, the language and the published pages, so it is kept in the default cache
(Redis on every multi-process set-up) under a version key that moves on whenever any of those
may have changed (home/signal_handlers.py):

- a page saved with anything but draft bookkeeping (a publish saves it too), unpublished,
  moved or deleted;
- a Site, a Locale or a view restriction saved or deleted.

The version is moved at once and again when the transaction commits: a request that read the
old version while the change was being written may have stored what it read, under a version
no request reads any more.

What is kept is a snapshot taken as routing ends: the route (page, arguments) and what routing
noted on the request (the pages walked, for the breadcrumbs; the news index). Every request
gets its own copy. Routes through a routable page's sub-routes (a news index's lists and
feeds) are not kept (NOTED_ON_REQUEST). Objects the pages carry from other tables (an
article's picture, a document's issuer) are dropped from the snapshot, since they change
without a page changing: a page that shows them reads them again. Languages stay (a Locale
change moves the version).

This holds while a page type's `route()` looks at nothing else (Wagtail's do not, nor do
ours: who may see a page is checked after routing, by Wagtail's view-restriction hook).

A route that fails (404) is not kept. ROUTE_CACHE_SECONDS bounds how long an unused entry
stays (0 turns the cache off); the data in an entry is never older than the version.
"""

import hashlib
import logging
import pickle

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from home.menu_cache import bump

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:pages:version"
# What routing may note on the request and be kept with the route (home.route_trail, news
# index). A route that noted anything else is not kept: it may depend on who asks (the user,
# the session), or be Django's ResolverMatch of a routable page's sub-route (lists, feeds),
# which refuses to be copied.
NOTED_ON_REQUEST = frozenset({"portal_route_trail", "news_index"})
VERSION_ATTRIBUTE = "_portal_pages_version"
# Fields Wagtail writes when a draft is saved, autosaved or locked: the live page is unchanged.
DRAFT_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def version(request=None):
    """The current pages version, read once per request."""
    if request is not None and hasattr(request, VERSION_ATTRIBUTE):
        return getattr(request, VERSION_ATTRIBUTE)
    current = cache.get(VERSION_KEY, 0)
    if request is not None:
        setattr(request, VERSION_ATTRIBUTE, current)
    return current


def remember(request, name, parts, compute):
    """`compute()`, kept under the pages version: for what depends only on published pages."""
    return cache.get_or_set(_key(request, name, parts), compute, settings.ROUTE_CACHE_SECONDS)


def route(request, path):
    """Wagtail's route for `path` (what `Page.route_for_request` returns), from the cache when
    the pages have not changed since it was kept. Leaves it on the request for Wagtail."""
    if hasattr(request, "_wagtail_route_for_request") or not settings.ROUTE_CACHE_SECONDS:
        return Page.route_for_request(request, path)
    site = getattr(request, "_wagtail_site", None)
    key = _key(request, "route", (site.pk if site else None, get_language(), path))
    kept = cache.get(key)  # a copy of its own: the cache unpickles it for this request
    if kept is not None:
        result, noted = kept
        request.__dict__.update(noted)
        request._wagtail_route_for_request = result
        return result
    before = set(request.__dict__)
    result = Page.route_for_request(request, path)
    noted = set(request.__dict__) - before - {"_wagtail_route_for_request"}
    if result is not None and noted <= NOTED_ON_REQUEST:
        snapshot = _snapshot(result, {name: getattr(request, name) for name in noted})
        if snapshot is not None:
            cache.set(key, snapshot, settings.ROUTE_CACHE_SECONDS)
    return result


def _snapshot(result, noted):
    """A copy of what routing found, without the objects from other tables (this request keeps
    its own objects as they are); None if it cannot be copied."""
    try:
        copy = pickle.loads(pickle.dumps((result, noted)))  # noqa: S301 (made just above)
    except (pickle.PicklingError, TypeError, AttributeError):
        logger.debug("Route not cached: something routing kept cannot be copied", exc_info=True)
        return None
    for instance in _instances(copy):
        cached = instance._state.fields_cache
        for name in [name for name, value in cached.items() if not isinstance(value, Locale)]:
            del cached[name]
    return copy


def _instances(value, seen=None):
    """The model instances in a snapshot (the route, its arguments, the noted values), and
    those they point to."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, models.Model):
        yield value
        for name, item in vars(value).items():
            if name != "_state":
                yield from _instances(item, seen)
    elif isinstance(value, RouteResult):
        yield from _instances((value.page, value.args, value.kwargs), seen)
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            yield from _instances(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _instances(item, seen)


def _key(request, name, parts):
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"portal:pages:{version(request)}:{name}:{digest}"


class KnownRestrictionsMixin:
    """Wagtail's view-restriction check without its two queries (the page's ancestors, then
    their restrictions) when no restriction applies, which the pages version knows: a
    restriction saved or deleted moves it on, as a page moved or an alias published does.
    When one applies, Wagtail's own queries answer."""

    def get_view_restrictions(self):
        wagtails = super().get_view_restrictions
        if remember(None, "restricted", self.pk, lambda: wagtails().exists()):
            return wagtails()
        return PageViewRestriction.objects.none()


def invalidate(**kwargs):
    """Move the pages version on now, and again once the change is committed."""
    bump(VERSION_KEY)
    transaction.on_commit(lambda: bump(VERSION_KEY))


def page_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return  # a draft, an autosave, a lock: nothing visitors see
    invalidate()
