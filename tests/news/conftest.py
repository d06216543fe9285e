"""Builders for news tests: an index, categories, articles and images, made the editor's way."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model

from news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.conftest import add_page

HUE = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day, hour=9, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=HUE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # List counts are cached per (index, version); ids and versions restart between tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news_index(home_page):
    return add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def categories(db):
    return {
        slug: NewsCategory.objects.create(name=name, slug=slug, sort_order=order)
        for order, (slug, name) in enumerate(
            [
                ("cai-cach-hanh-chinh", "Cải cách hành chính"),
                ("chinh-quyen-dien-tu", "Chính quyền điện tử"),
                ("thong-bao", "Thông báo"),
            ]
        )
    }


def make_article(index, category, title, date, **fields):
    """A published article, as an editor would leave it."""
    fields.setdefault("slug", slugify(title.replace("đ", "d").replace("Đ", "D")))
    fields.setdefault("body", [("paragraph", "<p>Nội dung bài viết.</p>")])
    return add_page(index, NewsPage, title=title, date=date, category=category, **fields)


def quick_article(index, category, title, date, **fields):
    """A live article without the revision round-trip, for tests that need many."""
    fields.setdefault("slug", slugify(title.replace("đ", "d").replace("Đ", "D")))
    return index.add_child(instance=NewsPage(title=title, date=date, category=category, **fields))


def make_image(title="Ảnh thử", description="Cán bộ tiếp nhận hồ sơ tại bộ phận một cửa"):
    picture = PILImage.new("RGB", (1200, 800), "#8a1c14")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = get_image_model()(title=title, description=description)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="anh-thu.png")
    image.save()
    return image
