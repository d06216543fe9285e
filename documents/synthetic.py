"""Synthetic documents in bulk, for benchmarks and volume tests (never for the real site).

Uses the news generator's bulk page writer (`news.synthetic`: treebeard paths computed up
front, multi-row INSERTs, no revisions); the derived search columns are computed here the
way `LegalDocumentPage.save()` would. No attachments: extracted text is what the search
reads, so a generated document's text stands in for it. Index afterwards with
`rebuild_document_index`.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from wagtail.models import Page

from documents.models import DocumentField, DocumentType, Issuer, LegalDocumentPage, Source
from documents.models.documents import number_key
from documents.searchtext import search_fields_for
from news.synthetic import _next_step, _page_table, _Table

SUFFIX = "TH"  # the number's last part: "1234/2021/QĐ-TH" never clashes with a real one

TOPICS = [
    "cải cách thủ tục hành chính",
    "chuyển đổi số",
    "dịch vụ công trực tuyến",
    "quản lý đất đai",
    "đầu tư công",
    "hỗ trợ doanh nghiệp nhỏ và vừa",
    "phòng, chống thiên tai",
    "xây dựng nông thôn mới",
    "bảo vệ môi trường",
    "giáo dục nghề nghiệp",
]
VERBS = ["Ban hành quy chế", "Ban hành kế hoạch", "Quy định chi tiết", "Hướng dẫn thực hiện"]
TYPES = ["Quyết định", "Kế hoạch", "Chỉ thị", "Công văn", "Thông báo", "Hướng dẫn"]
ISSUERS = ["UBND tỉnh", "HĐND tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng"]
FIELDS = ["Hành chính", "Đất đai", "Xây dựng", "Giáo dục", "Y tế", "Tài chính", "Môi trường"]


def generate(index, count, *, years=20, batch_size=2000, seed=7):
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    types = {n: DocumentType.objects.get_or_create(name=n)[0] for n in TYPES}
    issuers = {n: Issuer.objects.get_or_create(name=n)[0] for n in ISSUERS}
    fields = {n: DocumentField.objects.get_or_create(name=n)[0] for n in FIELDS}
    content_type = ContentType.objects.get_for_model(LegalDocumentPage)
    pages = _page_table(index, content_type)
    derived = (
        "page_ptr_id",
        "number",
        "document_type_id",
        "issuer_id",
        "field_id",
        "signer",
        "issue_date",
        "effective_date",
        "expiry_date",
        "summary",
        "in_force_from",
        "issue_year",
        "number_key",
        "title_words",
        "title_search",
        "search_text",
    )
    documents = _Table(
        LegalDocumentPage,
        constants={"body": "", "source": Source.PROVINCE, "ended_on": None, "ended_kind": ""},
        varying=derived,
    )
    today = datetime.date.today()
    created = 0
    with transaction.atomic():
        index = Page.objects.select_for_update().get(pk=index.pk)
        step = _next_step(index)
        serial = LegalDocumentPage.objects.filter(number__endswith=f"-{SUFFIX}").count() + 1
        while created < count:
            size = min(batch_size, count - created)
            page_rows, rows = [], []
            for _ in range(size):
                doc = _document(rng, serial, today, years, types, issuers, fields)
                slug = f"van-ban-tong-hop-{serial}"
                date = datetime.datetime.combine(doc.issue_date, datetime.time(8), datetime.UTC)
                page_rows.append(
                    pages.row(
                        path=Page._get_path(index.path, index.depth + 1, step),
                        title=doc.title,
                        draft_title=doc.title,
                        slug=slug,
                        url_path=f"{index.url_path}{slug}/",
                        first_published_at=date,
                        last_published_at=date,
                        translation_key=uuid.uuid4(),
                    )
                )
                rows.append(doc)
                step += 1
                serial += 1
            ids = pages.insert(page_rows, returning="id")
            documents.insert(
                [
                    documents.row(page_ptr_id=pk, **{n: getattr(d, n) for n in derived[1:]})
                    for pk, d in zip(ids, rows, strict=True)
                ]
            )
            created += size
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + created)
    return created


def _document(rng, serial, today, years, types, issuers, fields):
    type_name, issuer = rng.choice(TYPES), rng.choice(ISSUERS)
    issue_date = today - datetime.timedelta(days=rng.randrange(365 * years))
    effective = issue_date + datetime.timedelta(days=rng.choice([0, 10, 15, 45]))
    expiry = (
        effective + datetime.timedelta(days=365 * rng.randint(1, 10))
        if rng.random() < 0.2
        else None
    )
    topic = rng.choice(TOPICS)
    abbreviation = "".join(word[0] for word in type_name.split()).upper()
    doc = LegalDocumentPage(
        title=f"{rng.choice(VERBS)} về {topic} trên địa bàn tỉnh",
        number=f"{serial}/{issue_date.year}/{abbreviation}-{SUFFIX}",
        document_type=types[type_name],
        issuer=issuers[issuer],
        field=fields[rng.choice(FIELDS)],
        signer="",
        issue_date=issue_date,
        effective_date=effective,
        expiry_date=expiry,
        summary=f"Văn bản tổng hợp số {serial} về {topic}, dùng để đo tải.",
    )
    doc.in_force_from = effective
    doc.issue_year = issue_date.year
    doc.number_key = number_key(doc.number)
    names = search_fields_for_unsaved(doc)
    for name, value in names.items():
        setattr(doc, name, value)
    return doc


def search_fields_for_unsaved(document):
    """search_fields_for without attachments (an unsaved page has none to look up)."""
    document.attachments = []
    return search_fields_for(document)
