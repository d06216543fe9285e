"""Keeping the procedure index in step with the database.

Searches read an alias (`<prefix>-procedures`), rebuilt by the alias swap every index
shares (`portal.search.indexes.rebuild_alias`): a new timestamped index loads while the old
one keeps answering, and searches never see a missing or half-filled index. Single
procedures are re-indexed after their transaction commits (see signal_handlers.py).
"""

import logging

from django.conf import settings
from elasticsearch import NotFoundError
from elasticsearch.helpers import scan

from portal.search import elastic
from portal.search.elastic import ES_ERRORS
from portal.search.indexes import (
    BULK_TIMEOUT,
    IndexUnavailable,
    bulk,
    client_for,
    indices_behind,
    rebuild_alias,
)
from procedures.documents import ROW_FIELDS, ProcedureDocument, index_body
from procedures.models import DossierItem, Procedure

logger = logging.getLogger(__name__)

CHUNK = 1000  # procedures read from the database at a time

# Callers catch these from here: `except indexing.IndexUnavailable`.
__all__ = ["ES_ERRORS", "IndexUnavailable", "alias_name", "health", "index_procedures", "rebuild"]


def is_enabled():
    return elastic.is_configured()


def alias_name():
    return elastic.index_name("procedures")


def _rows(ids=None):
    """Procedure rows as dicts with their levels, agencies and dossier names, by pk chunks."""
    queryset = Procedure.objects.order_by("pk")
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    pks = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        levels, agencies, dossier = {}, {}, {}
        level_rows = Procedure.levels.through.objects.filter(procedure_id__in=chunk)
        level_rows = level_rows.order_by("level__order")
        for pk, level in level_rows.values_list("procedure_id", "level_id"):
            levels.setdefault(pk, []).append(level)
        agency_rows = Procedure.implementing_agencies.through.objects.filter(procedure_id__in=chunk)
        for pk, name in agency_rows.order_by("pk").values_list("procedure_id", "agency__name"):
            agencies.setdefault(pk, []).append(name)
        item_rows = DossierItem.objects.filter(procedure_id__in=chunk).order_by("sort_order")
        for pk, name in item_rows.values_list("procedure_id", "name"):
            dossier.setdefault(pk, []).append(name)
        for row in Procedure.objects.filter(pk__in=chunk).order_by("pk").values(*ROW_FIELDS):
            pk = row["pk"]
            yield row, levels.get(pk, []), agencies.get(pk, []), dossier.get(pk, [])


def _actions(index, ids=None):
    for row, levels, agencies, dossier in _rows(ids):
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": str(row["pk"]),
            "_source": ProcedureDocument.from_row(row, levels, agencies, dossier),
        }


def rebuild():
    """Build a new procedure index, then swap the alias to it atomically; returns what it did.

    Procedures saved or deleted while the new index loads are re-indexed through the old
    one (the alias); once the alias has moved, `_catch_up` applies them to the new index too.
    """
    return rebuild_alias(
        alias_name(),
        index_body(settings.ELASTICSEARCH_PROCEDURE_REPLICAS),
        _actions,
        _catch_up,
    )


def _catch_up(client, index):
    """Edits and deletions made during a rebuild, applied to the index it built.

    Each document keeps the `updated_at` of the row it was made from, so the procedures to
    re-index are exactly those whose row is newer than their document (or has none), and no
    clock needs to agree with another.
    """
    try:
        indexed = {
            int(hit["_id"]): hit["_source"].get("updated_at")
            for hit in scan(client, index=index, _source=["updated_at"], size=2000)
        }
        current = dict(Procedure.objects.values_list("pk", "updated_at"))
        changed = [pk for pk, updated in current.items() if indexed.get(pk) != updated.isoformat()]
        if changed:
            index_procedures(changed)
        gone = indexed.keys() - current.keys()
        deletes = ({"_op_type": "delete", "_index": index, "_id": str(pk)} for pk in gone)
        bulk(client, deletes, ignore_status=(404,))
        client.indices.refresh(index=index)
    except (*ES_ERRORS, IndexUnavailable) as error:
        # The new index answers already; what it misses is what procedure_index_health reports.
        logger.warning("Catching up after the rebuild failed: %s", error)
        return None
    return {"changed": len(changed), "deleted": len(gone)}


def index_procedures(ids):
    """Re-index these procedures (deleted ones are removed); the alias must exist."""
    ids = list(ids)
    client = client_for(BULK_TIMEOUT)
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
        gone = [pk for pk in ids if pk not in found]
        deletes = ({"_op_type": "delete", "_index": alias, "_id": str(pk)} for pk in gone)
        bulk(client, deletes, ignore_status=(404,))
    except ES_ERRORS as error:
        raise IndexUnavailable(str(error)) from error
    return count


def delete_procedure(pk):
    try:
        client_for().delete(index=alias_name(), id=str(pk))
    except NotFoundError:
        pass
    except ES_ERRORS as error:
        raise IndexUnavailable(str(error)) from error


def health():
    """The alias, the index behind it, its document count against the database, leftovers."""
    client = client_for()
    alias = alias_name()
    report = {"alias": alias, "database_count": Procedure.objects.count()}
    try:
        report["cluster_status"] = client.cluster.health()["status"]
        indices = indices_behind(client, alias)
        report["indices"] = indices
        if indices:
            report["index_count"] = client.count(index=alias)["count"]
        others = client.indices.get(index=f"{alias}-*", ignore_unavailable=True)
        report["leftovers"] = sorted(set(others) - set(indices))
    except ES_ERRORS as error:
        raise IndexUnavailable(str(error)) from error
    report["in_sync"] = report.get("index_count") == report["database_count"]
    return report
