"""An article's cached fragments (body, head, "Các tin khác") follow every change readers see.

The page cache is off here: these are the renders behind it, which reuse fragments cached
under the page, its index and the index's listing version.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.news.conftest import at, make_article, make_image

ARTICLE = "/tin-tuc/bai-chinh/"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def article(news_index, categories):
    return make_article(
        news_index, categories["thong-bao"], "Bài chính", at(2024, 5, 1), image=make_image()
    )


def render(client, path=ARTICLE):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_warm_article_runs_few_queries_and_none_for_its_fragments(client, article):
    render(client)  # renditions made, fragments cached

    with CaptureQueriesContext(connection) as captured:
        html = render(client)

    sql = " ".join(query["sql"] for query in captured.captured_queries)
    assert len(captured) <= 10
    assert "Bài chính" in html and "Các tin khác" in html
    assert "wagtailimages_rendition" not in sql  # picture and social image
    assert '"news_newspage"."date" DESC' not in sql  # "Các tin khác"


def test_a_new_article_joins_the_other_news_of_a_warm_article(
    client, article, news_index, categories
):
    assert "Tin cùng chuyên mục" not in render(client)

    make_article(news_index, categories["thong-bao"], "Tin cùng chuyên mục", at(2024, 5, 2))

    other_news = render(client).split("Các tin khác", 1)[1]
    assert "Tin cùng chuyên mục" in other_news


def test_editing_the_article_shows_at_once(client, article):
    render(client)

    article.lead = "Tóm tắt mới của bài"
    article.save_revision().publish()

    assert "Tóm tắt mới của bài" in render(client)


def test_an_image_description_edited_in_the_library_shows_at_once(client, article):
    assert "Cán bộ tiếp nhận hồ sơ" in render(client)

    article.image.description = "Mô tả ảnh đã sửa"
    article.image.save()

    html = render(client)
    assert 'alt="Mô tả ảnh đã sửa"' in html
    assert "Cán bộ tiếp nhận hồ sơ" not in html


def test_a_renamed_category_shows_at_once(client, article, categories):
    render(client)

    categories["thong-bao"].name = "Thông báo mới"
    categories["thong-bao"].save()

    assert "Thông báo mới" in render(client)


def test_previews_never_use_a_cached_fragment(client, article):
    render(client)
    article.lead = "Bản nháp chưa đăng"
    draft = article.save_revision().as_object()

    preview = draft.make_preview_request()

    assert "Bản nháp chưa đăng" in preview.rendered_content
    assert "Bản nháp chưa đăng" not in render(client)
