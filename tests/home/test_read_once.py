"""What every page reads, read once: routing's two per-process memos (home/site_lookup.py,
home/route_trail.py) and the portal settings' shared copy. Fewer queries, and never a stale or
wrong page for them."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home import route_trail, site_lookup
from home.models import PortalSettings, StandardPage
from tests.conftest import add_page

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _route_every_request(settings):
    """These memos serve routing itself: with the route cache on (home.route_cache,
    tests/home/test_route_cache.py) a route seen before would not route again."""
    settings.ROUTE_CACHE_SECONDS = 0


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response, len(queries)


def test_a_section_page_costs_two_queries_less_once_its_site_and_type_are_known(
    client, home_page, settings
):
    settings.PAGE_CACHE_ENABLED = False
    add_page(home_page, StandardPage, title="Hướng dẫn", slug="huong-dan")

    queries_for(client, "/huong-dan/")  # menus, settings and the like cached
    site_lookup.forget()
    route_trail.forget_types()
    _, first = queries_for(client, "/huong-dan/")
    response, again = queries_for(client, "/huong-dan/")

    # The Site of the host (one query) and the child's own table found at once (one less).
    assert again <= first - 2
    assert "Hướng dẫn" in response.content.decode()


def test_a_slug_taken_by_a_page_of_another_type_is_still_found(client, home_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    guide = add_page(home_page, StandardPage, title="Hướng dẫn cũ", slug="huong-dan")
    queries_for(client, "/huong-dan/")  # remembered: a StandardPage at this slug

    guide.delete()
    from news.models import NewsIndexPage

    add_page(home_page, NewsIndexPage, title="Tin hướng dẫn", slug="huong-dan")

    response, _ = queries_for(client, "/huong-dan/")
    assert "Tin hướng dẫn" in response.content.decode()


def test_an_unpublished_or_deleted_child_is_a_404_after_being_remembered(
    client, home_page, settings
):
    settings.PAGE_CACHE_ENABLED = False
    guide = add_page(home_page, StandardPage, title="Hướng dẫn", slug="huong-dan")
    queries_for(client, "/huong-dan/")

    guide.unpublish()
    assert client.get("/huong-dan/").status_code == 404

    guide.delete()
    assert client.get("/huong-dan/").status_code == 404


def test_each_request_reads_the_home_page_afresh(client, home_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")  # the Site and its root page are now remembered

    home_page.title = "Trang chủ mới"
    home_page.seo_title = "Tiêu đề mới của trang chủ"
    home_page.save_revision().publish()

    assert "Tiêu đề mới của trang chủ" in client.get("/").content.decode()


def test_a_site_change_is_seen_at_once_by_the_process_that_saved_it(client, home_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.ALLOWED_HOSTS = ["*"]
    other_home = add_page(home_page, StandardPage, title="Cổng phụ", slug="cong-phu")
    before = client.get("/", HTTP_HOST="phu.example.vn")  # the default site's home page
    assert "<title>Cổng phụ" not in before.content.decode()

    Site.objects.create(hostname="phu.example.vn", port=80, root_page=other_home)

    response = client.get("/", HTTP_HOST="phu.example.vn")
    assert "<title>Cổng phụ" in response.content.decode()


def settings_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return [q for q in queries.captured_queries if "home_portalsettings" in q["sql"]]


def test_portal_settings_are_read_from_the_database_once_and_an_edit_shows_at_once(
    client, home_page, settings
):
    settings.PAGE_CACHE_ENABLED = False
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.portal_name = "Cổng thông tin thử nghiệm"
    portal.save()
    assert settings_queries(client, "/")  # the first page after an edit reads the row
    assert not settings_queries(client, "/")  # the next ones take the shared copy

    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.portal_name = "Cổng thông tin đã đổi tên"
    portal.save()

    assert "Cổng thông tin đã đổi tên" in client.get("/").content.decode()


def test_a_copy_read_before_an_edit_and_stored_after_it_is_never_used(home_page):
    site = Site.objects.get(is_default_site=True)
    PortalSettings.for_site(site)  # the row exists
    stale = PortalSettings.objects.get(site=site)  # read by one server...
    key = f"portal:settings:{cache.get('portal:settings:version', 0)}:{site.pk}"

    fresh = PortalSettings.objects.get(site=site)  # ...while another saves an edit
    fresh.portal_name = "Tên mới"
    fresh.save()
    cache.set(key, stale)  # the first server stores what it read, after the edit

    assert PortalSettings.for_site(site).portal_name == "Tên mới"
