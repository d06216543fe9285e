"""News at scale: p50/p99 of the list pages with 100,000 articles, through Django.

    DATABASE_URL=postgres://… .venv/bin/python bench/news.py [--articles 100000] [--requests 200]

Use a database of its own: the script migrates it, loads the demo portal and tops it up with
synthetic articles (``manage.py generate_news``) until the news index holds --articles. Every
request goes through Django's whole stack (middleware, Wagtail routing, templates) with the
test client; a trivial view behind the same middleware is measured in the same run, interleaved
with the pages, so the ratios hold on a busy machine. Figures are printed and written to
bench/results/news.json.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")  # DEBUG off
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("PAGE_CACHE_ENABLED", "false")  # measure Django, not a page cache

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.db.models.functions import TruncDay  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import timezone  # noqa: E402

from home.models import StandardPage  # noqa: E402
from news import listing, synthetic  # noqa: E402
from news.models import NewsIndexPage, NewsPage  # noqa: E402
from portal import urls as portal_urls  # noqa: E402


def baseline(request):
    return HttpResponse("ok", content_type="text/plain")


# The portal's own URLconf (it uses i18n_patterns, so it is extended rather than included).
urlpatterns = [path("_bench/baseline/", baseline), *portal_urls.urlpatterns]
handler400 = getattr(portal_urls, "handler400", None)
handler403 = getattr(portal_urls, "handler403", None)
handler404 = getattr(portal_urls, "handler404", None)
handler500 = getattr(portal_urls, "handler500", None)


def prepare(articles):
    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    index = NewsIndexPage.objects.first()
    missing = articles - NewsPage.objects.filter(listed_in=index).count()
    if missing > 0:
        print(f"Generating {missing} articles …", flush=True)
        started = time.perf_counter()
        call_command("generate_news", str(missing), verbosity=0)
        print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)
    return index


def targets(index):
    articles = listing.published_under(index)
    total = articles.count()
    pages = -(-total // listing.PER_PAGE)
    busiest = (articles.values("category__slug").annotate(n=Count("pk")).order_by("-n").first())[
        "category__slug"
    ]
    day = (
        articles.annotate(day=TruncDay("date"))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["day"]
    )
    day = timezone.localtime(day).date()
    article = articles.order_by("date").first()
    base = index.url
    return total, {
        "baseline": "/_bench/baseline/",
        # The simplest Wagtail page (routing, header, footer, ~8 queries): what any page costs.
        "wagtail page": StandardPage.objects.live().first().url,
        "index": base,
        "category": f"{base}chuyen-muc/{busiest}/",
        "deep page (middle)": f"{base}?trang={pages // 2}",
        "deep page (last)": f"{base}?trang={pages}",
        "by date": f"{base}theo-ngay/?ngay={day.isoformat()}",
        "by month": f"{base}theo-ngay/?thang={day.strftime('%Y-%m')}",
        "article": article.url,
        "feed": f"{base}rss/",
    }


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(urls, requests, warmup=5, sql_samples=20):
    """Wall-clock and CPU milliseconds per request, queries and SQL milliseconds per page."""
    client = Client(HTTP_HOST="localhost")
    queries, sql_ms = {}, {}
    for name, url in urls.items():
        for _ in range(warmup):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        spent = []
        for _ in range(sql_samples):
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            spent.append(sum(float(query["time"]) for query in captured) * 1000)
        queries[name] = len(captured)
        sql_ms[name] = statistics.median(spent)
    timings = {name: [] for name in urls}
    cpu = {name: [] for name in urls}
    # Interleaved rounds: a burst of load elsewhere on the machine hits every page alike.
    for _ in range(requests):
        for name, url in urls.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            timings[name].append((time.perf_counter() - started) * 1000)
            cpu[name].append((time.process_time() - started_cpu) * 1000)
    return timings, cpu, queries, sql_ms


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Warning: not PostgreSQL; figures will not say much about production.")

    index = prepare(options.articles)
    synthetic.refresh_statistics()
    with override_settings(ROOT_URLCONF=__name__):
        total, urls = targets(index)
        timings, cpu, queries, sql_ms = measure(urls, options.requests)

    base = {
        "p50": statistics.median(timings["baseline"]),
        "p99": percentile(timings["baseline"], 0.99),
    }
    page = {
        "p50": statistics.median(timings["wagtail page"]),
        "p99": percentile(timings["wagtail page"], 0.99),
    }
    results = {}
    load = os.getloadavg()[0]
    print(f"\n{total:,} live articles, {options.requests} requests per page on {platform.node()}")
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs (other work shares them)\n")
    print(
        f"{'page':<19} {'queries':>7} {'sql ms':>6} {'cpu ms':>6} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'p50/base':>8} {'p99/base':>8} {'p50/wagtail':>11} {'p99/wagtail':>11}"
    )
    for name, samples in timings.items():
        p50, p99 = statistics.median(samples), percentile(samples, 0.99)
        results[name] = {
            "url": urls[name],
            "queries": queries[name],
            "sql_ms_p50": round(sql_ms[name], 2),
            "cpu_ms_p50": round(statistics.median(cpu[name]), 2),
            "p50_ms": round(p50, 2),
            "p99_ms": round(p99, 2),
            "max_ms": round(max(samples), 2),
            "p50_vs_baseline": round(p50 / base["p50"], 1),
            "p99_vs_baseline": round(p99 / base["p99"], 1),
            "p50_vs_wagtail_page": round(p50 / page["p50"], 2),
            "p99_vs_wagtail_page": round(p99 / page["p99"], 2),
        }
        row = results[name]
        print(
            f"{name:<19} {queries[name]:>7} {row['sql_ms_p50']:>6.1f} {row['cpu_ms_p50']:>6.1f}"
            f" {p50:>7.1f} {p99:>7.1f}"
            f" {row['p50_vs_baseline']:>8.1f} {row['p99_vs_baseline']:>8.1f}"
            f" {row['p50_vs_wagtail_page']:>11.2f} {row['p99_vs_wagtail_page']:>11.2f}"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    report = {
        "articles": total,
        "requests_per_page": options.requests,
        "database": connection.vendor,
        "load_average": os.getloadavg(),
        "cpus": os.cpu_count(),
        "pages": results,
    }
    (out / "news.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nWritten to {out / 'news.json'}")


if __name__ == "__main__":
    main()
