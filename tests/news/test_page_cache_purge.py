"""Publishing an article purges only the pages that show it; menus and settings purge all.

Runs against the page cache as configured for production (a database table every app server
shares), through the editor's publish path (revisions), as a visitor would see it.
"""

import pytest
from django.core.cache import caches
from wagtail.models import Site

from home.models import MainMenu, MenuItem, PortalSettings
from ops.pagecache import path_stamp_key
from tests.news.conftest import at, make_article

pytestmark = pytest.mark.postgres


@pytest.fixture
def articles(home_page, news_index, categories):
    # The first render would create the settings row (saving settings purges everything).
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    published = make_article(news_index, categories["thong-bao"], "Bài được sửa", at(2024, 5, 1))
    unrelated = make_article(
        news_index, categories["chinh-quyen-dien-tu"], "Bài không liên quan", at(2024, 4, 1)
    )
    return published, unrelated


PUBLISHED = "/tin-tuc/bai-duoc-sua/"
UNRELATED = "/tin-tuc/bai-khong-lien-quan/"
SHOWING_IT = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/?trang=1",
    "/tin-tuc/chuyen-muc/thong-bao/",
    "/tin-tuc/rss/",
    "/tin-tuc/chuyen-muc/thong-bao/rss/",
    PUBLISHED,
]


def warm(client, paths):
    for path in paths:
        client.get(path)
    for path in paths:
        assert client.get(path)["X-Page-Cache"] == "HIT", path


def test_publishing_an_article_keeps_unrelated_articles_cached(client, articles):
    published, _ = articles
    warm(client, [*SHOWING_IT, UNRELATED])
    unrelated_before = client.get(UNRELATED).content

    published.title = "Bài đã sửa tiêu đề"
    published.save_revision().publish()

    unrelated = client.get(UNRELATED)
    assert unrelated["X-Page-Cache"] == "HIT"
    assert unrelated.content == unrelated_before
    for path in SHOWING_IT:
        response = client.get(path)
        assert response["X-Page-Cache"] == "MISS", path
        assert "Bài đã sửa tiêu đề" in response.content.decode(), path


def test_a_new_article_is_on_the_home_page_and_index_at_once(client, articles, news_index):
    warm(client, ["/", "/tin-tuc/", UNRELATED])

    make_article(news_index, None, "Tin vừa đăng", at(2024, 6, 1), featured=True)

    assert "Tin vừa đăng" in client.get("/").content.decode()
    assert "Tin vừa đăng" in client.get("/tin-tuc/").content.decode()
    assert client.get(UNRELATED)["X-Page-Cache"] == "HIT"


def test_unpublishing_an_article_removes_it_and_keeps_others(client, articles):
    published, _ = articles
    warm(client, ["/tin-tuc/", PUBLISHED, UNRELATED])

    published.unpublish()

    assert client.get(PUBLISHED).status_code == 404
    assert "Bài được sửa" not in client.get("/tin-tuc/").content.decode()
    assert client.get(UNRELATED)["X-Page-Cache"] == "HIT"


def test_a_menu_change_still_purges_every_page(client, articles, home_page):
    warm(client, [UNRELATED, "/tin-tuc/"])

    menu = MainMenu.objects.create(placement="header", locale=home_page.locale)
    MenuItem.objects.create(menu=menu, label="Mục mới", link_url="https://example.gov.vn/")

    response = client.get(UNRELATED)
    assert response["X-Page-Cache"] == "MISS"
    assert "Mục mới" in response.content.decode()


def test_a_site_settings_change_still_purges_every_page(client, articles):
    warm(client, [UNRELATED])

    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.phone = "0234 999 888"
    portal.save()

    response = client.get(UNRELATED)
    assert response["X-Page-Cache"] == "MISS"
    assert "0234 999 888" in response.content.decode()


def test_an_article_linked_from_a_menu_purges_every_page(client, articles, home_page):
    published, _ = articles
    menu = MainMenu.objects.create(placement="header", locale=home_page.locale)
    MenuItem.objects.create(menu=menu, link_page=published)
    warm(client, [UNRELATED])

    published.title = "Tiêu đề mới trong menu"
    published.save_revision().publish()

    response = client.get(UNRELATED)
    assert response["X-Page-Cache"] == "MISS"
    assert "Tiêu đề mới trong menu" in response.content.decode()


def test_a_lost_stamp_is_a_miss_never_a_stale_copy(client, articles):
    warm(client, [UNRELATED])

    caches["pages"].delete(path_stamp_key(UNRELATED))

    assert client.get(UNRELATED)["X-Page-Cache"] == "MISS"
    assert client.get(UNRELATED)["X-Page-Cache"] == "HIT"


class RecordingBackend:
    """A front-end cache (wagtail.contrib.frontend_cache backend) that notes what it is told."""

    purged = []

    def __init__(self, params):
        self.hostnames = ["*"]

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        RecordingBackend.purged.extend(urls)


def test_the_front_end_cache_is_purged_for_the_same_addresses(settings, articles):
    published, _ = articles
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": f"{__name__}.RecordingBackend"},
    }
    RecordingBackend.purged = []

    published.title = "Bài đã sửa tiêu đề"
    published.save_revision().publish()

    paths = {url.split("//", 1)[1].split("/", 1)[1] for url in RecordingBackend.purged}
    assert {"", "tin-tuc/", "tin-tuc/bai-duoc-sua/", "tin-tuc/rss/"} <= paths
    assert "tin-tuc/bai-khong-lien-quan/" not in paths


def test_publishing_an_article_refreshes_its_english_version_s_language_links(
    client, articles, home_page, news_index
):
    from tests.home.builders import english_home, translate

    published, _ = articles
    english_news = translate(news_index, english_home(home_page), title="News", slug="news")
    translate(published, english_news, title="Notice in English", slug="notice")
    english_path = "/en/news/notice/"
    warm(client, [english_path])
    assert PUBLISHED in client.get(english_path).content.decode()  # its language link

    published.unpublish()  # the English page must no longer offer the Vietnamese one

    response = client.get(english_path)
    assert response["X-Page-Cache"] == "MISS"
    assert PUBLISHED not in response.content.decode()
