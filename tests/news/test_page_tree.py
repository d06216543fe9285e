import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.news.conftest import at, make_article, make_image


class NewsPageTreeRules(WagtailPageTestCase):
    def test_the_news_index_hangs_under_home_only(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertCanNotCreateAt(Page, NewsIndexPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)

    def test_articles_live_only_under_a_news_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)


def test_one_news_index_per_home(news_index):
    assert not NewsIndexPage.can_create_at(news_index.get_parent().specific)


@pytest.mark.parametrize("slug", ["chuyen-muc", "theo-ngay", "rss"])
def test_an_article_cannot_take_the_slug_of_a_news_route(news_index, categories, slug):
    article = NewsPage(
        title="Tin", slug=slug, date=at(2024, 10, 27), category=categories["thong-bao"]
    )

    with pytest.raises(ValidationError) as error:
        news_index.add_child(instance=article)

    assert "slug" in error.value.message_dict


def test_the_lead_image_must_have_alt_text(news_index, categories):
    image = make_image(description="")

    with pytest.raises(ValidationError) as error:
        make_article(
            news_index, categories["thong-bao"], "Ảnh không mô tả", at(2024, 1, 2), image=image
        )

    assert "văn bản thay thế" in " ".join(error.value.message_dict["image"])
