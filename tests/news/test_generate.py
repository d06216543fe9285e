from django.core.management import call_command
from wagtail.models import Page

from news.models import NewsPage
from tests.news.conftest import at, make_article
from tests.news.test_lists import titles_on


def test_generate_news_adds_live_articles_in_a_valid_tree(client, news_index, categories):
    make_article(news_index, categories["thong-bao"], "Bài thật", at(2020, 1, 1))

    call_command("generate_news", "40", "--batch-size", "15", verbosity=0)
    call_command("generate_news", "5", verbosity=0)  # a second run continues after the first

    articles = NewsPage.objects.child_of(news_index)
    assert articles.live().count() == 46
    assert articles.values("slug").distinct().count() == 46
    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    news_index.refresh_from_db()
    assert news_index.numchild == 46

    listed = titles_on(client.get("/tin-tuc/").content.decode())
    assert len(listed) == 20
    generated = articles.filter(slug__startswith="tin-tong-hop-").first()
    response = client.get(generated.url)
    assert response.status_code == 200
    assert generated.title in response.content.decode()
    assert "Các tin khác" in response.content.decode()
