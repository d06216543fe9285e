"""Links from other sections to documents by number: a procedure's "Căn cứ pháp lý" rows.

Numbers are compared folded (`documents.models.documents.number_key`), so a catalogue row
typed "18/2021/ND-CP" links to "18/2021/NĐ-CP". One query for all the rows of a page.
"""

from documents.models import LegalDocumentPage
from documents.models.documents import number_key


def document_urls(numbers, request=None):
    """{number as given: URL of the live document with that number} for those that exist."""
    keys = {number: number_key(number) for number in numbers if number}
    if not keys:
        return {}
    pages = (
        LegalDocumentPage.objects.live()
        .public()
        .filter(number_key__in=set(keys.values()))
        .only("pk", "url_path", "number_key", "path", "depth")
    )
    by_key = {}
    for page in pages:
        by_key.setdefault(page.number_key, page.get_url(request))
    return {number: by_key[key] for number, key in keys.items() if key in by_key}
