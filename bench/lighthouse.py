"""`make lighthouse`: Lighthouse 12 (mobile) on every page type the issue lists, on the site
served as in production, and a table of the four scores.

The site runs on the production-like stack of the benchmarks (bench/stack.py: production
settings, DEBUG off, collected static files through whitenoise, gunicorn, demo data). nginx
serves /media/ and compresses the app's HTML in production (site/nginx.conf); here a small
proxy in front of gunicorn does the same, so the pages' photos and HTML load as they would.
Each page is first requested once with the browser's Accept-Language (part of the page
cache's key), which makes its image renditions and fills the page cache: Lighthouse measures
the page as the visitors after the first one get it. The table also gives the server
response time Lighthouse saw and the machine's load average (1 min) after each page.
Lighthouse is npm's `lighthouse@12.2.3`, installed into .cache/lighthouse/ on first use and
run by Node 20 against Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
Reports: bench/results/lighthouse-<time>/.

Each page is measured LIGHTHOUSE_ROUNDS times (default 3, interleaved) and the table shows
its median run, with every round's performance score.

Search results are `noindex` on purpose, so SEO is not counted for them (shown as "–").
"""

import gzip
import http.server
import json
import mimetypes
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stack import RESULTS, ROOT, Stack, free_port  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
TOOL_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE = TOOL_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95
# Runs of each page, interleaved; the table shows each page's median run. The machine's load
# moves the performance score by up to ~15 points from one run to the next (mostly the first
# task, the browser's own set-up of the page, stretched by Lighthouse's ×4 CPU slowdown).
ROUNDS = int(os.environ.get("LIGHTHOUSE_ROUNDS", "3"))
# What Chromium sends under Lighthouse's default locale; the warm-up request sends the same.
BROWSER_LANGUAGE = "en-US,en;q=0.9"
# nginx's `gzip_types` in site/nginx.conf (text/html is always compressed), at its level 1.
COMPRESSED_TYPES = (
    "text/html",
    "text/css",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/manifest+json",
)
PAGES = {
    "home": ("/", True),
    "news index": ("/tin-tuc/", True),
    "article": ("/tin-tuc/ket-qua-xay-dung-chinh-quyen-dien-tu-nam-2023/", True),
    "procedure search": ("/thu-tuc-hanh-chinh/?q=dang+ky+khai+sinh", True),
    "procedure detail": ("/thu-tuc-hanh-chinh/1.001193/", True),
    "answer list": ("/trao-doi-va-thao-go/", True),
    "question form": ("/trao-doi-va-thao-go/gui-cau-hoi/", True),
    "statistics": ("/thong-ke/", True),
    "contact": ("/lien-he/", True),
    "site search": ("/tim-kiem/?q=ho+so+truc+tuyen", False),  # noindex: SEO not counted
}


def install_lighthouse():
    if LIGHTHOUSE.exists():
        return
    TOOL_DIR.mkdir(parents=True, exist_ok=True)
    command = ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TOOL_DIR)]
    subprocess.run([*command, f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)  # noqa: S603, S607


def media_proxy(upstream, media_root):
    """A tiny stand-in for nginx: /media/ from disk, everything else from gunicorn."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            if self.path.startswith("/media/"):
                return self.send_media()
            headers = dict(self.headers)
            request = urllib.request.Request(upstream + self.path, headers=headers)  # noqa: S310
            try:
                response = urllib.request.urlopen(request, timeout=30)  # noqa: S310
            except urllib.error.HTTPError as error:
                response = error
            body = response.read()
            compress = (
                "gzip" in self.headers.get("Accept-Encoding", "")
                and not response.headers.get("Content-Encoding")
                and response.headers.get("Content-Type", "").startswith(COMPRESSED_TYPES)
            )
            if compress:
                body = gzip.compress(body, compresslevel=1)
            self.send_response(response.status)
            for name, value in response.headers.items():
                if name.lower() not in {"transfer-encoding", "connection", "content-length"}:
                    self.send_header(name, value)
            if compress:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def send_media(self):
            path = (media_root / self.path[len("/media/") :].split("?")[0]).resolve()
            if not path.is_file() or media_root.resolve() not in path.parents:
                self.send_error(404)
                return
            data = path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "image/*")
            self.send_header("Cache-Control", "public, max-age=2592000")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}"


def run_lighthouse(url, output, attempts=3):
    """Scores of one page; Lighthouse's occasional trace failure (NO_NAVSTART on a busy
    machine) is retried."""
    for attempt in range(attempts):
        try:
            return _lighthouse_once(url, output)
        except subprocess.CalledProcessError:
            if attempt == attempts - 1:
                raise
    return None  # pragma: no cover - the loop returns or raises


def _lighthouse_once(url, output):
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    subprocess.run(  # noqa: S603
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new --no-sandbox",
        ],
        check=True,
        env=env,
    )
    report = json.loads(output.read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["server"] = round(report["audits"]["server-response-time"]["numericValue"])
    scores["load"] = os.getloadavg()[0]  # the machine is shared: how busy it was meanwhile
    return scores


def median_run(runs):
    """The run with the median performance score (Lighthouse's own advice on variability:
    several runs, the median), and every run's performance score in the order measured."""
    ranked = sorted(runs, key=lambda scores: scores["performance"])
    return ranked[(len(ranked) - 1) // 2], [scores["performance"] for scores in runs]


def table(rows):
    lines = [
        "| page | performance | accessibility | best practices | SEO | server response | load"
        " | performance in each round |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, scores, counts_seo, performances in rows:
        cells = [str(scores[c]) for c in CATEGORIES[:3]]
        cells.append(str(scores["seo"]) if counts_seo else f"– ({scores['seo']})")
        cells += [f"{scores['server']} ms", f"{scores['load']:.1f}"]
        cells.append(", ".join(str(score) for score in performances))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def below_target(rows):
    return [
        (name, category, scores[category])
        for name, scores, counts_seo, __ in rows
        for category in CATEGORIES
        if scores[category] < TARGET and (category != "seo" or counts_seo)
    ]


def main():
    install_lighthouse()
    folder = RESULTS / f"lighthouse-{time.strftime('%Y%m%d-%H%M%S')}"
    folder.mkdir(parents=True, exist_ok=True)
    runs = {name: [] for name in PAGES}
    with Stack(extra_env={"ELASTICSEARCH_INDEX_PREFIX": f"lighthouse-{os.getpid()}"}) as stack:
        proxy, base = media_proxy(stack.base, ROOT / "media")
        try:
            for round_number in range(1, ROUNDS + 1):  # interleaved: every page, then again
                for name, (path, __) in PAGES.items():
                    language = {"Accept-Language": BROWSER_LANGUAGE}
                    warm = urllib.request.Request(base + path, headers=language)  # noqa: S310
                    urllib.request.urlopen(warm, timeout=30).read()  # noqa: S310 - renditions, cache
                    output = folder / f"{name.replace(' ', '-')}-{round_number}.json"
                    runs[name].append(run_lighthouse(base + path, output))
        finally:
            proxy.shutdown()
    rows = []
    for name, (__, counts_seo) in PAGES.items():
        scores, performances = median_run(runs[name])
        rows.append((name, scores, counts_seo, performances))
    text = f"Lighthouse {LIGHTHOUSE_VERSION}, mobile; median of {ROUNDS} rounds\n\n" + table(rows)
    (folder / "scores.md").write_text(text + "\n")
    print(text)
    missed = below_target(rows)
    for name, category, score in missed:
        print(f"below {TARGET}: {name} {category} {score}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
