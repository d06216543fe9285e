"""A production-like stack for the benchmarks and drills (bench/ops.py, bench/drills.py).

Throwaway PostgreSQL + Elasticsearch from bin/test-services, production settings, demo data,
collected static files and gunicorn (2 workers, site/gunicorn.conf.py) on a free loopback
port. PORTAL_TEST_SERVICES=external reuses the servers named by DATABASE_URL and
ELASTICSEARCH_URL, except where a caller needs servers it may stop (`own_services=True`).
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
TEST_SERVICES = str(ROOT / "bin" / "test-services")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer /healthz")


class Stack:
    """`with Stack() as stack:` -> stack.base (URL), stack.env, stack.manage(...), stack.pause()."""

    def __init__(self, own_services=False, workers=2, extra_env=None):
        self.external = os.environ.get("PORTAL_TEST_SERVICES") == "external"
        if own_services and self.external:
            raise SystemExit(
                "This run stops and restarts its servers: it never uses external ones. "
                "Unset PORTAL_TEST_SERVICES."
            )
        self.workers, self.extra_env = workers, extra_env or {}
        self.workdir = Path(tempfile.mkdtemp(prefix="portal-bench."))
        self.workdir.chmod(0o755)  # as root the servers run as `nobody`, who must reach it
        self.services_dir = self.workdir / "services"
        self.gunicorn = None
        self.base = ""
        self.env = {}

    def __enter__(self):
        try:
            self.env = self.stack_env(self.start_services())
            self.manage("migrate", "--noinput", "-v0")
            self.manage("load_demo_data", quiet=True)
            self.manage("collectstatic", "--noinput", "-v0")
            self.start_gunicorn()
        except BaseException:
            if self.gunicorn:
                print(self.gunicorn_log()[-3000:], file=sys.stderr)
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        self.stop_gunicorn()
        if not self.external:
            subprocess.run([TEST_SERVICES, "stop", str(self.services_dir)], check=False)  # noqa: S603
        shutil.rmtree(self.workdir, ignore_errors=True)

    def start_services(self):
        if self.external:
            keys = ("DATABASE_URL", "ELASTICSEARCH_URL")
            return {k: os.environ[k] for k in keys if k in os.environ}
        subprocess.run([TEST_SERVICES, "start", str(self.services_dir)], check=True)  # noqa: S603
        lines = (self.services_dir / "env").read_text().splitlines()
        return dict(line.split("=", 1) for line in lines if "=" in line)

    def stack_env(self, services):
        env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECURE_COOKIES"}}
        env.update(services)
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            SECURE_COOKIES="false",
            STATIC_ROOT=str(self.workdir / "static"),
            ELASTICSEARCH_INDEX_PREFIX="bench",
            BENCH_VIEWS="true",
            LOG_LEVEL="WARNING",
        )
        env.update(self.extra_env)
        return env

    def manage(self, *args, quiet=False):
        output = subprocess.DEVNULL if quiet else None
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True, stdout=output
        )

    def start_gunicorn(self):
        port = free_port()
        self.env.update(GUNICORN_WORKERS=str(self.workers), GUNICORN_BIND=f"127.0.0.1:{port}")
        self.log_path = self.workdir / "gunicorn.log"
        self.gunicorn = subprocess.Popen(  # noqa: S603
            [str(ROOT / ".venv/bin/gunicorn"), "-c", "site/gunicorn.conf.py", "portal.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log_path.open("w"),
            stderr=subprocess.STDOUT,
        )
        self.base = f"http://127.0.0.1:{port}"
        wait_until_up(self.base)

    def stop_gunicorn(self):
        if self.gunicorn:
            self.gunicorn.terminate()
            self.gunicorn.wait(timeout=30)
            self.gunicorn = None

    def pause(self, service):
        """Stop `postgres` or `elasticsearch`, keeping its data and port."""
        subprocess.run([TEST_SERVICES, "pause", str(self.services_dir), service], check=True)  # noqa: S603

    def resume(self, service):
        subprocess.run([TEST_SERVICES, "resume", str(self.services_dir), service], check=True)  # noqa: S603

    def gunicorn_log(self):
        return self.log_path.read_text(errors="replace")
