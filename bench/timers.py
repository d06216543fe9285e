"""Two ways to time one search, shared by bench/procedures.py and bench/documents.py: raw,
as the query body sent straight to Elasticsearch, and through the portal's API. The
benchmarks compare the two per query, so they must be timed the same way."""

import http.client
import json
import time
import urllib.parse


def raw_search(es_url, alias):
    """`raw(body)` → (round trip ms, Elasticsearch's own `took` ms), on one kept connection
    to the first node of `es_url`."""
    address = urllib.parse.urlsplit(es_url.split(",")[0])
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    path = f"/{alias}/_search"

    def raw(body):
        started = time.perf_counter()
        connection.request("POST", path, body, {"Content-Type": "application/json"})
        answer = json.loads(connection.getresponse().read())
        return (time.perf_counter() - started) * 1000, answer["took"]

    return raw


def api_search(client, url):
    """`api(params)` → ms of the portal's API answering from Elasticsearch."""

    def api(params):
        started = time.perf_counter()
        response = client.get(url, params)
        assert response.status_code == 200 and response.json()["backend"] == "elasticsearch"
        return (time.perf_counter() - started) * 1000

    return api
