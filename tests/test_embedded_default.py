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

# The console keeps warnings and errors of the loggers it quiets (LOG_QUIET, fontTools).
LOG_LINES = """
import logging
for name in ("wagtail", "fontTools.subset", "ops.pagecache"):
    logging.getLogger(name).info("chatter from %s", name)
    logging.getLogger(name).warning("problem from %s", name)
"""

# What `make run` shows a visitor: the portal's own 404 (DEBUG off), static files and the
# favicon through whitenoise, absolute links on the address it is served on.
SERVE_AS_DEMO = """
from django.test import Client
client = Client()
missing = client.get("/khong-co-trang-nay/", HTTP_HOST="127.0.0.1")
print(missing.status_code, "Không tìm thấy trang" in missing.content.decode())
print(client.get("/favicon.ico", HTTP_HOST="127.0.0.1").status_code)
print(client.get("/static/css/portal.css", HTTP_HOST="127.0.0.1").status_code)
sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").content.decode()
print(sitemap.count("<loc>http://127.0.0.1:8123/") == sitemap.count("<loc>"))
"""

CHECK_LOGIN = """
import sys
from django.contrib.auth import get_user_model
for line in sys.stdin.read().splitlines()[1:]:
    username, password, group = line.split(None, 2)
    user = get_user_model().objects.get(username=username)
    print(username, user.check_password(password) and user.is_staff, user.groups.count())
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
    served = run(["manage.py", "shell", "--no-imports", "-c", SERVE_HOME + LOG_LINES], env)

    assert created_count(first.stdout) >= 8
    # A first load made ~1,660 lines of INFO chatter (font subsetting for the demo PDFs, the
    # page log, page-cache purges) that buried anything worth reading on `make run`'s console.
    assert len(first.stderr.splitlines()) <= 20, first.stderr[:3000]
    for name in ("wagtail", "fontTools.subset", "ops.pagecache"):
        assert f"WARNING {name} problem from {name}" in served.stderr
        assert f"chatter from {name}" not in served.stderr
    assert created_count(second.stdout) == 0
    assert served.stdout.split() == ["200", "True"]

    run(["manage.py", "set_site_address", "0.0.0.0", "8123"], env)  # noqa: S104
    demo = run(["manage.py", "shell", "--no-imports", "-c", SERVE_AS_DEMO], env)
    assert demo.stdout.split() == ["404", "True", "200", "200", "True"]
    assert "Traceback" not in demo.stderr and "URLconf" not in demo.stdout

    accounts = run(["manage.py", "ensure_demo_accounts"], env).stdout
    logins = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", CHECK_LOGIN],
        cwd=ROOT,
        env=env,
        input=accounts,
        capture_output=True,
        text=True,
        check=True,
    )
    assert logins.stdout.split() == [
        *("bientap", "True", "1"),
        *("duyet", "True", "1"),
        *("kiemduyet", "True", "1"),
        *("traloi", "True", "1"),
    ]
