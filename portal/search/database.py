"""Passing many ids to the database, as both database fallbacks (procedures, documents) do."""

from django.db import connection
from django.db.models.expressions import RawSQL

MAX_ID_LIST = 10_000  # more matches than this are passed to SQL as a subquery


def id_set(ids):
    """`ids` for `pk__in`: one array parameter on PostgreSQL rather than one per id.

    Passing a few hundred ids as separate parameters costs the ORM milliseconds per query;
    an array is one value. Other databases get the list as it is.
    """
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return ids
