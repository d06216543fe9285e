"""The shared cache (Redis) for every app server, and what happens when Redis is away.

Django's built-in `RedisCache` (redis-py) raises `redis.exceptions.ConnectionError` from every
call while Redis is down or restarting, and redis-py retries each failed call three times
with back-off first. A cache is an optimisation, never a dependency of a page: this subclass
gives up at once (no retry, 0.5 s connect and read time-outs) and turns an outage into a miss
— reads return the default, writes and deletes do nothing — so pages are rendered without
the cache and answer 200, not 500. The first failure is logged, then at most one warning a
minute per process.
"""

import contextlib
import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 0.5
LOG_EVERY_SECONDS = 60
_last_logged = {"at": float("-inf")}


def _log_outage(name):
    now = time.monotonic()
    if now - _last_logged["at"] >= LOG_EVERY_SECONDS:
        _last_logged["at"] = now
        logger.warning("Redis cache unavailable (%s); serving without it", name, exc_info=True)


def _outage_returns(fallback):
    """Run the method; on a Redis error log it (rate-limited) and return `fallback(args)`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError:
                _log_outage(method.__name__)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _default(key, default=None, version=None):
    return default


def _no_keys(keys, version=None):
    return {}


def _all_failed(data, *args, **kwargs):
    return list(data)


def _no_counts(*args, **kwargs):
    return 0, 0


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("retry", Retry(NoBackoff(), 0))
        options.setdefault("socket_connect_timeout", TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", TIMEOUT_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})

    get = _outage_returns(_default)(DjangoRedisCache.get)
    get_many = _outage_returns(_no_keys)(DjangoRedisCache.get_many)
    has_key = _outage_returns(_false)(DjangoRedisCache.has_key)
    add = _outage_returns(_false)(DjangoRedisCache.add)
    set = _outage_returns(_nothing)(DjangoRedisCache.set)
    set_many = _outage_returns(_all_failed)(DjangoRedisCache.set_many)
    touch = _outage_returns(_false)(DjangoRedisCache.touch)
    delete = _outage_returns(_false)(DjangoRedisCache.delete)
    delete_many = _outage_returns(_nothing)(DjangoRedisCache.delete_many)
    incr = _outage_returns(_nothing)(DjangoRedisCache.incr)
    clear = _outage_returns(_false)(DjangoRedisCache.clear)

    @_outage_returns(_no_counts)
    def count_and_read(self, key, other, seconds):
        """`count_and_read` in one round trip: a pipeline of SET NX EX, INCR and GET.

        Django's `incr` alone is two (EXISTS, then INCRBY). The counters are plain integers
        in Redis, written and read here only, never through `get`. Both keys go to the
        first server, where Django's RedisCache writes.
        """
        key, other = self.make_and_validate_key(key), self.make_and_validate_key(other)
        pipe = self._cache.get_client(key, write=True).pipeline(transaction=False)
        pipe.set(key, 0, ex=seconds, nx=True).incr(key).get(other)
        _, count, other_count = pipe.execute()
        return count, int(other_count or 0)


def count_and_read(cache, key, other, seconds):
    """Add one to the counter `key` of `cache` (kept for `seconds`) and read the counter
    `other`: (key's new count, other's count or 0). With Redis away: (0, 0).

    On Redis one atomic round trip of a few bytes. Other backends read both and write one
    (get_many, set): as many statements as DRF's throttle needs on a database table, and,
    like Django's own `incr` there, not atomic (two processes may count one request once).
    """
    if isinstance(cache, RedisCache):
        return cache.count_and_read(key, other, seconds)
    counts = cache.get_many([key, other])
    count = counts.get(key, 0) + 1
    cache.set(key, count, seconds)
    return count, counts.get(other, 0)


def uncount(cache, key):
    """Take back one from the counter `key` (a refused request); nothing if it is gone."""
    with contextlib.suppress(ValueError):
        cache.decr(key)
