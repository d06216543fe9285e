from wagtail.models import PageViewRestriction

from home.models import HomePage
from news import listing
from news.models import NewsCategory, NewsIndexPage
from tests.conftest import add_page
from tests.news.conftest import at, make_article, quick_article


def titles_on(html):
    """The article titles of a list page, in order."""
    items = html.split('<h3 class="card__title news-title"><a href="')[1:]
    return [item.split('">', 1)[1].split("</a>", 1)[0] for item in items]


def test_index_lists_newest_first_with_pages(client, news_index, categories):
    for day in range(1, 23):
        quick_article(news_index, categories["thong-bao"], f"Tin số {day}", at(2024, 1, day))

    first = client.get("/tin-tuc/").content.decode()
    second = client.get("/tin-tuc/?trang=2").content.decode()

    assert titles_on(first) == [f"Tin số {day}" for day in range(22, 2, -1)]
    assert titles_on(second) == ["Tin số 2", "Tin số 1"]
    assert 'href="?trang=2" rel="next"' in first
    assert '<span aria-current="page">2</span>' in second


def test_bad_page_numbers_get_a_vietnamese_answer_not_a_500(client, news_index, categories):
    make_article(news_index, categories["thong-bao"], "Tin duy nhất", at(2024, 1, 1))

    for bad in ["abc", "0", "-1", "1.5", "٣", "9" * 30]:
        response = client.get("/tin-tuc/", {"trang": bad})
        assert response.status_code == 400, bad
        assert "Số trang không hợp lệ." in response.content.decode()

    response = client.get("/tin-tuc/?trang=7")
    assert response.status_code == 404
    assert "Không có trang 7; danh sách chỉ có 1 trang." in response.content.decode()


def test_category_page_lists_only_its_articles(client, news_index, categories):
    make_article(news_index, categories["thong-bao"], "Lịch nghỉ lễ", at(2024, 4, 20))
    make_article(news_index, categories["cai-cach-hanh-chinh"], "Một cửa", at(2024, 4, 21))

    response = client.get("/tin-tuc/chuyen-muc/thong-bao/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Thông báo</h1>" in html
    assert titles_on(html) == ["Lịch nghỉ lễ"]
    assert '<a href="/tin-tuc/chuyen-muc/thong-bao/" aria-current="page">Thông báo</a>' in html
    assert client.get("/tin-tuc/chuyen-muc/khong-co/").status_code == 404


def test_unpublished_and_private_articles_leave_the_lists(client, news_index, categories):
    kept = make_article(news_index, categories["thong-bao"], "Vẫn hiện", at(2024, 4, 20))
    withdrawn = make_article(news_index, categories["thong-bao"], "Đã gỡ", at(2024, 4, 21))
    assert titles_on(client.get("/tin-tuc/").content.decode()) == ["Đã gỡ", "Vẫn hiện"]

    withdrawn.unpublish()
    assert titles_on(client.get("/tin-tuc/").content.decode()) == ["Vẫn hiện"]
    assert titles_on(client.get("/tin-tuc/chuyen-muc/thong-bao/").content.decode()) == ["Vẫn hiện"]

    PageViewRestriction.objects.create(page=kept, restriction_type="login")
    html = client.get("/tin-tuc/").content.decode()
    assert titles_on(html) == []
    assert "Chưa có tin." in html


def test_moving_an_article_moves_it_between_indexes(client, home_page, news_index, categories):
    other_home = add_page(home_page.get_parent(), HomePage, title="Trang phụ", slug="phu")
    other_index = add_page(other_home, NewsIndexPage, title="Tin khác", slug="tin-khac")
    article = make_article(news_index, categories["thong-bao"], "Chuyển đi", at(2024, 4, 20))

    article.move(other_index, pos="last-child")

    assert titles_on(client.get("/tin-tuc/").content.decode()) == []
    assert [a.title for a in listing.published_under(other_index)] == ["Chuyển đi"]


def test_feed_and_alternate_links_are_advertised(client, news_index, categories):
    make_article(news_index, categories["thong-bao"], "Tin", at(2024, 4, 20))

    index_html = client.get("/tin-tuc/").content.decode()
    category_html = client.get("/tin-tuc/chuyen-muc/thong-bao/").content.decode()

    assert '<link rel="alternate" type="application/rss+xml"' in index_html
    assert 'href="/tin-tuc/rss/"' in index_html
    assert 'href="/tin-tuc/chuyen-muc/thong-bao/rss/"' in category_html


def test_a_new_category_shows_at_once_despite_the_cache(client, news_index, categories):
    make_article(news_index, categories["thong-bao"], "Tin", at(2024, 4, 20))
    assert "Kinh tế – xã hội" not in client.get("/tin-tuc/").content.decode()

    NewsCategory.objects.create(name="Kinh tế – xã hội", slug="kinh-te-xa-hoi")

    html = client.get("/tin-tuc/").content.decode()
    assert '<a href="/tin-tuc/chuyen-muc/kinh-te-xa-hoi/">Kinh tế – xã hội</a>' in html
    assert client.get("/tin-tuc/chuyen-muc/kinh-te-xa-hoi/").status_code == 200
