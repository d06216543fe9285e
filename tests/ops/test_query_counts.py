"""Every page of the demo portal renders uncached in at most 15 SQL queries.

The pages come from the live page tree after `load_demo_data`, so each section's pages join
this check as soon as its demo content lands. bench/ops.py reports the same counts.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

MAX_QUERIES = 15


@pytest.fixture
def demo_pages(db, settings):
    settings.PAGE_CACHE_ENABLED = False
    call_command("load_demo_data", verbosity=0)
    return [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]


def test_every_demo_page_renders_in_at_most_15_queries(client, demo_pages):
    counts = {}
    for url in demo_pages:
        client.get(url)  # warm per-process caches (content types, site root paths)
        # The fewest of two warm visits: the walk takes minutes on a loaded machine, so a
        # shared cache with a short life (the menus', 120 s) may expire during one visit, and
        # rebuilding it is not what that page costs.
        visits = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, url
            visits.append(len(queries))
        counts[url] = min(visits)

    assert len(counts) >= 8
    assert {url: n for url, n in counts.items() if n > MAX_QUERIES} == {}
