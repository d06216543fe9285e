from django.contrib.auth.models import Group
from django.core.management import call_command

from news.editorial import EDITORS, REVIEWERS
from news.models import NewsCategory, NewsPage
from tests.news.conftest import at, make_article


def test_featured_articles_lead_the_home_page_before_newer_ones(client, news_index, categories):
    make_article(news_index, categories["thong-bao"], "Tin nổi bật", at(2024, 5, 1), featured=True)
    make_article(news_index, categories["thong-bao"], "Tin thường", at(2024, 5, 2))

    html = client.get("/").content.decode()
    lead = html.split('class="card card--news card--lead"', 1)[1].split("</article>", 1)[0]

    assert "Tin nổi bật" in lead
    assert "Tin thường" not in lead


def test_demo_news_spans_categories_and_dates_with_roles_ready(client, db):
    call_command("load_demo_data", verbosity=0)

    articles = NewsPage.objects.live()
    assert articles.count() >= 12
    assert NewsCategory.objects.count() == 4
    assert all(category.articles.exists() for category in NewsCategory.objects.all())
    assert articles.dates("date", "month").count() >= 8
    assert Group.objects.filter(name__in=[EDITORS, REVIEWERS]).count() == 2

    seed = client.get("/tin-tuc/ket-qua-xay-dung-chinh-quyen-dien-tu-nam-2023/")
    html = seed.content.decode()
    assert seed.status_code == 200
    assert "Ngày cập nhật" in html and "27/10/2024" in html
    assert '<p class="byline">Hải Định</p>' in html
    assert "2.106" in html and "121.527" in html
    # the demo gallery, named by its caption
    assert '<figcaption class="gallery-title">Hình ảnh chính quyền điện tử năm 2023' in html
    assert "Các tin khác" in html and "Xem tin theo ngày" in html
    day = client.get("/tin-tuc/theo-ngay/?ngay=27/10/2024").content.decode()
    assert "Kết quả xây dựng chính quyền điện tử năm 2023" in day
