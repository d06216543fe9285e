"""generate_documents: synthetic volume that both backends search and count the same."""

import pytest
from django.core.management import call_command

from documents import indexing
from documents.fallback import DatabaseDocumentQuery
from documents.models import LegalDocumentPage
from documents.params import DocumentSearchParams
from documents.queries import DocumentQuery

pytestmark = [pytest.mark.django_db, pytest.mark.postgres, pytest.mark.elasticsearch]


def test_generated_documents_are_live_searchable_and_counted_alike(index_page, document_index):
    call_command("generate_documents", "300", "--batch-size", "120", verbosity=0)
    assert LegalDocumentPage.objects.live().child_of(index_page).count() == 300
    assert indexing.rebuild()["count"] == 300
    params = DocumentSearchParams(q="chuyen doi so")
    es = DocumentQuery(params, lambda slug: slug).execute()
    db = DatabaseDocumentQuery(params, lambda slug: slug).execute()
    assert es.count == db.count > 0
    assert [h["number"] for h in es.results] == [h["number"] for h in db.results]
    assert es.facets == db.facets
    first = LegalDocumentPage.objects.live().first()
    assert first.url.startswith("/van-ban/van-ban-tong-hop-")
