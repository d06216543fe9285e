"""The alias-swap rebuild and bulk loading every index of the portal uses (procedures,
documents).

Searches read an alias (`<prefix>-<name>`). A rebuild loads a new timestamped index while the
old one keeps answering, then moves the alias in one atomic `_aliases` call and drops the old
index: searches never see a missing or half-filled index.
"""

import logging
import time
from datetime import UTC, datetime
from itertools import islice

from elasticsearch import NotFoundError
from elasticsearch.helpers import parallel_bulk

from portal.search import elastic
from portal.search.elastic import ES_ERRORS

logger = logging.getLogger(__name__)

BULK_TIMEOUT = 120  # seconds; a bulk request is bigger than a search (2 s)
BULK_CHUNK = 500  # documents per bulk request
BULK_THREADS = 2


class IndexUnavailable(Exception):
    """Elasticsearch is not configured, unreachable, or refused the request."""


def client_for(timeout=None):
    client = elastic.get_client()
    return client.options(request_timeout=timeout) if timeout else client


def bulk(client, actions, ignore_status=()):
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


def rebuild_alias(alias, body, actions_for, catch_up):
    """The alias-swap rebuild every index of the portal uses (procedures, documents).

    `actions_for(index)` yields the bulk actions that fill a new index, `catch_up(client,
    index)` applies what changed while it loaded. The old index keeps answering until the
    alias moves in one atomic `_aliases` call; then it is dropped.
    """
    started = time.perf_counter()
    client = client_for(BULK_TIMEOUT)
    new_index = f"{alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
    body = {**body, "settings": {**body["settings"], "refresh_interval": "-1"}}
    try:
        client.indices.create(index=new_index, **body)  # no refreshes while loading
        count = bulk(client, actions_for(new_index))
        client.indices.put_settings(index=new_index, settings={"refresh_interval": None})
        # One segment: searches sort and count over one set of doc values (about twice as
        # fast as over the few segments a parallel load leaves); it costs a fraction of a
        # second for the catalogue, a few seconds at 50,000.
        client.indices.forcemerge(index=new_index, max_num_segments=1)
        client.indices.refresh(index=new_index)
        old = indices_behind(client, alias)
        actions = [{"add": {"index": new_index, "alias": alias}}]
        actions += [{"remove": {"index": name, "alias": alias}} for name in old]
        if client.indices.exists(index=alias) and not client.indices.exists_alias(name=alias):
            actions.append({"remove_index": {"index": alias}})  # a stray index with our name
        client.indices.update_aliases(actions=actions)
    except ES_ERRORS as error:
        drop(client, new_index)
        raise IndexUnavailable(str(error)) from error
    for name in old:
        drop(client, name)
    caught_up = catch_up(client, new_index)
    return {
        "index": new_index,
        "count": count,
        "caught_up": caught_up,
        "replaced": old,
        "seconds": time.perf_counter() - started,
    }


def indices_behind(client, alias):
    try:
        return sorted(client.indices.get_alias(name=alias))
    except NotFoundError:
        return []


def drop(client, index):
    try:
        client.indices.delete(index=index, ignore_unavailable=True)
    except ES_ERRORS as error:  # a leftover index is reported by the index health commands
        logger.warning("Could not delete index %s: %s", index, error)
