"""Keeps the listing columns of news articles true, and list counts and fragments fresh.

NewsPage.save() sets `listed_in` for saves of the article itself; these receivers cover the
paths where Wagtail changes `live` or the parent through a plain Page instance (queryset
unpublish, expiry, moves) and bump NewsListingVersion so cached counts are recomputed. An
image or document edited changes what cached article fragments show (alt text, title, file),
so it bumps every index's version too.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
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


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender, instance, **kwargs):
    if issubclass(sender, NewsPage):
        refresh_listing(instance.pk)


@receiver(post_delete, sender=NewsPage)
def _article_deleted(sender, instance, **kwargs):
    if instance.listed_in_id:
        NewsListingVersion.bump(instance.listed_in_id)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=NewsCategory)
@receiver(post_delete, sender=NewsCategory)
def _privacy_or_categories_changed(sender, **kwargs):
    # Lists cache the private sections and the categories under the listing version.
    NewsListingVersion.bump()


@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
@receiver(post_save, sender=get_document_model())
@receiver(post_delete, sender=get_document_model())
def _media_changed(sender, **kwargs):
    NewsListingVersion.bump()
