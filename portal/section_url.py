"""The address of a section's page (the procedure directory, "Văn bản"), cached per host in the
shared cache: searches and API answers build every link from it, and finding it costs two or
three queries a search need not make. One way for every section, with its forgetting: any
publish, unpublish or move may change it (a parent's slug, say), and so may deleting the
section page; forgetting costs one cache delete, recomputing it the next search's queries.

Each process also keeps what it read MEMO_SECONDS, so a search makes no cache round trip for
it (one Redis read was a tenth of the open-data API's own time, bench/procedures.py): a new
address reaches the process that saved it at once, every other process within a second.
"""

from time import monotonic

from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

SECONDS = 300  # a section page moves rarely, searches are many
MEMO_SECONDS = 1.0
_ALL = []  # every CachedSectionUrl, for forget_all_copies()


class CachedSectionUrl:
    """`url(request)`: `url_of(page, request)` for the page `find()` returns, or `missing`."""

    def __init__(self, key, find, url_of, missing=""):
        self.key, self.find, self.url_of, self.missing = key, find, url_of, missing
        self.forget_copy()  # _memo: (urls per host, monotonic time until which they are used)
        _ALL.append(self)

    def __call__(self, request):
        host = request.get_host() if request is not None else ""
        urls, until = self._memo
        if host in urls and monotonic() < until:
            return urls[host]
        urls = cache.get(self.key) or {}
        if host not in urls:
            page = self.find()
            urls[host] = self.url_of(page, request) if page is not None else self.missing
            cache.set(self.key, urls, SECONDS)
        self._memo = (urls, monotonic() + MEMO_SECONDS)
        return urls[host]

    def forget(self, **kwargs):
        self.forget_copy()
        cache.delete(self.key)

    def forget_copy(self):
        """Drop this process's copy only."""
        self._memo = ({}, 0.0)

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


def forget_all_copies():
    """Drop every process copy (the shared cache keeps its own): for tests, whose rolled-back
    pages must not outlive them."""
    for section_url in _ALL:
        section_url.forget_copy()
