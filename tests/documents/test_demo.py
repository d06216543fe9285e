"""load_demo_data brings the documents, the consultation and their roles; a second run adds
nothing."""

import pytest
from django.core.management import call_command

from documents.models import ConsultationIndexPage, DocumentIndexPage, DraftPage, LegalDocumentPage

pytestmark = pytest.mark.django_db


def test_demo_documents_and_drafts(client, settings):
    settings.ELASTICSEARCH_URL = ""
    call_command("load_demo_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    assert LegalDocumentPage.objects.live().count() == 30
    assert DraftPage.objects.live().count() == 2
    consultation = ConsultationIndexPage.objects.get()
    assert consultation.get_workflow() == DocumentIndexPage.objects.get().get_workflow()
    replaced = LegalDocumentPage.objects.get(number="43/2011/NĐ-CP")
    assert replaced.validity_label == "Bị thay thế"
    html = client.get("/van-ban/", {"q": "61/2018"}).content.decode()
    assert "61/2018/NĐ-CP" in html
