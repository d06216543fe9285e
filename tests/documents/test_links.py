"""A procedure's "Căn cứ pháp lý" rows link to the document when its number is here."""

import datetime

import pytest

from procedures.models import Procedure
from procedures.models.procedures import LegalDocument
from tests.conftest import add_page
from tests.documents.conftest import make_document

pytestmark = pytest.mark.django_db


def test_legal_basis_rows_link_to_documents_with_the_same_number(client, index_page, settings):
    from procedures.models import ProcedureDirectoryPage

    settings.ELASTICSEARCH_URL = ""
    add_page(index_page.get_parent(), ProcedureDirectoryPage, title="Thủ tục", slug="thu-tuc")
    document = make_document(
        index_page, "18/2021/NĐ-CP", "Sửa đổi Nghị định 134", issue_date=datetime.date(2021, 3, 11)
    )
    procedure = Procedure(code="1.000001", name="Thủ tục thử")
    procedure.legal_documents = [
        LegalDocument(number="18/2021/ND-CP", title="Nghị định 18"),
        LegalDocument(number="99/2099/NĐ-CP", title="Không có ở đây"),
    ]
    procedure.save()
    html = client.get("/thu-tuc/1.000001/").content.decode()
    assert f'<a href="{document.url}">18/2021/ND-CP</a>' in html
    assert "<td>99/2099/NĐ-CP</td>" in html
