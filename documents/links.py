"""Where documents live on the site: the "Văn bản" page's address (cached for the API), and
links from other sections to documents by number (a procedure's "Căn cứ pháp lý" rows).

Numbers are compared folded (`documents.models.documents.number_key`), so a catalogue row
typed "18/2021/ND-CP" links to "18/2021/NĐ-CP". One query for all the rows of a page.
"""

from documents.models import DocumentIndexPage, LegalDocumentPage
from documents.models.documents import number_key
from portal.section_url import CachedSectionUrl

# The full URL of the live, public "Văn bản" page ("" when there is none), cached like the
# procedure directory's: at 100,000 documents its two queries and the page object were about
# a fifth of the API list's own time beside Elasticsearch (signal_handlers.py connects its
# forgetting).
index_url = CachedSectionUrl(
    "document-index-urls",
    lambda: DocumentIndexPage.objects.live().public().order_by("path").first(),
    lambda page, request: page.get_full_url(request) or "",
)


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
