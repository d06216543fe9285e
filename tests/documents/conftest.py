"""Builders for the document tests: the "Văn bản" index, documents, generated PDF and DOCX."""

import datetime
import io
import uuid

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile

from documents import indexing
from documents.fallback import DatabaseDocumentQuery
from documents.models import (
    DocumentAttachment,
    DocumentField,
    DocumentIndexPage,
    DocumentRelation,
    DocumentType,
    Issuer,
    LegalDocumentPage,
)
from documents.params import DocumentSearchParams
from documents.queries import DocumentQuery
from portal.search import elastic
from procedures import synonyms
from tests.conftest import add_page

DAY = datetime.date(2025, 6, 1)  # the day the search tests judge validity on


@pytest.fixture(autouse=True)
def _fresh_synonyms():
    """The search reads the synonym dictionary through a per-process copy: start without it."""
    synonyms.forget()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture
def index_page(home_page):
    return add_page(home_page, DocumentIndexPage, title="Văn bản", slug="van-ban")


def url_for(slug):
    return f"/van-ban/{slug}/"


def both(**params):
    """The same search on Elasticsearch and on the database: (es, db) responses."""
    params = DocumentSearchParams(day=DAY, **params)
    return (
        DocumentQuery(params, url_for).execute(),
        DatabaseDocumentQuery(params, url_for).execute(),
    )


def numbers(response):
    return [hit["number"] for hit in response.results]


def make_document(index, number, title, *, type_name="Nghị định", issuer="Chính phủ", **fields):
    """Create and publish a document as a reviewer would; attachments as (name, bytes)."""
    files = fields.pop("files", ())
    relations = fields.pop("relations", ())
    field_name = fields.pop("field_name", None)
    fields.setdefault("issue_date", datetime.date(2024, 1, 15))
    document = LegalDocumentPage(
        title=title,
        number=number,
        document_type=DocumentType.objects.get_or_create(name=type_name)[0],
        issuer=Issuer.objects.get_or_create(name=issuer)[0],
        field=DocumentField.objects.get_or_create(name=field_name)[0] if field_name else None,
        slug=f"vb-{uuid.uuid4().hex[:10]}",
        **fields,
    )
    for name, content in files:
        document.attachments.add(DocumentAttachment(title=name, file=ContentFile(content, name)))
    for kind, target in relations:
        document.relations.add(DocumentRelation(kind=kind, target=target))
    index.add_child(instance=document)
    document.save_revision().publish()
    return LegalDocumentPage.objects.get(pk=document.pk)


def pdf_bytes(text):
    """A one-page PDF whose text layer holds `text` (fpdf2, core font: ASCII words)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


def docx_bytes(text):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def document_index(settings):
    """A per-test document index on the real server, deleted afterwards."""
    settings.ELASTICSEARCH_INDEX_PREFIX = (
        f"{django_settings.ELASTICSEARCH_INDEX_PREFIX}-{uuid.uuid4().hex[:8]}"
    )
    alias = indexing.alias_name()
    yield alias
    client = elastic.get_client()
    names = list(client.indices.get(index=f"{alias}*", allow_no_indices=True))
    if names:
        client.indices.delete(index=",".join(names), ignore_unavailable=True)
