"""Every statement the counters send to the database, each bounded by a statement timeout.

Writes: one statement per visitor per minute at most (see stats.middleware):
- one INSERT ... ON CONFLICT (id) DO UPDATE of the row keyed by the visit id: a new visit
  inserts it, a visit going on moves its last_seen.
No counter is read, incremented and written back, so concurrent visitors on any number of
processes and servers can neither lose nor double an update.
"""

import datetime
import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, F
from django.utils import timezone

from stats.models import Visit, VisitDay

logger = logging.getLogger(__name__)
ROLL_UP_BATCH = 1000
ROLL_UP_RETRY_SECONDS = 60
# Per process: the day whose earlier visits are all rolled up, and when to try again after
# a failed batch (a slow store costs a visitor one statement timeout per minute at most).
_rolled_up = {"day": None, "retry_at": 0.0}


@contextmanager
def statement_timeout(milliseconds):
    """Run the block in a transaction whose statements give up after `milliseconds`."""
    if connection.vendor != "postgresql":
        with transaction.atomic():
            yield
        return
    nested = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if nested:  # SET LOCAL would outlive the savepoint: put the old value back after
            cursor.execute("SHOW statement_timeout")
            previous = cursor.fetchone()[0]
        cursor.execute("SELECT set_config('statement_timeout', %s, true)", [f"{milliseconds}ms"])
        yield
        if nested:
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [previous])


def _run(sql, params, fetch=False):
    """One statement under the counters' statement timeout, in one round trip when possible.

    Outside a transaction, PostgreSQL runs a multi-statement query as one implicit
    transaction: the SET LOCAL holds for this statement only, and no BEGIN or COMMIT has to
    travel separately (a write costs one round trip instead of four).
    """
    milliseconds = int(settings.VISITS_STATEMENT_TIMEOUT_MS)
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {milliseconds}; {sql}", params)
            return cursor.fetchone() if fetch else None
    with statement_timeout(milliseconds), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() if fetch else None


def _prepared(**values):
    """Values as the database stores them (uuid, or hex on SQLite; aware datetimes)."""
    return [
        Visit._meta.get_field(name).get_db_prep_value(value, connection, prepared=False)
        for name, value in values.items()
    ]


def record_visit(cookie, now):
    """Record the visit in the cookie as seen at `now`: one upsert of the visit's row.

    A new visit inserts its row; a visit going on moves its last_seen. The same statement for
    both means a visit whose first write failed is recorded by its next one.
    """
    today = datetime.date.fromordinal(cookie.day)
    if _rolled_up["day"] != today and time.monotonic() >= _rolled_up["retry_at"]:
        try:
            if roll_up_batch(today) == 0:
                _rolled_up["day"] = today
        except DatabaseError:
            _rolled_up["retry_at"] = time.monotonic() + ROLL_UP_RETRY_SECONDS
            logger.warning("Roll-up of past visits failed; will retry", exc_info=True)
    _run(
        f"INSERT INTO {Visit._meta.db_table} (id, visitor, day, last_seen) "  # noqa: S608
        "VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (id) DO UPDATE SET last_seen = EXCLUDED.last_seen",
        _prepared(id=cookie.visit, visitor=cookie.visitor, day=today, last_seen=now),
    )


def roll_up_batch(today):
    """Fold up to ROLL_UP_BATCH visits of days before `today` into the daily history.

    The batch deletes the rows it counts and adds what it deleted, in one transaction; a
    concurrent roll-up that deleted them first leaves this one nothing to add, so the
    figures stay exact. Returns how many rows were moved (0: nothing left to do).
    """
    with statement_timeout(settings.VISITS_STATEMENT_TIMEOUT_MS):
        batch = list(
            Visit.objects.filter(day__lt=today)
            .order_by("pk")
            .values_list("pk", "day")[:ROLL_UP_BATCH]
        )
        by_day = {}
        for pk, day in batch:
            by_day.setdefault(day, []).append(pk)
        moved_total = 0
        for day, pks in sorted(by_day.items()):
            moved, _ = Visit.objects.filter(pk__in=pks).delete()
            VisitDay.objects.bulk_create([VisitDay(day=day, visits=0)], ignore_conflicts=True)
            VisitDay.objects.filter(day=day).update(visits=F("visits") + moved)
            moved_total += moved
    return moved_total


def roll_up(today):
    """Fold every past day's visits into the history (management command, tests)."""
    moved = 0
    while batch := roll_up_batch(today):
        moved += batch
    return moved


def read_counts(now):
    """(total counted, online, today, this month) in one statement: one consistent snapshot."""
    today = timezone.localdate(now)
    month_start = today.replace(day=1)
    online_since = now - datetime.timedelta(minutes=settings.VISITS_ONLINE_MINUTES)
    visit, history = Visit._meta.db_table, VisitDay._meta.db_table
    sql = f"""
        SELECT
          (SELECT COALESCE(SUM(visits), 0) FROM {history})
            + (SELECT COUNT(*) FROM {visit}),
          (SELECT COUNT(DISTINCT visitor) FROM {visit} WHERE last_seen > %s),
          (SELECT COALESCE(SUM(visits), 0) FROM {history} WHERE day = %s)
            + (SELECT COUNT(*) FROM {visit} WHERE day = %s),
          (SELECT COALESCE(SUM(visits), 0) FROM {history} WHERE day >= %s)
            + (SELECT COUNT(*) FROM {visit} WHERE day >= %s)
    """  # noqa: S608 - table names come from our own models, values are parameters
    row = _run(sql, [online_since, today, today, month_start, month_start], fetch=True)
    return tuple(int(value) for value in row)


def daily_history(days, now):
    """[(date, visits)] for the last `days` days up to today, days without visits included."""
    today = timezone.localdate(now)
    first = today - datetime.timedelta(days=days - 1)
    counts = dict(VisitDay.objects.filter(day__gte=first).values_list("day", "visits"))
    ongoing = Visit.objects.filter(day__gte=first).values("day").annotate(visits=Count("pk"))
    for row in ongoing:
        counts[row["day"]] = counts.get(row["day"], 0) + row["visits"]
    days_shown = (first + datetime.timedelta(days=offset) for offset in range(days))
    return [(day, counts.get(day, 0)) for day in days_shown]
