"""Re-index a procedure after the transaction that saved or deleted it commits.

A failure is logged and never breaks the editor's save: `procedure_index_health` reports an
index out of step, and `rebuild_procedure_index` repairs it.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from procedures import indexing, spelling, synonyms
from procedures.links import directory_url
from procedures.models import Procedure, ProcedureDirectoryPage, SearchSynonym

logger = logging.getLogger(__name__)


def _reindex(pk):
    try:
        indexing.index_procedures([pk])
    except indexing.IndexUnavailable as error:
        logger.warning("Procedure %s not re-indexed: %s", pk, error)


def _remove(pk):
    try:
        indexing.delete_procedure(pk)
    except indexing.IndexUnavailable as error:
        logger.warning("Procedure %s not removed from the index: %s", pk, error)


def procedure_saved(sender, instance, raw=False, **kwargs):
    if raw or not indexing.is_enabled():
        return
    transaction.on_commit(lambda pk=instance.pk: _reindex(pk))


def procedure_deleted(sender, instance, **kwargs):
    if not indexing.is_enabled():
        return
    transaction.on_commit(lambda pk=instance.pk: _remove(pk))


def register_signal_handlers():
    post_save.connect(procedure_saved, sender=Procedure, dispatch_uid="procedure-saved")
    # The next search in this process reads the dictionary again (others within
    # synonyms.REFRESH_SECONDS); the page cache is emptied by ops (PAGE_CACHE_PURGE_MODELS).
    post_save.connect(synonyms.forget, sender=SearchSynonym, dispatch_uid="synonym-saved")
    post_delete.connect(synonyms.forget, sender=SearchSynonym, dispatch_uid="synonym-deleted")
    # New words in the catalogue are not "typos" any more.
    post_save.connect(spelling.forget, sender=Procedure, dispatch_uid="procedure-vocabulary")
    post_delete.connect(procedure_deleted, sender=Procedure, dispatch_uid="procedure-deleted")
    # Procedure links are built from the directory page's URL, which is cached (links.py).
    directory_url.forget_on_changes(ProcedureDirectoryPage)
