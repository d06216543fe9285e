"""Loads the demo news (news.demo_content) under the home page; a second run changes nothing."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from news import demo_content as content
from news.editorial import ensure_editorial_setup
from news.illustrations import draw
from news.models import NewsCategory, NewsIndexPage, NewsPage


def load(home, stdout=None):
    """Create what is missing; return the number of pages created."""
    created = 0
    index = NewsIndexPage.objects.child_of(home).filter(slug=content.NEWS_INDEX["slug"]).first()
    if index is None:
        index = home.add_child(instance=NewsIndexPage(show_in_menus=True, **content.NEWS_INDEX))
        index.save_revision().publish()
        created += 1
    categories = {
        item["slug"]: NewsCategory.objects.get_or_create(slug=item["slug"], defaults=item)[0]
        for item in content.CATEGORIES
    }
    images = {item["title"]: ensure_image(item) for item in content.IMAGES}
    document = ensure_document(content.DOCUMENT)
    for article in content.ARTICLES:
        if not NewsPage.objects.child_of(index).filter(slug=article["slug"]).exists():
            create_article(index, article, categories, images, document)
            created += 1
    ensure_editorial_setup()
    if stdout is not None:
        stdout.write(f"News demo: {created} page(s) created.")
    return created


def create_article(index, fields, categories, images, document):
    fields = dict(fields)
    fields["category"] = categories[fields.pop("category")]
    image = fields.get("image") or content.ARTICLE_IMAGES.get(fields["slug"])
    if image:
        fields["image"] = images[image]
    fields["body"] = [_resolve(kind, value, images, document) for kind, value in fields["body"]]
    article = index.add_child(instance=NewsPage(**fields))
    article.save_revision().publish()
    # Demo articles keep the history they would have had: published on their date, and
    # "Ngày cập nhật" on the day of their last correction.
    updated = content.UPDATED.get(article.slug, article.date)
    NewsPage.objects.filter(pk=article.pk).update(
        first_published_at=article.date, last_published_at=updated
    )
    return article


def _resolve(kind, value, images, document):
    if kind == "image":
        image = images[value["image"]]
        value = dict(
            value, image={"image": image, "decorative": False, "alt_text": image.description}
        )
    elif kind == "gallery":
        pictures = [dict(item, image=images[item["image"]]) for item in value["images"]]
        value = dict(value, images=pictures)
    elif kind == "document":
        value = dict(value, document=document)
    return (kind, value)


# The renditions the news cards ask for (templates/components/card_news.html), made when a
# demo image is created so the first visitor of the home page does not wait for ~40 of them.
CARD_RENDITIONS = [
    f"format-{kind}|fill-{size}"  # the order {% picture %} writes them in
    for kind in ("webp", "jpeg")
    for size in ("160x100", "320x200", "480x300", "640x400", "960x600")
]


def ensure_image(spec):
    Image = get_image_model()
    image = Image.objects.filter(title=spec["title"]).first()
    if image is None:
        image = Image(title=spec["title"], description=spec["description"])
        image.file = ImageFile(io.BytesIO(draw(spec["scene"])), name=spec["filename"])
        image._set_image_file_metadata()
        image.save()
        image.get_renditions(*CARD_RENDITIONS)
    return image


def ensure_document(spec):
    Document = get_document_model()
    document = Document.objects.filter(title=spec["title"]).first()
    if document is None:
        document = Document(title=spec["title"])
        document.file = ContentFile(spec["text"].encode(), name=spec["filename"])
        document._set_document_file_metadata()
        document.save()
    return document
