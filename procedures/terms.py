"""Counting search terms for editors (Reports → Từ tìm kiếm), from the directory's page and
the site search alike: Wagtail's `Query` counts the searches, `SearchTermResult` keeps how
many results the last one found."""

import logging

from django.db import DatabaseError
from wagtail.contrib.search_promotions.models import Query

from procedures.models import SearchTermResult

logger = logging.getLogger(__name__)


def log_query(query, results=None):
    """Count the query for editors (Reports → Search terms), on its first page only, with
    how many results it found (the report marks those that found nothing)."""
    try:
        logged = Query.get(query)
        logged.add_hit()
        if results is not None:
            SearchTermResult.objects.update_or_create(
                query_string=logged.query_string, defaults={"results": results}
            )
    except DatabaseError:  # counting must never cost the visitor their results
        logger.exception("Could not log the search query")
