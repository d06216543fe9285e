"""Keep derived validity, the files to extract and the search index in step with publishing.

Re-indexing runs after the transaction commits; a failure is logged and never breaks the
editor's publish (`manage.py rebuild_document_index` repairs the index). A view restriction
(Wagtail's privacy setting) added or removed re-indexes the documents under its page: only
public documents are in the index (documents/indexing.py).
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
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


def restriction_changed(sender, instance, **kwargs):
    if kwargs.get("raw") or not indexing.is_enabled():
        return
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path is None:  # the page is gone, and its documents with it (document_changed)
        return
    ids = list(LegalDocumentPage.objects.filter(path__startswith=path).values_list("pk", flat=True))
    if ids:
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
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="documents-restricted"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="documents-unrestricted"
    )
    # The API builds its links from the "Văn bản" page's URL, which is cached (links.py).
    index_url.forget_on_changes(DocumentIndexPage)
