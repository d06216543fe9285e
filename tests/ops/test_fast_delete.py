"""Bulk deletes stay one statement: no receiver listens to every model's post_delete.

Django sends `post_delete` once per deleted row when any receiver might want it; a receiver
connected without `sender=` wants every model's, so `QuerySet.delete()` would first load the
rows and then delete them batch by batch (20,000 rate-limit rows: 203 queries, 0.56 s).
"""

import datetime

import pytest
from django.db import connection
from django.db.models.signals import post_delete, pre_delete
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dialogue import throttling
from dialogue.models import RateLimitCounter

pytestmark = pytest.mark.postgres

ROWS = 20_000


def test_purging_expired_rate_limit_rows_is_a_single_delete(db):
    old = timezone.now() - datetime.timedelta(days=30)
    RateLimitCounter.objects.bulk_create(
        RateLimitCounter(key=f"ip:{n}", window_start=old, count=1) for n in range(ROWS)
    )

    with CaptureQueriesContext(connection) as captured:
        deleted = throttling.purge_expired()

    assert deleted == ROWS
    assert not RateLimitCounter.objects.exists()
    statements = [q["sql"] for q in captured.captured_queries]
    assert len(statements) <= 2, statements[:5]


def test_no_delete_receiver_listens_to_models_that_do_not_concern_it():
    # What Django asks before a fast delete (Collector.can_fast_delete).
    assert not post_delete.has_listeners(RateLimitCounter)
    assert not pre_delete.has_listeners(RateLimitCounter)
