"""Steady concurrent load for the reliability drills: threads that repeat a request and record
every answer (time, status, Retry-After, search backend, whether the body shows a stack trace).
"""

import json
import threading
import time
import urllib.error
import urllib.request

BYPASS = {"Authorization": "Bench"}  # a request with credentials never uses the page cache
TRACE_MARKERS = ("Traceback (most recent call last)", "OperationalError", "psycopg2")


def get(url, headers=None, timeout=30):
    """(status, headers, body) of a GET; status 0 when the connection itself failed."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    return send(request, timeout)


def send(request, timeout=30):
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")
    except OSError as error:
        return 0, {}, str(error)


def record(started, status, headers, body, **extra):
    backend = ""
    if status == 200 and body.startswith("{"):
        try:
            backend = json.loads(body).get("backend", "")
        except ValueError:
            backend = "invalid-json"
    return {
        "t": round(time.monotonic() - started, 3),
        "status": status,
        "retry_after": headers.get("Retry-After") if headers else None,
        "backend": backend,
        "trace": any(marker in body for marker in TRACE_MARKERS),
        **extra,
    }


class Load:
    """`clients` threads each calling `job(client_number, request_number)` until stopped.

    `job` returns a record (see `record`); records are kept in `self.records`.
    """

    def __init__(self, job, clients):
        self.job, self.clients = job, clients
        self.records, self.lock = [], threading.Lock()
        self.stopping = threading.Event()
        self.started = time.monotonic()
        self.threads = []

    def now(self):
        return round(time.monotonic() - self.started, 3)

    def start(self):
        self.started = time.monotonic()
        for number in range(self.clients):
            thread = threading.Thread(target=self.run, args=(number,), daemon=True)
            thread.start()
            self.threads.append(thread)
        return self

    def run(self, client):
        count = 0
        while not self.stopping.is_set():
            result = self.job(client, count, self.started)
            count += 1
            with self.lock:
                self.records.append(result)

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=90)
        return sorted(self.records, key=lambda r: r["t"])

    def snapshot(self):
        with self.lock:
            return list(self.records)


def summary(records):
    statuses = {}
    for item in records:
        statuses[str(item["status"])] = statuses.get(str(item["status"]), 0) + 1
    backends = {}
    for item in records:
        if item["backend"]:
            backends[item["backend"]] = backends.get(item["backend"], 0) + 1
    return {
        "requests": len(records),
        "statuses": statuses,
        "backends": backends,
        "server_errors_5xx": sum(1 for r in records if r["status"] >= 500),
        "connection_errors": sum(1 for r in records if r["status"] == 0),
        "stack_traces": sum(1 for r in records if r["trace"]),
    }


def between(records, start, end):
    return [r for r in records if start <= r["t"] < end]
