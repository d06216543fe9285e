"""Loads the demo documents (documents.demo_content) under the home page; a second run
changes nothing. Each gets a small generated PDF; its text is extracted right away (this
is a command, not a web request) and the index is rebuilt after the transaction commits."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from documents import demo_content as content
from documents import indexing
from documents.demo_files import simple_pdf
from documents.editorial import ensure_document_roles
from documents.extraction import extract_pending
from documents.models import (
    DocumentAttachment,
    DocumentField,
    DocumentIndexPage,
    DocumentRelation,
    DocumentType,
    Issuer,
    LegalDocumentPage,
    Source,
)
from portal.vietnamese import fold


def load(home, stdout=None):
    index = DocumentIndexPage.objects.child_of(home).filter(slug=content.INDEX["slug"]).first()
    created = 0
    if index is None:
        index = home.add_child(instance=DocumentIndexPage(show_in_menus=True, **content.INDEX))
        index.save_revision().publish()
        created += 1
    by_number = {d.number: d for d in LegalDocumentPage.objects.child_of(index)}
    for row in content.DOCUMENTS:
        if row[0] not in by_number:
            by_number[row[0]] = create_document(index, row, by_number)
            created += 1
    ensure_document_roles()
    extract_pending()
    if indexing.is_enabled():
        transaction.on_commit(lambda: _index(stdout))
    if stdout is not None:
        stdout.write(f"Documents demo: {created} page(s) created.")
    return created


def slug_for(number):
    return slugify(fold(number).replace("/", "-"))


def create_document(index, row, by_number):
    number, type_name, issuer, field, issued, effective, title, summary, signer, relations = row
    document = LegalDocumentPage(
        title=title,
        slug=slug_for(number),
        number=number,
        document_type=DocumentType.objects.get_or_create(name=type_name)[0],
        issuer=Issuer.objects.get_or_create(name=issuer)[0],
        field=DocumentField.objects.get_or_create(name=field)[0],
        signer=signer,
        issue_date=datetime.date.fromisoformat(issued),
        effective_date=datetime.date.fromisoformat(effective),
        summary=summary,
        source=Source.CENTRAL,
    )
    heading = f"{type_name} {number}"
    pdf = simple_pdf(heading, [title, summary, "Bản mô phỏng dùng cho dữ liệu mẫu của cổng."])
    name = f"{slug_for(number)}.pdf"
    document.attachments.add(DocumentAttachment(title=heading, file=ContentFile(pdf, name)))
    for kind, other in relations:
        document.relations.add(DocumentRelation(kind=kind, target=by_number[other]))
    index.add_child(instance=document)
    document.save_revision().publish()
    return document


def _index(stdout):
    try:
        health = indexing.health()
        if not health["in_sync"]:
            result = indexing.rebuild()
            if stdout is not None:
                stdout.write(f"Demo documents indexed in Elasticsearch ({result['count']}).")
    except indexing.IndexUnavailable as error:
        if stdout is not None:
            stdout.write(f"Elasticsearch unavailable, documents searched in the database: {error}")


CONSULTATION = {
    "title": "Lấy ý kiến dự thảo",
    "slug": "lay-y-kien-du-thao",
    "intro": "Dự thảo văn bản đang lấy ý kiến người dân, doanh nghiệp; góp ý được công khai "
    "sau khi kiểm duyệt.",
}


def load_consultation(home, stdout=None):
    """The consultation section with one open draft and one whose consultation has ended."""
    from documents.models import ConsultationIndexPage, DraftPage
    from documents.models.documents import today

    index = ConsultationIndexPage.objects.child_of(home).filter(slug=CONSULTATION["slug"]).first()
    if index is not None:
        return 0
    index = home.add_child(instance=ConsultationIndexPage(show_in_menus=True, **CONSULTATION))
    index.save_revision().publish()
    day = today()
    drafts = [
        {
            "title": "Dự thảo Quyết định ban hành Quy chế tiếp nhận, giải quyết thủ tục hành "
            "chính tại Trung tâm Phục vụ hành chính công thành phố",
            "slug": "du-thao-quy-che-trung-tam-phuc-vu-hanh-chinh-cong",
            "summary": "Quy định việc tiếp nhận hồ sơ, số hóa và trả kết quả tại Trung tâm "
            "Phục vụ hành chính công theo Nghị định 61/2018/NĐ-CP và 107/2021/NĐ-CP.",
            "opens_on": day - datetime.timedelta(days=10),
            "closes_on": day + datetime.timedelta(days=20),
        },
        {
            "title": "Dự thảo Kế hoạch chuyển đổi số thành phố năm 2025",
            "slug": "du-thao-ke-hoach-chuyen-doi-so",
            "summary": "Mục tiêu, nhiệm vụ và giải pháp chuyển đổi số của thành phố trong năm.",
            "opens_on": day - datetime.timedelta(days=60),
            "closes_on": day - datetime.timedelta(days=30),
        },
    ]
    for fields in drafts:
        draft = DraftPage(
            drafting_agency="Văn phòng UBND thành phố",
            contact_name="Phòng Kiểm soát thủ tục hành chính",
            contact_email="kstthc@example.gov.vn",
            contact_phone="0234 3822 000",
            **fields,
        )
        index.add_child(instance=draft)
        draft.save_revision().publish()
    ensure_document_roles()  # the new consultation index joins the workflow
    if stdout is not None:
        stdout.write("Consultation demo: 3 page(s) created.")
    return 3
