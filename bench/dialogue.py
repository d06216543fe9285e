"""Load test of the question form: 1,000 submissions from 50 concurrent clients.

Runs against PostgreSQL (DATABASE_URL) through a real gunicorn server started on a free port,
with the rate limits relaxed by setting. Checks that exactly as many questions were stored as
were submitted and that no response was a 5xx; prints throughput and latency, and the ratio
to a baseline measured in the same run (one client submitting sequentially).

    DATABASE_URL=postgres://portal@127.0.0.1:54877/portal_dialogue \
        .venv/bin/python bench/dialogue.py

Options: --total 1000 --clients 50 --baseline 50 --workers 3 --threads 4 --keep
"""

import argparse
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SETTINGS = "portal.settings.test"  # production-like minus whitenoise's collected manifest
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def server_env(args, media):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="WARNING",
        DIALOGUE_CAPTCHA="false",  # robots by design; the captcha is tested in tests/
        DIALOGUE_RATE_LIMIT_SUBMIT_IP="1000000/3600",
        DIALOGUE_RATE_LIMIT_SUBMIT_EMAIL="1000000/86400",
        DIALOGUE_ATTACHMENT_ROOT=str(media),
    )
    return env


def django_setup(env):
    os.environ.update({key: env[key] for key in env if key.startswith(("DJANGO", "DIALOGUE"))})
    import django

    django.setup()


def prepare_database(env):
    run = [sys.executable, "manage.py"]
    migrate = [*run, "migrate", "--noinput", "-v", "0"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True)  # noqa: S603 - fixed command
    demo = [*run, "load_demo_data"]
    subprocess.run(demo, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(args, env, port, log):
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "portal.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={args.workers}",
        f"--threads={args.threads}",
        "--timeout=60",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not answer within 60 s; see its log")


def multipart(fields, files):
    boundary = "----bench" + secrets.token_hex(8)
    parts = []
    for name, value in fields.items():
        header = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{header}{value}\r\n".encode())
    for name, (filename, content, mime) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {mime}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Citizen:
    """One browser: fetches the form once (CSRF cookie), then submits questions."""

    def __init__(self, base, ids):
        self.base, self.ids = base, ids
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        html = self.opener.open(base + "gui-cau-hoi/", timeout=30).read().decode()  # noqa: S310
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def submit(self, run, number):
        fields = {
            "csrfmiddlewaretoken": self.token,
            "full_name": f"Người Thử Tải {number}",
            "province": "46",
            "ward": self.ids["ward"],
            "street": f"{number} Lê Lợi",
            "phone": f"09{number:08d}",
            "email": f"citizen{number}@bench-{run}.example",
            "sector": self.ids["sector"],
            "addressee": self.ids["addressee"],
            "title": f"Câu hỏi thử tải số {number}",
            "content": f"Nội dung câu hỏi thử tải số {number} của lượt {run}, về thủ tục hộ tịch.",
            "consent": "on",
            "website": "",
        }
        files = {}
        if number % 10 == 0:
            files["attachment"] = (f"giay-to-{number}.pdf", PDF, "application/pdf")
        body, content_type = multipart(fields, files)
        request = urllib.request.Request(  # noqa: S310
            self.base + "gui-cau-hoi/",
            data=body,
            headers={"Content-Type": content_type, "Referer": self.base},
        )
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=60) as response:
                status, page = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, page = error.code, error.read().decode(errors="replace")
        elapsed = time.perf_counter() - started
        ok = status == 200 and "Đã nhận câu hỏi của bạn" in page
        return status, elapsed, ok


def phase(base, ids, run, first, count, clients):
    """`count` submissions numbered from `first`, spread over `clients` concurrent citizens."""
    citizens = [Citizen(base, ids) for _ in range(clients)]
    lock = threading.Lock()
    numbers = iter(range(first, first + count))

    def worker(citizen):
        results = []
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                return results
            results.append(citizen.submit(run, number))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = [item for chunk in pool.map(worker, citizens) for item in chunk]
    wall = time.perf_counter() - started
    latencies = sorted(elapsed for _status, elapsed, _ok in results)

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    statuses = {}
    for status, _elapsed, _ok in results:
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "submissions": count,
        "clients": clients,
        "seconds": round(wall, 2),
        "throughput_per_s": round(count / wall, 1),
        "latency_ms": {
            "mean": round(statistics.mean(latencies) * 1000, 1),
            "p50": round(pct(50), 1),
            "p95": round(pct(95), 1),
            "p99": round(pct(99), 1),
            "max": round(latencies[-1] * 1000, 1),
        },
        "statuses": statuses,
        "server_errors": sum(n for status, n in statuses.items() if status >= 500),
        "confirmed": sum(1 for _status, _elapsed, ok in results if ok),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--baseline", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the bench questions")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database (the bench writes to it).")

    run = secrets.token_hex(4)
    media = Path(tempfile.mkdtemp(prefix="dialogue-bench-"))
    env = server_env(args, media)
    prepare_database(env)
    django_setup(env)
    from dialogue.models import Agency, Question, Sector

    ids = {
        "sector": str(Sector.objects.first().pk),
        "addressee": str(Agency.objects.filter(accepts_questions=True).first().pk),
        "ward": "19753",
    }
    port = free_port()
    log_path = media / "gunicorn.log"
    with log_path.open("w") as log:
        server = start_server(args, env, port, log)
        try:
            base = f"http://127.0.0.1:{port}/trao-doi-va-thao-go/"
            baseline = phase(base, ids, run, 0, args.baseline, 1)
            loaded = phase(base, ids, run, 100_000, args.total, args.clients)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)

    stored = Question.objects.filter(email__endswith=f"@bench-{run}.example")
    stored_loaded = stored.filter(title__regex=r"số 1[0-9]{5}$")  # numbered from 100000
    result = {
        "run": run,
        "server": f"gunicorn {args.workers} workers x {args.threads} threads, {SETTINGS}",
        "baseline": baseline,
        "loaded": loaded,
        "rows_stored_loaded_phase": stored_loaded.count(),
        "rows_stored_total": stored.count(),
        "ratios": {
            "throughput_loaded_vs_baseline": round(
                loaded["throughput_per_s"] / baseline["throughput_per_s"], 2
            ),
            "p50_latency_loaded_vs_baseline": round(
                loaded["latency_ms"]["p50"] / baseline["latency_ms"]["p50"], 2
            ),
        },
    }
    exact = result["rows_stored_loaded_phase"] == args.total
    clean = loaded["server_errors"] == 0 and baseline["server_errors"] == 0
    result["exactly_all_rows_stored"] = exact
    result["no_5xx"] = clean
    if not args.keep:
        stored.delete()

    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    out = results_dir / f"dialogue-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2))

    for name in ("baseline", "loaded"):
        item = result[name]
        print(
            f"{name:9} {item['submissions']:5} submissions, {item['clients']:3} clients: "
            f"{item['throughput_per_s']:7.1f}/s, p50 {item['latency_ms']['p50']} ms, "
            f"p95 {item['latency_ms']['p95']} ms, p99 {item['latency_ms']['p99']} ms, "
            f"max {item['latency_ms']['max']} ms, statuses {item['statuses']}"
        )
    print(
        f"rows stored: {result['rows_stored_loaded_phase']} of {args.total} "
        f"({'exact' if exact else 'MISMATCH'}); 5xx: {'none' if clean else 'SOME'}"
    )
    print(
        f"ratios vs baseline: throughput x{result['ratios']['throughput_loaded_vs_baseline']}, "
        f"p50 latency x{result['ratios']['p50_latency_loaded_vs_baseline']}"
    )
    print(f"written {out.relative_to(ROOT)}; gunicorn log {log_path}")
    return 0 if exact and clean else 1


if __name__ == "__main__":
    sys.exit(main())
