"""Page-serving benchmark: `make bench` (or `.venv/bin/python bench/ops.py`).

Starts a production-like stack (throwaway PostgreSQL + Elasticsearch from bin/test-services,
production settings, demo data, gunicorn with 2 workers on a free loopback port), drives it
with wrk from this process's side of the loopback, and writes bench/results/ops-<time>.json
and .md. Figures come with ratios against two baselines measured in the same run:
- the machine's ceiling: a bare Django view returning a page body from the page cache;
- an uncached trivial template (no database).
Goals: cached pages >= 0.9x the ceiling; uncached pages <= 15 SQL queries each.

Environment: BENCH_SECONDS (per URL, default 8), BENCH_CONNECTIONS (default 8);
PORTAL_TEST_SERVICES=external with DATABASE_URL/ELASTICSEARCH_URL reuses running servers.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import datetime

from stack import PYTHON, RESULTS, ROOT, Stack

SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
BYPASS = ("Authorization", "Bench")  # a request with credentials never uses the page cache
CACHED_GOAL, QUERY_GOAL = 0.9, 15
BASELINES = [
    {"name": "bare cached view (ceiling)", "path": "/_bench/cached", "kind": "baseline"},
    {"name": "trivial template, uncached", "path": "/_bench/template", "kind": "baseline"},
]


def wrk(url, headers=()):
    args = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url]
    for name, value in headers:
        args += ["-H", f"{name}: {value}"]
    subprocess.run([*args[:4], "-d1s", url, *args[6:]], capture_output=True, check=True)  # noqa: S603 - warm-up
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout  # noqa: S603

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match[1]), match[2]
        return round(value * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "non_2xx": int(errors[1]) if errors else 0,
        "socket_errors": socket_errors[1].strip() if socket_errors else "",
    }


COUNT_QUERIES = """
import json, sys, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, counts = Client(), {}
for path in json.loads(sys.argv[1]):
    client.get(path, HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION="Bench")  # warm process caches
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path, HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION="Bench").status_code
    counts[path] = {"status": status, "queries": len(queries)}
print(json.dumps(counts))
"""


def query_counts(env, paths):
    out = subprocess.run(  # noqa: S603
        [PYTHON, "-c", COUNT_QUERIES, json.dumps(paths)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(base, pages, counts):
    results = []
    for page in BASELINES + pages:
        headers = [BYPASS] if page["kind"] == "uncached" else []
        figures = wrk(base + page["path"], headers)
        queries = counts.get(page["path"], {}).get("queries") if page["kind"] != "cached" else 0
        results.append({**page, **figures, "queries": queries})
        print(f"  {page['kind']:9} {page['name']:28} {figures['rps']:9.1f} req/s", flush=True)
    ceiling, template = results[0]["rps"], results[1]["rps"]
    for result in results:
        result["x_ceiling"] = round(result["rps"] / ceiling, 3)
        result["x_template"] = round(result["rps"] / template, 3)
        if result["kind"] == "cached":
            result["goal_met"] = result["x_ceiling"] >= CACHED_GOAL
        elif result["kind"] == "uncached":
            result["goal_met"] = result["queries"] is not None and result["queries"] <= QUERY_GOAL
    return results


def markdown(report):
    lines = [
        f"# Page benchmark {report['started']}",
        "",
        f"{report['machine']}; gunicorn 2 workers x 2 threads; wrk 1 thread, "
        f"{CONNECTIONS} connections, {SECONDS} s per URL, loopback.",
        "",
        "| kind | page | req/s | p50 ms | p99 ms | x ceiling | x template | SQL | goal |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in report["results"]:
        goal = {True: "met", False: "MISSED"}.get(r.get("goal_met"), "")
        lines.append(
            f"| {r['kind']} | {r['name']} `{r['path']}` | {r['rps']:.0f} | {r['p50_ms']} | "
            f"{r['p99_ms']} | {r['x_ceiling']} | {r['x_template']} | "
            f"{'' if r['queries'] is None else r['queries']} | {goal} |"
        )
    lines += [
        "",
        f"Goals: cached pages >= {CACHED_GOAL}x the bare cached view; uncached pages <= "
        f"{QUERY_GOAL} SQL queries. Cached pages cost one page-cache read (a SELECT on the "
        "cache table with the default database cache).",
    ]
    return "\n".join(lines) + "\n"


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `make bench` installs it (apt-get install wrk)")
    pages = tomllib.loads((ROOT / "bench" / "pages.toml").read_text())["page"]
    started = datetime.now().strftime("%Y%m%d-%H%M%S")
    with Stack() as stack:
        paths = sorted({p["path"] for p in BASELINES + pages})
        counts = query_counts(stack.env, paths)
        print(f"Benchmarking {stack.base} ({SECONDS} s per URL)", flush=True)
        report = {
            "started": started,
            "machine": f"{os.cpu_count()} cores",
            "seconds_per_url": SECONDS,
            "connections": CONNECTIONS,
            "query_counts": counts,
            "results": measure(stack.base, pages, counts),
        }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"ops-{started}.json").write_text(json.dumps(report, indent=2))
    (RESULTS / f"ops-{started}.md").write_text(markdown(report))
    print(markdown(report))


if __name__ == "__main__":
    main()
