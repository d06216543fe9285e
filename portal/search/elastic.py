"""The portal's connection to Elasticsearch (elasticsearch-dsl), created on first use."""

import json
import logging
from functools import cache
from urllib.parse import quote

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.helpers import BulkIndexError
from elasticsearch_dsl import connections

logger = logging.getLogger(__name__)

# What an unreachable, slow or refusing cluster raises: callers answer from the database.
ES_ERRORS = (ApiError, TransportError, BulkIndexError)


def is_configured():
    return bool(settings.ELASTICSEARCH_URL)


def hosts():
    """ELASTICSEARCH_URL's nodes: one URL, or several separated by commas (a cluster)."""
    return [url.strip() for url in settings.ELASTICSEARCH_URL.split(",") if url.strip()]


@cache
def get_client():
    """The shared client; never built at import time, only when a search needs it.

    Given every node of a cluster, the client spreads requests over them and retries a
    request that could not reach one node on another (max_retries), so a node going down
    costs no failed search. With several nodes a request that timed out is retried on the
    next one too: a node just back from a restart answers its first searches slowly (the
    scale-out drill saw 2 s time-outs there). With one node a retry would only wait twice
    as long, so a time-out goes straight to the database fallback.
    """
    nodes = hosts()
    client = Elasticsearch(
        nodes,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        retry_on_timeout=len(nodes) > 1,
        max_retries=1,
    )
    connections.add_connection("default", client)
    return client


JSON_HEADERS = {"content-type": "application/json", "accept": "application/json"}


def search(index, body):
    """POST `body` (a dict) to `index`/_search; the answer as a dict.

    The same request as `get_client().search(index=..., body=...)`, with its time-out,
    retries and errors, without the keyword-argument rewriting the client does for every
    call (about 0.25 ms of CPU per search, measured by bench/procedures.py's API ratio).
    """
    data = json.dumps(body, ensure_ascii=False).encode()
    path = f"/{quote(index, safe=',*')}/_search"
    return get_client().perform_request("POST", path, headers=JSON_HEADERS, body=data).body


def index_name(name):
    """Index names carry a per-deployment prefix so environments never share an index."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{name}"


def server_version():
    """The server's version from `GET /_nodes` (the minimal distribution has no `GET /`)."""
    nodes = get_client().nodes.info(filter_path="nodes.*.version")["nodes"]
    return sorted({node["version"] for node in nodes.values()})[0]


def search_or_fallback(search, fallback, what):
    """`search()` on Elasticsearch when it is configured; `fallback()` on the database when
    it is not, or when Elasticsearch fails (logged; the response is marked `degraded`, so no
    page cache keeps it). One rule for every index the portal searches."""
    if not is_configured():
        return fallback()
    try:
        return search()
    except ES_ERRORS as error:
        logger.warning("Elasticsearch failed (%s), answering from the database: %s", what, error)
        response = fallback()
        response.degraded = True
        return response
