"""RSS 2.0 feed of the newest public documents (by issue date) under the "Văn bản" index.

A document under a view restriction (Wagtail's privacy setting) is left out, as from the
search and the API.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone

from documents.indexing import indexed

FEED_SIZE = 20


class NewDocumentsFeed(Feed):
    language = "vi"

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.intro or index.title

    def items(self, index):
        documents = indexed().child_of(index)
        return documents.select_related("document_type", "issuer").order_by("-issue_date", "-pk")[
            :FEED_SIZE
        ]

    def item_title(self, document):
        return f"{document.number} – {document.title}"

    def item_description(self, document):
        return document.summary or document.title

    def item_link(self, document):
        return f"{self.index.get_url(self.request)}{document.slug}/"

    def item_pubdate(self, document):
        return timezone.make_aware(datetime.datetime.combine(document.issue_date, datetime.time()))

    def item_categories(self, document):
        return [document.document_type.name, document.issuer.name]
