"""Menu links are cached (they change rarely and every page shows them).

The cache is dropped whenever a menu or a page changes (see `home.apps`); a short time-out
bounds staleness when app servers do not share a cache.
"""

from django.core.cache import cache

TIMEOUT = 120
VERSION_KEY = "portal:menus:version"


def key(site_id, language):
    return f"portal:menus:{cache.get(VERSION_KEY, 0)}:{site_id}:{language}"


def get_or_build(site_id, language, build):
    return cache.get_or_set(key(site_id, language), build, TIMEOUT)


def invalidate(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
