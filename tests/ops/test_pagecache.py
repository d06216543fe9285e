"""The anonymous page cache: served without SQL, purged on publish, never personal."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home.models import PortalSettings
from news.models import NewsIndexPage, NewsPage
from ops import pagecache
from ops.pagecache import PageCacheMiddleware
from tests.conftest import add_page


@pytest.fixture
def news(home_page):
    # The first render would create the site's settings row, and saving settings purges the
    # page cache: a copy rendered while a purge happened is never served, so make it first.
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    index = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    article = add_page(
        index, NewsPage, title="Khai trương trung tâm", slug="khai-truong", body="<p>Nội dung</p>"
    )
    return index, article


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response, [q["sql"] for q in captured.captured_queries]


def test_second_visit_is_served_from_the_cache_with_no_sql_but_the_cache_read(client, news):
    first, first_queries = queries_for(client, "/tin-tuc/khai-truong/")
    second, second_queries = queries_for(client, "/tin-tuc/khai-truong/")

    assert first["X-Page-Cache"] == "MISS"
    assert second["X-Page-Cache"] == "HIT"
    assert second.content == first.content
    assert "Khai trương trung tâm" in second.content.decode()
    assert len(first_queries) > 5
    assert [sql for sql in second_queries if "portal_page_cache" not in sql] == []


def test_with_an_in_memory_cache_a_hit_runs_no_sql_at_all(client, news, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    pagecache.page_cache().clear()  # process memory: other tests' copies are still there
    client.get("/tin-tuc/")

    response, queries = queries_for(client, "/tin-tuc/")

    assert response["X-Page-Cache"] == "HIT"
    assert queries == []


def test_publishing_an_article_purges_its_page_and_the_listings(client, news):
    index, article = news
    for path in ("/", "/tin-tuc/", "/tin-tuc/khai-truong/"):
        client.get(path)

    article.title = "Khai trương trung tâm hành chính công"
    article.save_revision().publish()
    add_page(index, NewsPage, title="Bài mới đăng", slug="bai-moi", body="<p>x</p>")

    page = client.get("/tin-tuc/khai-truong/")
    listing = client.get("/tin-tuc/")
    assert page["X-Page-Cache"] == "MISS"
    assert "Khai trương trung tâm hành chính công" in page.content.decode()
    assert "Bài mới đăng" in listing.content.decode()
    assert "Khai trương trung tâm hành chính công" in listing.content.decode()


def test_unpublishing_removes_the_page_from_cache_and_listing(client, news):
    _, article = news
    client.get("/tin-tuc/")
    assert client.get("/tin-tuc/khai-truong/").status_code == 200

    article.unpublish()

    assert client.get("/tin-tuc/khai-truong/").status_code == 404
    assert "Khai trương trung tâm" not in client.get("/tin-tuc/").content.decode()


def test_deleting_a_page_purges(client, news):
    _, article = news
    client.get("/tin-tuc/khai-truong/")

    article.delete()

    assert client.get("/tin-tuc/khai-truong/").status_code == 404


def test_logged_in_editors_are_never_served_or_stored(client, news, admin_user):
    client.get("/tin-tuc/")  # an anonymous copy is cached
    client.force_login(admin_user)

    response = client.get("/tin-tuc/")

    assert "X-Page-Cache" not in response
    client.logout()
    anonymous = client.get("/tin-tuc/")
    assert anonymous["X-Page-Cache"] == "HIT"
    assert admin_user.username not in anonymous.content.decode()


def test_pages_with_a_form_and_csrf_token_are_never_cached(client, news):
    _, article = news
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )

    first = client.get("/tin-tuc/khai-truong/")
    second = client.get("/tin-tuc/khai-truong/")

    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert "Nội dung" not in second.content.decode()


def test_visitors_with_pending_messages_get_a_fresh_page(client, news):
    client.get("/tin-tuc/")
    client.cookies["messages"] = "anything"

    response = client.get("/tin-tuc/")

    assert "X-Page-Cache" not in response


def test_never_cache_responses_and_errors_are_not_stored(client, news):
    for _ in range(2):
        ready = client.get("/readyz")
        missing = client.get("/khong-co/")

    assert "X-Page-Cache" not in ready
    assert missing.status_code == 404
    assert "X-Page-Cache" not in missing


def test_languages_are_cached_separately(client, news):
    # The address chooses the language (Vietnamese unprefixed, English under /en/),
    # whatever the browser's Accept-Language says.
    vietnamese = client.get("/tin-tuc/", HTTP_ACCEPT_LANGUAGE="en")
    english = client.get("/en/tin-tuc/", HTTP_ACCEPT_LANGUAGE="en")

    assert vietnamese["Content-Language"] == "vi"
    assert english["Content-Language"] == "en"
    assert english["X-Page-Cache"] == "MISS"


# A failed query aborts the surrounding transaction, so this one runs outside a test transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_broken_cache_serves_pages_uncached(client, news, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_table",
        },
    }

    response = client.get("/tin-tuc/")

    assert response.status_code == 200
    assert "Khai trương trung tâm" in response.content.decode()


def test_a_page_rendered_across_a_purge_is_never_served_after_it(rf, settings):
    # Another app server renders a page with the old menu while an editor's save purges the
    # cache; it stores that page just after the purge. It must not be served from then on.
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    pagecache.page_cache().clear()  # process memory: other tests' copies are still there

    def render_during_a_change(request):
        pagecache.purge()  # the change lands while this page is being rendered
        return HttpResponse("menu cũ")

    PageCacheMiddleware(render_during_a_change)(rf.get("/tin-tuc/"))
    after = PageCacheMiddleware(lambda request: HttpResponse("menu mới"))(rf.get("/tin-tuc/"))
    again = PageCacheMiddleware(lambda request: HttpResponse("-"))(rf.get("/tin-tuc/"))

    assert after["X-Page-Cache"] == "MISS" and after.content.decode() == "menu mới"
    assert again["X-Page-Cache"] == "HIT" and again.content.decode() == "menu mới"
