"""What of a document is searched, folded the one way both search backends use.

The words come from `procedures.searchtext` (the procedure directory's tokenizer, the same as
Elasticsearch's `standard` for our text), so the database fallback matches whole words just
as Elasticsearch matches tokens. The text of attached PDF and DOCX files joins the searchable
text once `manage.py extract_document_text` has read it (see documents/extraction.py).
"""

from django.utils.html import strip_tags

from portal.search.text import exact_words, padded, words


def attachment_texts(names):
    from documents.models import AttachmentFile

    if not names:
        return []
    rows = AttachmentFile.objects.filter(name__in=names, status=AttachmentFile.Status.DONE)
    return list(rows.values_list("text", flat=True))


def search_fields_for(document):
    """The derived search columns of a LegalDocumentPage."""
    names = [a.file.name for a in document.attachments.all() if a.file]
    lists = [
        getattr(document, name).name if getattr(document, f"{name}_id", None) else ""
        for name in ("document_type", "issuer", "field")
    ]
    searchable = " ".join(
        [
            document.number or "",
            document.title or "",
            *lists,
            document.signer or "",
            document.summary or "",
            strip_tags(document.body or ""),
            *attachment_texts(names),
        ]
    )
    return {
        "title_words": padded(exact_words(document.title)),
        "title_search": padded(words(document.title)),
        "search_text": padded(words(searchable)),
    }
