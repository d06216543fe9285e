"""Page-serving benchmark: `make bench` (or `.venv/bin/python bench/ops.py`).

Starts a production-like stack (throwaway PostgreSQL + Elasticsearch from bin/test-services,
production settings, demo data, gunicorn with 2 workers on a free loopback port), drives it
with wrk from this process's side of the loopback, and writes bench/results/ops-<time>.json
and .md. Figures come with ratios against two baselines measured in the same run:
- the machine's ceiling: a bare Django view returning a page body from the page cache;
- an uncached trivial template (no database).
Goals: cached pages >= 0.9x the ceiling; uncached pages <= 15 SQL queries each.

The machine is shared, so its speed drifts within a run. Cached pages are therefore measured
in BENCH_ROUNDS rounds (default 3), each right after its own measurement of the ceiling; a
page's ratio is the median of its per-round ratios.

Environment: BENCH_SECONDS (per URL, default 8), BENCH_CONNECTIONS (default 8);
PORTAL_TEST_SERVICES=external with DATABASE_URL/ELASTICSEARCH_URL reuses running servers.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tomllib
from datetime import datetime

from stack import PYTHON, RESULTS, ROOT, Stack

SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
BYPASS = ("Authorization", "Bench")  # a request with credentials never uses the page cache
CACHED_GOAL, QUERY_GOAL = 0.9, 15
BASELINES = [
    {"name": "bare cached view (ceiling)", "path": "/_bench/cached", "kind": "baseline"},
    {"name": "trivial template, uncached", "path": "/_bench/template", "kind": "baseline"},
]


def wrk(url, headers=()):
    # wrk's default 2 s timeout drops the slowest responses from the count (an uncached page
    # on a loaded machine takes longer); 10 s keeps them.
    args = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s", "--latency", url]
    for name, value in headers:
        args += ["-H", f"{name}: {value}"]
    warm_up = [arg if not arg.startswith("-d") else "-d1s" for arg in args]
    subprocess.run(warm_up, capture_output=True, check=True)  # noqa: S603
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
    ceiling_page, template_page = BASELINES
    cached = [page for page in pages if page["kind"] == "cached"]
    ceilings, rounds = [], {page["path"]: [] for page in cached}
    for number in range(1, ROUNDS + 1):
        ceilings.append(wrk(base + ceiling_page["path"]))
        print(f"  round {number}: ceiling {ceilings[-1]['rps']:9.1f} req/s", flush=True)
        for page in cached:
            figures = wrk(base + page["path"])
            figures["x_ceiling"] = _ratio(figures["rps"], ceilings[-1]["rps"])
            rounds[page["path"]].append(figures)
            print(
                f"           {page['name']:22} {figures['rps']:9.1f} req/s "
                f"= {figures['x_ceiling']:.2f}x",
                flush=True,
            )
    results = [{**ceiling_page, **_median_run(ceilings), "queries": 1}]
    results.append({**template_page, **wrk(base + template_page["path"]), "queries": 0})
    for page in cached:
        runs = rounds[page["path"]]
        median = _median_run(runs)
        median["x_ceiling_rounds"] = [round(run["x_ceiling"], 3) for run in runs]
        median["x_ceiling"] = round(statistics.median(run["x_ceiling"] for run in runs), 3)
        results.append({**page, **median, "queries": 0})
    for page in pages:
        if page["kind"] == "uncached":
            figures = wrk(base + page["path"], [BYPASS])
            queries = counts.get(page["path"], {}).get("queries")
            results.append({**page, **figures, "queries": queries})
            print(f"  uncached  {page['name']:28} {figures['rps']:9.1f} req/s", flush=True)
    ceiling, template = results[0]["rps"], results[1]["rps"]
    for result in results:
        result.setdefault("x_ceiling", round(_ratio(result["rps"], ceiling), 3))
        result["x_template"] = round(_ratio(result["rps"], template), 3)
        if result["kind"] == "cached":
            result["goal_met"] = result["x_ceiling"] >= CACHED_GOAL
        elif result["kind"] == "uncached":
            result["goal_met"] = result["queries"] is not None and result["queries"] <= QUERY_GOAL
    return results


def _ratio(rps, baseline_rps):
    """rps / baseline_rps; 0 when the baseline answered nothing in its run (the server stalled:
    the run's figures are then worthless, and the report says so through its goals)."""
    if not baseline_rps:
        print(f"  a baseline answered nothing in {SECONDS} s: this run is unreliable", flush=True)
        return 0.0
    return rps / baseline_rps


def _median_run(runs):
    """The run with the median throughput (its latencies belong to it)."""
    ordered = sorted(runs, key=lambda run: run["rps"])
    return {key: value for key, value in ordered[len(ordered) // 2].items() if key != "x_ceiling"}


def markdown(report):
    lines = [
        f"# Page benchmark {report['started']}",
        "",
        f"{report['machine']}; gunicorn 2 workers x 2 threads; wrk 1 thread, "
        f"{CONNECTIONS} connections, {SECONDS} s per URL, loopback. Cached pages: {ROUNDS} "
        "rounds, each after its own ceiling run; x ceiling is the median of the per-round "
        "ratios (the rounds' ratios follow the table).",
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
    lines.append("")
    for r in report["results"]:
        if "x_ceiling_rounds" in r:
            lines.append(f"- {r['name']}: x ceiling per round {r['x_ceiling_rounds']}")
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
