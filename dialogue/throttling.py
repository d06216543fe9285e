"""Rate limits shared by every server process, counted in the database.

Limits are "count/seconds" strings in settings.DIALOGUE_RATE_LIMITS; keys are HMACs of the IP
address or e-mail, so the counter table holds no personal data in clear.
"""

import datetime
import hashlib
import hmac
import math
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from ops.client_ip import client_ip as ops_client_ip

from .models import RateLimitCounter


class RateLimited(Exception):
    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text):
        count, _sep, seconds = str(text).partition("/")
        return cls(int(count), int(seconds or 3600))


def limit_for(scope):
    return Limit.parse(settings.DIALOGUE_RATE_LIMITS[scope])


def client_ip(request):
    """The visitor's address, as every part of the portal sees it (behind nginx: the last
    X-Forwarded-For hop added by a trusted proxy)."""
    return ops_client_ip(request)


def hashed(value):
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256)
    return digest.hexdigest()[:40]


def increment(key, window_seconds, now=None):
    """Add one hit to `key` in the current fixed window; return (hits, seconds left)."""
    now = now or timezone.now()
    epoch = now.timestamp()
    start = math.floor(epoch / window_seconds) * window_seconds
    window_start = datetime.datetime.fromtimestamp(start, tz=datetime.UTC)
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    key_col = connection.ops.quote_name("key")
    count_col = connection.ops.quote_name("count")
    # One statement on both PostgreSQL and SQLite (3.35+): atomic under concurrency, and the
    # row lock lasts only as long as the statement. Identifiers come from the model, values
    # are parameters.
    sql = (
        f"INSERT INTO {table} ({key_col}, window_start, {count_col}) VALUES (%s, %s, 1) "  # noqa: S608
        f"ON CONFLICT ({key_col}, window_start) "
        f"DO UPDATE SET {count_col} = {table}.{count_col} + 1 RETURNING {count_col}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, connection.ops.adapt_datetimefield_value(window_start)])
        hits = cursor.fetchone()[0]
    return hits, max(1, int(start + window_seconds - epoch))


def check(scope, identity):
    """Count one hit for `identity` under `scope`; raise RateLimited past the limit."""
    if not settings.DIALOGUE_RATE_LIMITS_ENABLED:
        return
    limit = limit_for(scope)
    hits, retry_after = increment(f"{scope}:{hashed(identity)}", limit.seconds)
    if hits > limit.count:
        raise RateLimited(retry_after)


MIN_RETENTION_SECONDS = 2 * 3600


def purge_expired(now=None):
    """Forget windows older than the longest configured limit."""
    now = now or timezone.now()
    longest = max(limit_for(scope).seconds for scope in settings.DIALOGUE_RATE_LIMITS)
    # Captcha nonces (dialogue.captcha) must outlive their challenge, whatever the limits.
    longest = max(longest, MIN_RETENTION_SECONDS)
    cutoff = now - datetime.timedelta(seconds=longest)
    return RateLimitCounter.objects.filter(window_start__lt=cutoff).delete()[0]
