"""`make run`'s embedded default: SQLite and database search, nothing else running."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the test run itself puts in the environment must not leak into the checked process.
SERVER_ENV = {
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "CACHE_URL",
    "SECRET_KEY",
    "SECURE_COOKIES",
    "DEBUG",
}

SERVE_HOME = """
from django.test import Client
response = Client().get("/", HTTP_HOST="127.0.0.1")
print(response.status_code, '<html lang="vi">' in response.content.decode())
"""


def created_count(output):
    return int(re.search(r"Demo data: (\d+) page", output).group(1))


def run(args, env):
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )


def test_fresh_sqlite_portal_migrates_loads_demo_twice_and_serves(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in SERVER_ENV}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"

    run(["manage.py", "migrate", "--noinput"], env)
    first = run(["manage.py", "load_demo_data"], env)
    second = run(["manage.py", "load_demo_data"], env)
    served = run(["manage.py", "shell", "--no-imports", "-c", SERVE_HOME], env)

    assert created_count(first.stdout) >= 8
    assert created_count(second.stdout) == 0
    assert served.stdout.split() == ["200", "True"]
