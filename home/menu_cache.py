"""Menu links are cached (they change rarely and every page shows them).

They live in the default cache under a version key: saving a menu or publishing, moving or
deleting a page bumps the version (home/signal_handlers.py), and every process reads the
version from the same shared cache (Redis, CACHE_URL) before its menu, so a menu edit made
through one app server shows on all of them at their next request
(tests/ops/test_shared_cache.py; the scale-out drill measures it). The time-out only bounds
the life of entries no version points to any more. Without Redis (the embedded default, one
process) the default cache is this process's memory, which is enough for one process.
"""

from django.core.cache import cache

TIMEOUT = 120
VERSION_KEY = "portal:menus:version"


def key(site_id, language):
    return f"portal:menus:{cache.get(VERSION_KEY, 0)}:{site_id}:{language}"


def get_or_build(site_id, language, build):
    return cache.get_or_set(key(site_id, language), build, TIMEOUT)


def invalidate(**kwargs):
    bump(VERSION_KEY)


def bump(version_key):
    """Move a version key on, so every entry kept under the old version is ignored (also the
    portal settings' key, `PortalSettings.for_site`)."""
    try:
        cache.incr(version_key)
    except ValueError:
        cache.set(version_key, 1, None)
