"""The scale-out drill (`make drills`, or `.venv/bin/python bench/drills.py scale-out`).

Two app servers as two machines would run them, on one machine: nginx (Debian's, with
site/nginx.conf, its TLS and paths adapted to loopback) in front of two gunicorn servers, each
its own process group on its own port (A and B); Redis as the shared cache (CACHE_URL,
PAGE_CACHE_URL, VISITS_CACHE_URL); PostgreSQL; and two Elasticsearch nodes of the same minimal
distribution forming one cluster (the procedure index with one replica, the client given both
nodes). Under steady load (pages through nginx and on each server, procedure searches) it
checks, with figures:

  menu          a menu edit made through server A is served by server B within 1 s;
  article       an article published through A appears on the news list through nginx
                (its micro-cache in play) within 2 s;
  visitors      1,000 distinct browsers, each seen by both servers (first page on one, second
                page on the other), count exactly 1,000 visits;
  es-node       one Elasticsearch node killed (SIGKILL): 0 failed searches, the cluster goes
                yellow, and green again once the node is back;
  redis         Redis restarted: pages keep answering (rendered without the cache), no 500.

PASS/FAIL per check; `internal_server_errors` counts 500s in both servers' logs over the run.
"""

import http.cookies
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from load import BYPASS, Load, get, record, send, summary
from stack import PYTHON, ROOT, TEST_SERVICES, Stack, free_port, wait_until_up

VISITORS = int(os.environ.get("DRILL_VISITORS", "1000"))
# Steady load: 2 clients keep both servers and nginx busy without saturating a 2-core machine
# (with 4, a page took B over a second to render, which the 1 s menu check then measured).
LOAD_CLIENTS = int(os.environ.get("DRILL_SCALE_CLIENTS", "2"))
MENU_WITHIN_S = 1.0
ARTICLE_WITHIN_S = 2.0
BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0"}
# Requests nginx may answer from its micro-cache (the visit counter's one-minute cookie is
# set) and the app never counts (not a browser's user agent): the steady load and the polls,
# so that the visitors check counts only its own browsers.
COUNTED = {"Cookie": "portal_seen=1"}
SEARCHES = ["dang ky khai sinh", "hộ tịch", "đất đai", "chứng thực", "giấy phép lái xe"]
NEWS_LIST = "/tin-tuc/"
# Every page shows the menu; the contact page is a plain one, so B's answer time measures the
# shared caches rather than the home page's many sections (1.5 s to render on a loaded run).
MENU_PAGE = "/lien-he/"


class ScaleStack(Stack):
    """bench/stack.py's stack with Redis, a second Elasticsearch node, two gunicorn servers
    and nginx in front of them."""

    def __init__(self, extra_env=None):
        super().__init__(own_services=True, workers=2, extra_env=extra_env)
        self.servers = {}  # name -> (Popen, base URL, log path)
        self.nginx = None

    def start_services(self):
        subprocess.run([TEST_SERVICES, "start", str(self.services_dir)], check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [TEST_SERVICES, "add-es-node", str(self.services_dir)], check=True
        )
        lines = (self.services_dir / "env").read_text().splitlines()
        services = dict(line.split("=", 1) for line in lines if "=" in line)
        redis = services["REDIS_URL"].rsplit("/", 1)[0]
        services.update(
            CACHE_URL=f"{redis}/0",
            PAGE_CACHE_URL=f"{redis}/1",
            VISITS_CACHE_URL=f"{redis}/2",
            ELASTICSEARCH_PROCEDURE_REPLICAS="1",
            ALLOWED_HOSTS="127.0.0.1,localhost",
        )
        return services

    def start_gunicorn(self):
        self.manage("rebuild_procedure_index", quiet=True)
        for name in ("A", "B"):
            port = free_port()
            env = {
                **self.env,
                "GUNICORN_WORKERS": str(self.workers),
                "GUNICORN_BIND": f"127.0.0.1:{port}",
            }
            log_path = self.workdir / f"gunicorn-{name}.log"
            process = subprocess.Popen(  # noqa: S603
                [str(ROOT / ".venv/bin/gunicorn"), "-c", "site/gunicorn.conf.py", "portal.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=log_path.open("w"),
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, as on its own machine
            )
            self.servers[name] = (process, f"http://127.0.0.1:{port}", log_path)
        for _process, base, _log in self.servers.values():
            wait_until_up(base, seconds=120)
        self.gunicorn = self.servers["A"][0]
        self.log_path = self.servers["A"][2]
        self.start_nginx()

    def start_nginx(self):
        port = free_port()
        conf = self.workdir / "nginx"
        (conf / "cache").mkdir(parents=True)
        upstreams = "".join(
            f"    server {base.removeprefix('http://')} max_fails=3 fail_timeout=10s;\n"
            for _p, base, _l in self.servers.values()
        )
        site = nginx_site(
            (ROOT / "site" / "nginx.conf").read_text(),
            port=port,
            upstreams=upstreams,
            static=self.env["STATIC_ROOT"],
            media=str(self.workdir / "media"),
            cache=str(conf / "cache"),
        )
        temp = "".join(
            f"    {kind}_temp_path {conf}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (conf / "nginx.conf").write_text(
            f"worker_processes 2;\npid {conf}/nginx.pid;\nerror_log {conf}/error.log warn;\n"
            "events { worker_connections 1024; }\n"
            f"http {{\n    access_log off;\n{temp}    include /etc/nginx/mime.types;\n"
            f"{site}\n}}\n"
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if os.geteuid() == 0:  # nginx's workers run as `nobody`: they write its cache
            for path in (conf, *conf.rglob("*")):
                shutil.chown(path, "nobody")
        self.nginx = subprocess.Popen(  # noqa: S603
            [
                nginx,
                "-p",
                str(conf),
                "-e",
                f"{conf}/error.log",
                "-c",
                str(conf / "nginx.conf"),
                "-g",
                "daemon off;",
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=(conf / "stderr.log").open("w"),
            start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{port}"
        wait_until_up(self.base)

    def stop_gunicorn(self):
        if self.nginx:
            self.nginx.terminate()
            self.nginx.wait(timeout=30)
            self.nginx = None
        for process, _base, _log in self.servers.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
        self.gunicorn = None

    def gunicorn_log(self):
        return "".join(log.read_text(errors="replace") for _p, _b, log in self.servers.values())

    def url(self, name):
        return self.servers[name][1]

    def django(self, code):
        """Run `code` in a Django shell on the stack; its last printed line as JSON."""
        done = subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(done.stdout.strip().splitlines()[-1])

    def elasticsearch(self, path, node="es"):
        port = (self.services_dir / f"{node}-port").read_text().strip()
        status, _headers, body = get(f"http://127.0.0.1:{port}{path}", timeout=5)
        return json.loads(body) if status == 200 else {"status": f"http {status}"}


def nginx_site(text, *, port, upstreams, static, media, cache):
    """site/nginx.conf for the loopback: plain HTTP on `port`, the two servers upstream, this
    run's static, media and cache directories. Everything else (the micro-cache, the visit
    counter's bypass, proxy headers, the forms' location) is the shipped file's."""
    text = re.sub(r"upstream portal_app \{.*?\n\}", "upstream portal_app {\n" + upstreams
                  + "    keepalive 32;\n}", text, count=1, flags=re.S)  # fmt: skip
    text = re.sub(r"server \{\n    listen 80;.*?\n\}\n", "", text, count=1, flags=re.S)
    text = text.replace("listen 443 ssl;", f"listen 127.0.0.1:{port};")
    text = re.sub(r"\n\s*http2 on;[^\n]*", "", text)
    text = re.sub(r"\n\s*ssl_certificate[^\n]*", "", text)
    text = text.replace("server_name congthongtin.example.gov.vn;", "server_name _;")
    text = text.replace("/srv/portal/static/", static.rstrip("/") + "/")
    text = text.replace("/srv/portal/media/", media.rstrip("/") + "/")
    return text.replace("/var/cache/nginx/portal", cache)


def post(url, fields):
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=data, method="POST")  # noqa: S310
    status, _headers, body = send(request)
    if status != 200:
        raise RuntimeError(f"POST {url}: {status} {body[:300]}")
    return json.loads(body)


def main_menu(html):
    start = html.find('class="main-nav"')
    return html[start : html.find("</nav>", start)] if start >= 0 else ""


# --- steady load ---------------------------------------------------------------------------


def steady_job(stack):
    """Pages through nginx (micro-cache in play), pages on A and B bypassing the page cache
    (rendered by the app, menus from Redis), and procedure searches through nginx."""
    targets = [
        (stack.base + "/", COUNTED),
        (stack.base + NEWS_LIST, COUNTED),
        (stack.url("A") + "/", BYPASS),
        (stack.url("B") + NEWS_LIST, BYPASS),
    ]

    def job(client, number, started):
        if number % 2:
            query = urllib.parse.quote_plus(SEARCHES[(client + number) % len(SEARCHES)])
            url = f"{stack.base}/api/v1/procedures/?q={query}"
            status, headers, body = get(url, BYPASS)
            return record(started, status, headers, body, kind="search")
        url, headers = targets[(client + number // 2) % len(targets)]
        status, answer_headers, body = get(url, headers)
        return record(started, status, answer_headers, body, kind="page", url=url)

    return job


# --- the checks ----------------------------------------------------------------------------


def check_menu(stack):
    """A menu edit made through server A, served by server B."""
    b = stack.url("B")
    label = f"Mục thử {time.time_ns() % 1_000_000}"
    get(b + MENU_PAGE, COUNTED)  # B has the menu cached (page cache and menu cache)
    post(stack.url("A") + "/_bench/menu-label", {"label": label})
    edited = time.monotonic()
    polls = []  # (sent after the edit, answered after the edit, shows the new label)
    while time.monotonic() - edited < 30:
        sent = time.monotonic() - edited
        status, _h, body = get(b + MENU_PAGE, COUNTED)
        shown = status == 200 and label in main_menu(body)
        polls.append((round(sent, 3), round(time.monotonic() - edited, 3), shown))
        if shown:
            break
        time.sleep(0.02)
    seen = polls[-1][1]
    return {
        "passed": polls[-1][2] and seen <= MENU_WITHIN_S,
        "menu_on_b_after_s": seen,
        "limit_s": MENU_WITHIN_S,
        "polls": len(polls),
        # Whether B's very first answer after the edit had it (then the time is B's own
        # response time under the load, not a delay in the shared cache).
        "first_answer_after_edit_had_it": polls[0][2],
        "first_answer_took_s": round(polls[0][1] - polls[0][0], 3),
    }


def check_article(stack):
    """An article published through A appears on the news list through nginx."""
    title = f"Bài thử nghiệm mở rộng {time.time_ns() % 1_000_000}"
    get(stack.base + NEWS_LIST, COUNTED)  # nginx's micro-cache holds the list
    published = post(stack.url("A") + "/_bench/publish-article", {"title": title})
    done = time.monotonic()
    polls = 0
    while time.monotonic() - done < 30:
        status, _h, body = get(stack.base + published["index_url"], COUNTED)
        polls += 1
        if status == 200 and title in body:
            break
        time.sleep(0.05)
    seen = round(time.monotonic() - done, 3)
    return {
        "passed": seen <= ARTICLE_WITHIN_S,
        "article_through_nginx_after_s": seen,
        "polls": polls,
        "limit_s": ARTICLE_WITHIN_S,
    }


COUNTS = (
    "import json; from stats import clock, store; "
    "counted, online, today, month = store.read_counts(clock.now()); "
    "print(json.dumps({'counted': counted, 'online': online, 'today': today}))"
)


def visit(first, second, path):
    """One new browser: a page on one server, then with its cookies a page on the other."""
    status, headers, _body = get(first + path, BROWSER)
    jar = http.cookies.SimpleCookie()
    for header in headers.get_all("Set-Cookie") or [] if headers else []:
        jar.load(header)
    cookie = "; ".join(f"{key}={morsel.value}" for key, morsel in jar.items())
    status_two, _h, _b = get(second + path, {**BROWSER, "Cookie": cookie})
    return status, status_two, bool(cookie)


def check_visitors(stack):
    """VISITORS distinct browsers over both servers count exactly VISITORS visits."""
    before = stack.django(COUNTS)
    a, b = stack.url("A"), stack.url("B")
    paths = ["/", NEWS_LIST, "/thong-ke/", "/lien-he/"]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(
            pool.map(
                lambda n: visit(*((a, b) if n % 2 else (b, a)), paths[n % len(paths)]),
                range(VISITORS),
            )
        )
    seconds = round(time.monotonic() - started, 1)
    after = stack.django(COUNTS)
    counted = after["counted"] - before["counted"]
    ok_pages = sum(1 for one, two, _c in answers if one == 200 and two == 200)
    return {
        "passed": counted == VISITORS and ok_pages == VISITORS,
        "visitors": VISITORS,
        "visits_counted": counted,
        "online_now": after["online"],
        "page_views": 2 * VISITORS,
        "both_pages_200": ok_pages,
        "seconds": seconds,
    }


def wait_for_health(stack, node, wanted, seconds):
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        health = stack.elasticsearch("/_cluster/health?timeout=1s", node=node)
        if health.get("status") in wanted:
            return health.get("status"), round(time.monotonic() - started, 1)
        time.sleep(0.5)
    return health.get("status"), None


def check_es_node(stack, load):
    """Kill the node that is not the elected master; searches go on, yellow, then green."""
    master = stack.elasticsearch("/_cat/master?format=json")[0]["node"]
    victim = "es2" if master == "es" else "es"
    pid = int((stack.services_dir / victim / "pid").read_text())
    killed_at = load.now()
    os.kill(pid, signal.SIGKILL)
    (stack.services_dir / victim / "pid").unlink()
    status_down, yellow_after = wait_for_health(stack, master, {"yellow"}, 90)
    time.sleep(5)  # searches keep coming while one node is down
    subprocess.run(  # noqa: S603
        [TEST_SERVICES, "resume", str(stack.services_dir), victim], check=True
    )
    status_back, green_after = wait_for_health(stack, master, {"green"}, 180)
    back_at = load.now()
    searches = [
        r for r in load.snapshot() if r["kind"] == "search" and killed_at <= r["t"] <= back_at
    ]
    failed = [r for r in searches if r["status"] != 200 or r["backend"] != "elasticsearch"]
    reasons = {}
    for line in stack.gunicorn_log().splitlines():
        if "answering from the database:" in line:
            reason = line.split("answering from the database:", 1)[1].strip()[:160]
            reasons[reason] = reasons.get(reason, 0) + 1
    return {
        "passed": bool(searches) and not failed and yellow_after is not None
        and green_after is not None,
        "node_killed": victim,
        "master": master,
        "searches_while_degraded": len(searches),
        "failed_searches": len(failed),
        "failed_statuses": summary(failed)["statuses"] if failed else {},
        "failed_at_s_after_kill": [round(r["t"] - killed_at, 2) for r in failed],
        "fallback_reasons": reasons,
        "yellow_after_s": yellow_after,
        "health_with_one_node": status_down,
        "green_after_restart_s": green_after,
        "health_after": status_back,
    }  # fmt: skip


def check_redis(stack, load):
    """Restart Redis under load: every page still answers, none with a 500."""
    stopped_at = load.now()
    subprocess.run([TEST_SERVICES, "pause", str(stack.services_dir), "redis"], check=True)  # noqa: S603
    probes, served_from_cache = [], 0
    for _ in range(20):  # pages rendered while Redis is down, on both servers
        for name in ("A", "B"):
            status, headers, _b = get(stack.url(name) + "/", COUNTED)
            probes.append(status)
            served_from_cache += bool(headers) and headers.get("X-Page-Cache") == "HIT"
        time.sleep(0.1)
    subprocess.run([TEST_SERVICES, "resume", str(stack.services_dir), "redis"], check=True)  # noqa: S603
    time.sleep(3)
    back_at = load.now()
    window = [r for r in load.snapshot() if stopped_at <= r["t"] <= back_at]
    after = [get(stack.url(name) + "/", COUNTED)[0] for name in ("A", "B")]
    errors = [r for r in window if r["status"] >= 500 or r["status"] == 0]
    return {
        "passed": bool(window) and not errors and set(probes) == {200} and set(after) == {200},
        "requests_during_restart": len(window),
        "statuses_during_restart": summary(window)["statuses"],
        "errors_5xx_or_refused": len(errors),
        "pages_while_down": len(probes),
        "pages_while_down_statuses": sorted(set(probes)),
        "pages_while_down_from_cache": served_from_cache,
        "pages_after": after,
    }


def drill_scale_out(extra_env):
    """Run every check on its own ScaleStack; the result dict of bench/drills.py."""
    with ScaleStack(extra_env=extra_env) as stack:
        load = Load(steady_job(stack), LOAD_CLIENTS).start()
        time.sleep(3)
        checks = {}
        for name, check in (
            ("menu", lambda: check_menu(stack)),
            ("article", lambda: check_article(stack)),
            ("visitors", lambda: check_visitors(stack)),
            ("es-node", lambda: check_es_node(stack, load)),
            ("redis", lambda: check_redis(stack, load)),
        ):
            print(f"  scale-out: {name} ...", flush=True)
            try:
                checks[name] = check()
            except Exception as error:  # a check that crashes is a failed check
                checks[name] = {"passed": False, "error": repr(error)}
            print(f"    {'PASS' if checks[name]['passed'] else 'FAIL'} {checks[name]}", flush=True)
        records = load.stop()
        log = stack.gunicorn_log()
        errors = log.count("Internal Server Error")
    steady = summary(records)
    return {
        "passed": all(c["passed"] for c in checks.values()) and errors == 0,
        "stack": "nginx (site/nginx.conf) -> gunicorn A + gunicorn B (2 workers each, own "
        "process groups, own ports); Redis; PostgreSQL 15; Elasticsearch 8 cluster of 2 nodes "
        "(procedure index: 1 replica)",
        "requests": steady["requests"],
        "statuses": steady["statuses"],
        "internal_server_errors": errors,
        "checks": checks,
    }
