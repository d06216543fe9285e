"""List pages cost the same number of SQL queries with 5 articles as with 80."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news import synthetic
from news.models import NewsPage
from tests.news.conftest import at, make_image, quick_article

DAY = at(2024, 10, 27, 9, 0)
PAGES = {
    # Routing and view restrictions take 7 of these; settings, language links and breadcrumbs
    # 4 (the menu comes from a cache); the list itself 3 to 5.
    "index": ("/tin-tuc/", 15),
    "index, page 2": ("/tin-tuc/?trang=2", 14),  # no pictures on page 2
    "category": ("/tin-tuc/chuyen-muc/thong-bao/", 15),
    "day": ("/tin-tuc/theo-ngay/?ngay=2024-10-27", 16),
    "month": ("/tin-tuc/theo-ngay/?thang=2024-10", 16),
    "feed": ("/tin-tuc/rss/", 10),
}


def add_articles(index, categories, count):
    synthetic.generate(index, count, years=1, now=DAY)
    # All on one day and one category, so that every list grows with them.
    NewsPage.objects.filter(slug__startswith=synthetic.SLUG_PREFIX).update(
        date=DAY, category=categories["thong-bao"]
    )


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200


def queries(client, url):
    """Queries of a warm visit; the fewest of three, since a few short-lived caches (the
    visitor counters' figures, list counts) may expire in between on a slow machine."""
    visit(client, url)  # renditions are made, and counts cached, on the first visit
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as captured:
            visit(client, url)
        counts.append(len(captured))
    return min(counts)


@pytest.mark.parametrize("name", PAGES)
def test_list_pages_use_a_fixed_number_of_queries(client, news_index, categories, settings, name):
    settings.PAGE_CACHE_ENABLED = False  # count what rendering costs, not the page cache
    url, limit = PAGES[name]
    image = make_image()
    for n in range(2):  # the newest have pictures: renditions must be fetched in bulk too
        newer = DAY.replace(hour=10 + n)
        quick_article(news_index, categories["thong-bao"], f"Ảnh {n}", newer, image=image)
    add_articles(news_index, categories, 23)
    small = queries(client, url)

    add_articles(news_index, categories, 60)
    large = queries(client, url)

    assert NewsPage.objects.filter(listed_in=news_index).count() == 85
    assert large == small, f"{name}: {small} queries with 25 articles, {large} with 85"
    # The budget holds for a warm visit; a single visit may be the one that refreshes the
    # visitor counters' figures (13 more: one full run saw 28 on the index).
    assert large <= limit, f"{name}: {large} queries, budget {limit}"
