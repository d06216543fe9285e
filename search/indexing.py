"""Keeping the procedure index in step with the database.

Searches read an alias (`<prefix>-procedures`). A rebuild loads a new timestamped index
while the old one keeps answering, then moves the alias in one atomic `_aliases` call and
drops the old index: searches never see a missing or half-filled index. Single procedures
are re-indexed after their transaction commits (see signals.py).
"""

import logging
import time
from datetime import UTC, datetime
from itertools import islice

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, NotFoundError
from elasticsearch.helpers import BulkIndexError, parallel_bulk, scan

from search import elastic
from search.documents import ROW_FIELDS, ProcedureDocument, index_body
from search.models import DossierItem, Procedure

logger = logging.getLogger(__name__)

ES_ERRORS = (ApiError, TransportError, BulkIndexError)
BULK_TIMEOUT = 120  # seconds; a bulk request is bigger than a search (2 s)
CHUNK = 1000  # procedures read from the database at a time
BULK_CHUNK = 500  # documents per bulk request
BULK_THREADS = 2


class IndexUnavailable(Exception):
    """Elasticsearch is not configured, unreachable, or refused the request."""


def is_enabled():
    return elastic.is_configured()


def alias_name():
    return elastic.index_name("procedures")


def _client(timeout=None):
    client = elastic.get_client()
    return client.options(request_timeout=timeout) if timeout else client


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


def _bulk(client, actions, ignore_status=()):
    """Send `actions` with two requests in flight (Elasticsearch indexes while we prepare).

    The actions are drawn here, in the calling thread, a batch at a time: the database is
    only ever read from this thread (and its transaction), the threads only talk HTTP.
    """
    count, actions = 0, iter(actions)
    while batch := list(islice(actions, BULK_THREADS * 4 * BULK_CHUNK)):
        for ok, _item in parallel_bulk(
            client,
            batch,
            thread_count=BULK_THREADS,
            chunk_size=BULK_CHUNK,
            raise_on_error=True,
            ignore_status=ignore_status,
        ):
            count += ok
    return count


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


def rebuild_alias(alias, body, actions_for, catch_up):
    """The alias-swap rebuild every index of the portal uses (procedures, documents).

    `actions_for(index)` yields the bulk actions that fill a new index, `catch_up(client,
    index)` applies what changed while it loaded. The old index keeps answering until the
    alias moves in one atomic `_aliases` call; then it is dropped.
    """
    started = time.perf_counter()
    client = _client(BULK_TIMEOUT)
    new_index = f"{alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
    body = {**body, "settings": {**body["settings"], "refresh_interval": "-1"}}
    try:
        client.indices.create(index=new_index, **body)  # no refreshes while loading
        count = _bulk(client, actions_for(new_index))
        client.indices.put_settings(index=new_index, settings={"refresh_interval": None})
        # One segment: searches sort and count over one set of doc values (about twice as
        # fast as over the few segments a parallel load leaves); it costs a fraction of a
        # second for the catalogue, a few seconds at 50,000.
        client.indices.forcemerge(index=new_index, max_num_segments=1)
        client.indices.refresh(index=new_index)
        old = _indices_behind(client, alias)
        actions = [{"add": {"index": new_index, "alias": alias}}]
        actions += [{"remove": {"index": name, "alias": alias}} for name in old]
        if client.indices.exists(index=alias) and not client.indices.exists_alias(name=alias):
            actions.append({"remove_index": {"index": alias}})  # a stray index with our name
        client.indices.update_aliases(actions=actions)
    except ES_ERRORS as error:
        _drop(client, new_index)
        raise IndexUnavailable(str(error)) from error
    for name in old:
        _drop(client, name)
    caught_up = catch_up(client, new_index)
    return {
        "index": new_index,
        "count": count,
        "caught_up": caught_up,
        "replaced": old,
        "seconds": time.perf_counter() - started,
    }


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
        _bulk(client, deletes, ignore_status=(404,))
        client.indices.refresh(index=index)
    except (*ES_ERRORS, IndexUnavailable) as error:
        # The new index answers already; what it misses is what procedure_index_health reports.
        logger.warning("Catching up after the rebuild failed: %s", error)
        return None
    return {"changed": len(changed), "deleted": len(gone)}


def _indices_behind(client, alias):
    try:
        return sorted(client.indices.get_alias(name=alias))
    except NotFoundError:
        return []


def _drop(client, index):
    try:
        client.indices.delete(index=index, ignore_unavailable=True)
    except ES_ERRORS as error:  # a leftover index is reported by procedure_index_health
        logger.warning("Could not delete index %s: %s", index, error)


def index_procedures(ids):
    """Re-index these procedures (deleted ones are removed); the alias must exist."""
    ids = list(ids)
    client = _client(BULK_TIMEOUT)
    alias = alias_name()
    found = set()

    def actions():
        for action in _actions(alias, ids):
            found.add(int(action["_id"]))
            yield action

    try:
        if not client.indices.exists_alias(name=alias):
            raise IndexUnavailable(f"alias {alias} does not exist yet")
        count = _bulk(client, actions())
        gone = [pk for pk in ids if pk not in found]
        deletes = ({"_op_type": "delete", "_index": alias, "_id": str(pk)} for pk in gone)
        _bulk(client, deletes, ignore_status=(404,))
    except ES_ERRORS as error:
        raise IndexUnavailable(str(error)) from error
    return count


def delete_procedure(pk):
    try:
        _client().delete(index=alias_name(), id=str(pk))
    except NotFoundError:
        pass
    except ES_ERRORS as error:
        raise IndexUnavailable(str(error)) from error


def health():
    """The alias, the index behind it, its document count against the database, leftovers."""
    client = _client()
    alias = alias_name()
    report = {"alias": alias, "database_count": Procedure.objects.count()}
    try:
        report["cluster_status"] = client.cluster.health()["status"]
        indices = _indices_behind(client, alias)
        report["indices"] = indices
        if indices:
            report["index_count"] = client.count(index=alias)["count"]
        others = client.indices.get(index=f"{alias}-*", ignore_unavailable=True)
        report["leftovers"] = sorted(set(others) - set(indices))
    except ES_ERRORS as error:
        raise IndexUnavailable(str(error)) from error
    report["in_sync"] = report.get("index_count") == report["database_count"]
    return report
