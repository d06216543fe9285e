"""Keeps the listing columns of news articles true, and list counts and fragments fresh.

NewsPage.save() sets `listed_in` for saves of the article itself; these receivers cover the
paths where Wagtail changes `live` or the parent through a plain Page instance (queryset
unpublish, expiry, moves) and bump NewsListingVersion so cached counts are recomputed. An
image or document edited changes what cached article fragments show (alt text, title, file),
so it bumps every index's version too.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from news.models import NewsCategory, NewsListingVersion, NewsPage


def refresh_listing(page_id):
    """Recompute one article's `listed_in`; bump the versions of the indexes concerned."""
    page = Page.objects.filter(pk=page_id).only("live", "path").first()
    if page is None:
        return
    index_id = None
    if page.live:
        parent_path = page.path[: -Page.steplen]
        index_id = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
    before = NewsPage.objects.filter(pk=page_id).values_list("listed_in_id", flat=True).first()
    if before != index_id:
        NewsPage.objects.filter(pk=page_id).update(listed_in=index_id)
    for changed in {before, index_id} - {None}:
        NewsListingVersion.bump(changed)


def _page_changed(sender, instance, **kwargs):
    refresh_listing(instance.pk)


def _article_deleted(sender, instance, **kwargs):
    if instance.listed_in_id:
        NewsListingVersion.bump(instance.listed_in_id)


def _privacy_or_categories_changed(sender, **kwargs):
    # Lists cache the private sections and the categories under the listing version.
    NewsListingVersion.bump()


def _media_changed(sender, **kwargs):
    NewsListingVersion.bump()


def register_signal_handlers():
    """Wagtail's convention: called from `NewsConfig.ready()`, receivers with `sender=`."""
    articles = [model for model in get_page_models() if issubclass(model, NewsPage)]
    for model in articles:
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            signal.connect(_page_changed, sender=model, dispatch_uid=f"news-{name}-{model._meta}")
    post_delete.connect(_article_deleted, sender=NewsPage, dispatch_uid="news-article-deleted")
    for model in (PageViewRestriction, NewsCategory):
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                _privacy_or_categories_changed,
                sender=model,
                dispatch_uid=f"news-lists-{name}-{model._meta}",
            )
    for model in (get_image_model(), get_document_model()):
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                _media_changed, sender=model, dispatch_uid=f"news-media-{name}-{model._meta}"
            )
