"""Empty the page cache when what cached pages show changes (Wagtail's signal convention).

Receivers are connected with `sender=`, as Wagtail's own apps do: publish, unpublish and move
for every page model (publish and unpublish purge only the addresses a page names, when it
names them: ops.pagecache.purge_for_page), deletion through the base `Page` row (every page
deletion, whatever its specific class, deletes that row), and save/delete of each model in
PAGE_CACHE_PURGE_MODELS.
A `post_delete` receiver without a sender would make Django send the signal for every row of
every model, which turns off its fast delete: a bulk delete of 20,000 rate-limit rows would
take one query per batch of rows instead of a single DELETE (tests/ops/test_fast_delete.py).
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from ops.pagecache import purge, purge_for_page


def _purge_unless_first_access(sender, created=False, **kwargs):
    # Wagtail creates a site's settings row, with its defaults, the first time a page reads
    # it: what that page shows does not change, so it need not miss the cache. Editing the
    # settings saves the existing row and purges.
    if not created:
        purge()


def register_signal_handlers():
    for model in get_page_models():
        # A page that names the addresses showing it (page_cache_purge_paths) purges those.
        for name, signal in (("published", page_published), ("unpublished", page_unpublished)):
            signal.connect(
                purge_for_page, sender=model, dispatch_uid=f"ops-pagecache-{name}-{model._meta}"
            )
        post_page_move.connect(
            purge, sender=model, dispatch_uid=f"ops-pagecache-moved-{model._meta}"
        )
    post_delete.connect(purge, sender=Page, dispatch_uid="ops-pagecache-page-deleted")
    for label in settings.PAGE_CACHE_PURGE_MODELS:
        model = apps.get_model(label)
        on_save = _purge_unless_first_access if issubclass(model, BaseSiteSetting) else purge
        post_save.connect(on_save, sender=model, dispatch_uid=f"ops-pagecache-save-{label}")
        post_delete.connect(purge, sender=model, dispatch_uid=f"ops-pagecache-delete-{label}")
