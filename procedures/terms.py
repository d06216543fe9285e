"""Counting search terms for editors (Reports → Từ tìm kiếm), from the directory's page and
the site search alike: Wagtail's `Query` counts the searches, `SearchTermResult` keeps how
many results the last one found."""

import logging

from django.db import DatabaseError
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from procedures.models import SearchTermResult

logger = logging.getLogger(__name__)


def log_query(query, results=None):
    """Count the query for editors (Reports → Search terms), on its first page only, with
    how many results it found (the report marks those that found nothing).

    Every search pays for this, so it is written in the fewest statements: a term already
    searched today costs three (Wagtail's `Query.get` and `add_hit` took three and
    `update_or_create` four, with its savepoint; an upsert through `bulk_create` three, as it
    wraps itself in BEGIN … COMMIT): the day's hits and the result count are updated in place,
    and inserted only when there is nothing to update.
    """
    try:
        logged = Query.get(query)
        today = timezone.now().date()  # as add_hit dates them, so a day has one row
        hits = QueryDailyHits.objects.filter(query=logged, date=today)
        if not hits.update(hits=F("hits") + 1):
            logged.add_hit(date=today)  # the day's first: Wagtail creates the row
        if results is not None:
            known = SearchTermResult.objects.filter(query_string=logged.query_string)
            if not known.update(results=results, searched_at=timezone.now()):
                SearchTermResult.objects.update_or_create(  # first time: safe against a race
                    query_string=logged.query_string, defaults={"results": results}
                )
    except DatabaseError:  # counting must never cost the visitor their results
        logger.exception("Could not log the search query")
