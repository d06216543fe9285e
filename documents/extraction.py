"""Text of attached PDF and DOCX files, for the full-text search.

pypdf (pure Python, maintained by the py-pdf organisation, BSD) reads the text layer of a
PDF; python-docx (MIT, maintained) reads the paragraphs and tables of a DOCX. Neither needs
a system binary (pdftotext, LibreOffice), so CI and servers install nothing more. Scanned
PDFs have no text layer and yield nothing (OCR is out of scope).

Extraction takes seconds for a 200-page PDF, so it never runs in a web request: publishing
records the file as pending, and `manage.py extract_document_text` (a timer, like the
dialogue outbox; the import runs it too) reads pending files, then refreshes and re-indexes
the documents that carry them.
"""

import logging

from django.db import transaction
from django.utils import timezone

from documents.attachments import extension_of
from documents.models import AttachmentFile, DocumentAttachment, LegalDocumentPage

logger = logging.getLogger(__name__)
MAX_TEXT = 2_000_000  # characters kept per file: a whole code of law fits


def extract_text(handle, extension):
    if extension == "pdf":
        from pypdf import PdfReader

        reader = PdfReader(handle)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    if extension == "docx":
        import docx

        document = docx.Document(handle)
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)
    return None


def register_files(page):
    """Record the attachments of `page` as files to extract (publishing calls this)."""
    for attachment in page.attachments.all():
        if attachment.file:
            AttachmentFile.objects.get_or_create(name=attachment.file.name)


def extract_pending(limit=None):
    """Extract every pending file; refresh the documents using them. Returns the page ids."""
    pending = AttachmentFile.objects.filter(status=AttachmentFile.Status.PENDING).order_by("pk")
    if limit:
        pending = pending[:limit]
    touched = set()
    for record in pending:
        attachment = DocumentAttachment.objects.filter(file=record.name).first()
        record.status, record.text = _extract(record.name, attachment)
        record.extracted_at = timezone.now()
        record.save(update_fields=["status", "text", "extracted_at"])
        touched |= set(
            DocumentAttachment.objects.filter(file=record.name).values_list("page_id", flat=True)
        )
    for page in LegalDocumentPage.objects.filter(pk__in=touched):
        with transaction.atomic():
            page.refresh_derived_fields()
            LegalDocumentPage.objects.filter(pk=page.pk).update(search_text=page.search_text)
    return sorted(touched)


def _extract(name, attachment):
    if attachment is None:
        return AttachmentFile.Status.NONE, ""
    extension = extension_of(name)
    try:
        with attachment.file.open("rb") as handle:
            text = extract_text(handle, extension)
    except Exception as error:  # a broken file must not stop the others
        logger.warning("Could not extract text from %s: %s", name, error)
        return AttachmentFile.Status.FAILED, ""
    if text is None:
        return AttachmentFile.Status.NONE, ""
    return AttachmentFile.Status.DONE, " ".join(text.split())[:MAX_TEXT]
