"""Routes kept in the shared cache (home/route_cache.py): a page seen again is found without
routing's queries, and no change to pages, restrictions, Sites or pictures is ever missed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home import route_cache
from home.menu_cache import bump
from home.models import StandardPage
from news.models import NewsIndexPage
from tests.conftest import add_page
from tests.news.conftest import at, make_article, make_image

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.ROUTE_CACHE_SECONDS = 600


@pytest.fixture
def article(home_page):
    index = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    return make_article(index, None, "Khai trương bộ phận một cửa", at(2026, 11, 2))


ARTICLE = "/tin-tuc/khai-truong-bo-phan-mot-cua/"


def page_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response, [q["sql"] for q in queries.captured_queries if "wagtailcore_page" in q["sql"]]


def test_an_article_seen_again_reads_no_page_row(client, article):
    _, first = page_queries(client, ARTICLE)
    response, again = page_queries(client, ARTICLE)

    assert first  # routing, the first time: home page, news index, article
    assert again == []
    assert "Khai trương bộ phận một cửa" in response.content.decode()


def test_a_published_edit_shows_at_once(client, article):
    client.get(ARTICLE)
    article.title = "Khai trương bộ phận một cửa mới"
    article.save_revision().publish()

    assert "bộ phận một cửa mới" in client.get(ARTICLE).content.decode()


def test_a_saved_draft_changes_nothing_visitors_see_and_keeps_the_routes(client, article):
    client.get(ARTICLE)
    before = route_cache.version()
    article.title = "Bản nháp chưa duyệt"
    article.save_revision()

    assert route_cache.version() == before
    page = client.get(ARTICLE).content.decode()
    assert "Bản nháp chưa duyệt" not in page
    assert "Khai trương bộ phận một cửa" in page


def test_unpublished_moved_and_deleted_pages_are_never_served_from_the_cache(
    client, home_page, article
):
    client.get(ARTICLE)
    article.unpublish()
    assert client.get(ARTICLE).status_code == 404

    article.save_revision().publish()
    client.get(ARTICLE)
    archive = add_page(home_page, NewsIndexPage, title="Lưu trữ", slug="luu-tru")
    Page.objects.get(pk=article.pk).move(archive, pos="last-child")
    moved = client.get(ARTICLE)  # Wagtail's redirect to the new address, not the old route
    assert (moved.status_code, moved["Location"]) == (301, "/luu-tru/khai-truong-bo-phan-mot-cua/")
    assert client.get("/luu-tru/khai-truong-bo-phan-mot-cua/").status_code == 200

    Page.objects.get(pk=article.pk).delete()
    assert client.get("/luu-tru/khai-truong-bo-phan-mot-cua/").status_code == 404


def test_a_404_is_not_kept(client, home_page):
    assert client.get("/huong-dan/").status_code == 404
    add_page(home_page, StandardPage, title="Hướng dẫn", slug="huong-dan")
    assert client.get("/huong-dan/").status_code == 200


def test_a_change_made_through_another_app_server_shows_at_once(client, home_page):
    guide = add_page(home_page, StandardPage, title="Hướng dẫn", slug="huong-dan")
    client.get("/huong-dan/")
    # Another server renames the page: the row changes, and that server moves the version in
    # the shared cache (its signal); nothing of this process is told.
    StandardPage.objects.filter(pk=guide.pk).update(title="Hướng dẫn thủ tục")
    bump(route_cache.VERSION_KEY)

    assert "Hướng dẫn thủ tục" in client.get("/huong-dan/").content.decode()


def test_a_restriction_added_after_a_page_was_seen_applies_at_once(client, article):
    assert "Khai trương" in client.get(ARTICLE).content.decode()

    restriction = PageViewRestriction.objects.create(
        page=article.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="mk"
    )
    response = client.get(ARTICLE)
    assert "Khai trương bộ phận một cửa</h1>" not in response.content.decode()
    assert 'name="password"' in response.content.decode()

    restriction.delete()
    assert 'name="password"' not in client.get(ARTICLE).content.decode()


def test_a_public_page_checks_its_restrictions_without_a_query(client, article):
    client.get(ARTICLE)
    with CaptureQueriesContext(connection) as queries:
        client.get(ARTICLE)
    assert not [q for q in queries.captured_queries if "pageviewrestriction" in q["sql"]]


def test_a_picture_edited_after_the_article_was_seen_shows_its_new_text(client, home_page):
    index = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    image = make_image(description="Cán bộ tiếp nhận hồ sơ")
    make_article(index, None, "Khai trương bộ phận một cửa", at(2026, 11, 2), image=image)
    assert "Cán bộ tiếp nhận hồ sơ" in client.get(ARTICLE).content.decode()

    image.description = "Người dân nộp hồ sơ trực tuyến"
    image.save()

    assert "Người dân nộp hồ sơ trực tuyến" in client.get(ARTICLE).content.decode()


def test_turned_off_every_request_routes(client, article, settings):
    settings.ROUTE_CACHE_SECONDS = 0
    client.get(ARTICLE)
    _, again = page_queries(client, ARTICLE)
    assert again


def test_a_route_that_notes_something_unknown_on_the_request_is_not_kept(
    client, home_page, monkeypatch
):
    add_page(home_page, StandardPage, title="Hướng dẫn", slug="huong-dan")
    wagtails, routed = StandardPage.route, []

    def route_noting(self, request, path_components):
        routed.append(self.slug)
        request.chosen_for_this_visitor = True  # may not hold for the next one
        return wagtails(self, request, path_components)

    monkeypatch.setattr(StandardPage, "route", route_noting)
    client.get("/huong-dan/")
    client.get("/huong-dan/")
    assert routed == ["huong-dan", "huong-dan"]  # routed afresh each time
