"""Keeping the document index in step with the live documents.

The rebuild is the alias swap every index shares (`portal.search.indexes.rebuild_alias`):
a new timestamped index is loaded while the old one answers, then the alias
`<prefix>-documents` moves to it in one atomic call. A document is re-indexed after the
transaction that published, unpublished or deleted it commits (signal_handlers.py).

Only public documents are indexed (`indexed()`: live, and no view restriction on the page
or above it, Wagtail's `.public()`): whatever is in the index is listed to anyone. Adding
or removing a restriction re-indexes the documents under it.
"""

import logging

from elasticsearch import NotFoundError

from documents.search_document import ROW_FIELDS, LegalDocument, index_body
from portal.search import elastic
from portal.search.elastic import ES_ERRORS
from portal.search.indexes import (
    IndexUnavailable,
    bulk,
    client_for,
    indices_behind,
    rebuild_alias,
)

logger = logging.getLogger(__name__)
CHUNK = 1000

__all__ = ["ES_ERRORS", "IndexUnavailable", "alias_name", "index_documents", "rebuild"]


def is_enabled():
    return elastic.is_configured()


def alias_name():
    return elastic.index_name("documents")


def indexed():
    """The documents listed anywhere: what the index holds, the database fallback searches,
    the feed, the API and a document's relations show. Live and public.

    Public as Wagtail's `.public()` decides (no view restriction on the page or on a page
    above it), but inside the same SQL query: `.public()` first reads every
    PageViewRestriction, one more round trip, which took /van-ban/ answered by the database
    (the embedded default's only search) from 15 queries to 16, past every page's budget
    (tests/ops/test_query_counts.py); tests/documents/test_privacy.py holds both to the
    same answer.
    """
    from django.db.models import Exists, F, OuterRef
    from django.db.models.functions import Length, Substr
    from django.db.models.lookups import Exact
    from wagtail.models import PageViewRestriction

    from documents.models import LegalDocumentPage

    restricted_above = PageViewRestriction.objects.filter(
        Exact(Substr(OuterRef("path"), 1, Length("page__path")), F("page__path"))
    )
    return LegalDocumentPage.objects.live().exclude(Exists(restricted_above))


def _rows(ids=None):
    from documents.models import LegalDocumentPage

    queryset = indexed().order_by("pk")
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    pks = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        rows = LegalDocumentPage.objects.filter(pk__in=chunk).order_by("pk")
        yield from rows.values(*ROW_FIELDS)


def _actions(index, ids=None):
    for row in _rows(ids):
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": str(row["pk"]),
            "_source": LegalDocument.from_row(row),
        }


def rebuild():
    from django.conf import settings

    return rebuild_alias(
        alias_name(), index_body(settings.ELASTICSEARCH_PROCEDURE_REPLICAS), _actions, _catch_up
    )


def _catch_up(client, index):
    """Re-index the documents changed while the rebuild loaded (compared by revision time)."""
    from elasticsearch.helpers import scan

    try:
        in_index = {
            int(hit["_id"]): hit["_source"].get("updated_at")
            for hit in scan(client, index=index, _source=["updated_at"], size=2000)
        }
        current = dict(indexed().values_list("pk", "latest_revision_created_at"))
        changed = [
            pk
            for pk, updated in current.items()
            if in_index.get(pk) != (updated.isoformat() if updated else None)
        ]
        gone = in_index.keys() - current.keys()
        bulk(client, _actions(index, changed))
        deletes = ({"_op_type": "delete", "_index": index, "_id": str(pk)} for pk in gone)
        bulk(client, deletes, ignore_status=(404,))
        client.indices.refresh(index=index)
    except ES_ERRORS as error:
        logger.warning("Catching up after the document rebuild failed: %s", error)
        return None
    return {"changed": len(changed), "deleted": len(gone)}


def index_documents(ids, refresh=False):
    """Re-index these documents; those no longer live and public are removed. The alias
    must exist."""
    ids = list(ids)
    client = client_for()
    alias = alias_name()
    found = set()

    def actions():
        for action in _actions(alias, ids):
            found.add(int(action["_id"]))
            yield action

    try:
        if not client.indices.exists_alias(name=alias):
            raise IndexUnavailable(f"alias {alias} does not exist yet")
        count = bulk(client, actions())
        deletes = (
            {"_op_type": "delete", "_index": alias, "_id": str(pk)} for pk in ids if pk not in found
        )
        bulk(client, deletes, ignore_status=(404,))
        if refresh:
            client.indices.refresh(index=alias)
    except ES_ERRORS as error:
        raise IndexUnavailable(str(error)) from error
    return count


def health():
    client = client_for()
    alias = alias_name()
    report = {"alias": alias, "database_count": indexed().count()}
    try:
        report["indices"] = indices_behind(client, alias)
        report["index_count"] = client.count(index=alias)["count"] if report["indices"] else None
    except NotFoundError:
        report["indices"], report["index_count"] = [], None
    except ES_ERRORS as error:
        raise IndexUnavailable(str(error)) from error
    report["in_sync"] = report["index_count"] == report["database_count"]
    return report
