"""Keep derived validity, the files to extract and the search index in step with publishing.

Re-indexing runs after the transaction commits; a failure is logged and never breaks the
editor's publish (`manage.py rebuild_document_index` repairs the index).
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from documents import indexing
from documents.extraction import register_files
from documents.links import index_url
from documents.models import DocumentIndexPage, LegalDocumentPage
from documents.validity import refresh_endings

logger = logging.getLogger(__name__)


def _reindex(ids):
    try:
        indexing.index_documents(ids)
    except indexing.IndexUnavailable as error:
        logger.warning("Documents %s not re-indexed: %s", ids, error)


def document_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    if instance.live and instance.pk:
        register_files(instance)
    changed = refresh_endings()
    if indexing.is_enabled():
        ids = [instance.pk, *changed]
        transaction.on_commit(lambda: _reindex(ids))


def register_signal_handlers():
    page_published.connect(
        document_changed, sender=LegalDocumentPage, dispatch_uid="documents-published"
    )
    page_unpublished.connect(
        document_changed, sender=LegalDocumentPage, dispatch_uid="documents-unpublished"
    )
    post_delete.connect(
        document_changed, sender=LegalDocumentPage, dispatch_uid="documents-deleted"
    )
    # The API builds its links from the "Văn bản" page's URL, which is cached (links.py).
    index_url.forget_on_changes(DocumentIndexPage)
