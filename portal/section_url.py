"""The address of a section's page (the procedure directory, "Văn bản"), cached per host in the
shared cache: searches and API answers build every link from it, and finding it costs two or
three queries a search need not make. One way for every section, with its forgetting: any
publish, unpublish or move may change it (a parent's slug, say), and so may deleting the
section page; forgetting costs one cache delete, recomputing it the next search's queries.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

SECONDS = 300  # a section page moves rarely, searches are many


class CachedSectionUrl:
    """`url(request)`: `url_of(page, request)` for the page `find()` returns, or `missing`."""

    def __init__(self, key, find, url_of, missing=""):
        self.key, self.find, self.url_of, self.missing = key, find, url_of, missing

    def __call__(self, request):
        host = request.get_host() if request is not None else ""
        urls = cache.get(self.key) or {}
        if host not in urls:
            page = self.find()
            urls[host] = self.url_of(page, request) if page is not None else self.missing
            cache.set(self.key, urls, SECONDS)
        return urls[host]

    def forget(self, **kwargs):
        cache.delete(self.key)

    def forget_on_changes(self, section_model):
        """Connect forget() to the signals that may move the address (from an app's
        register_signal_handlers())."""
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            signal.connect(self.forget, dispatch_uid=f"{self.key}-{name}")
        post_delete.connect(self.forget, sender=section_model, dispatch_uid=f"{self.key}-deleted")
