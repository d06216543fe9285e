"""Reading and writing `manage.py import_documents FILE.csv|.xlsx [--files DIR] [--dry-run]`.

Columns (first row, any order; the names are those an office's spreadsheet uses):

    so_ky_hieu*  loai*  co_quan_ban_hanh*  ngay_ban_hanh*  trich_yeu*
    linh_vuc  nguoi_ky  ngay_hieu_luc  ngay_het_hieu_luc  tom_tat  nguon (trung-uong|tinh)
    tep (file names in --files, separated by ";")
    thay_the  sua_doi  huong_dan  bai_bo (numbers of documents already imported, ";")

Dates are dd/mm/yyyy or yyyy-mm-dd (or Excel dates). A document is identified by its number
and issuer, so importing the same file twice changes nothing; a changed row updates the
document (a new revision, published). Bad lines are reported with their number and skipped.
Attachments are checked by content like uploads in the admin.
"""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.utils.text import slugify

from documents.attachments import validate_attachment
from documents.models import (
    DocumentAttachment,
    DocumentField,
    DocumentIndexPage,
    DocumentRelation,
    DocumentType,
    Issuer,
    LegalDocumentPage,
    RelationKind,
    Source,
)
from documents.models.documents import number_key
from portal.vietnamese import fold

REQUIRED = ("so_ky_hieu", "loai", "co_quan_ban_hanh", "ngay_ban_hanh", "trich_yeu")
RELATION_COLUMNS = {
    "thay_the": RelationKind.REPLACES,
    "sua_doi": RelationKind.AMENDS,
    "huong_dan": RelationKind.GUIDES,
    "bai_bo": RelationKind.REPEALS,
}
SOURCES = {"trung-uong": Source.CENTRAL, "trung uong": Source.CENTRAL, "tinh": Source.PROVINCE}


class ImportError_(Exception):
    """The file itself cannot be read (not a line of it)."""


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (line, message)
    changed_ids: list = field(default_factory=list)


def read_rows(path):
    """(line number, {column: text}) for each data row of a CSV (UTF-8) or XLSX file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    elif suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    else:
        raise ImportError_(f"Chỉ nhận tệp .csv hoặc .xlsx: {path.name}")
    if not rows:
        raise ImportError_(f"Tệp rỗng: {path.name}")
    header = [slugify(fold(str(name or ""))).replace("-", "_") for name in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportError_("Thiếu cột: " + ", ".join(missing))
    for number, row in enumerate(rows[1:], start=2):
        if any(cell not in (None, "") for cell in row):
            yield number, {name: row[i] if i < len(row) else None for i, name in enumerate(header)}


def parse_date(value, column):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{column}: ngày không hợp lệ “{text}” (dùng dd/mm/yyyy)")


def _text(row, name):
    value = row.get(name)
    return "" if value is None else str(value).strip()


def _list(row, name):
    return [part.strip() for part in _text(row, name).split(";") if part.strip()]


class DocumentImporter:
    """`dry_run`: attachments are validated but stored in memory only. The command rolls a
    dry run's database work back, so it reports exactly what a real import would (relations
    to documents created earlier in the same file included); a file written to MEDIA_ROOT
    would outlive that rollback."""

    def __init__(self, files_dir=None, progress=None, dry_run=False):
        self.files_dir = Path(files_dir) if files_dir else None
        self.progress = progress or (lambda iterable, **kwargs: iterable)
        self.dry_run = dry_run

    def run(self, rows):
        summary = Summary()
        index = DocumentIndexPage.objects.order_by("path").first()
        if index is None:
            raise ImportError_("Chưa có trang Văn bản để đặt văn bản vào.")
        for line, row in self.progress(list(rows), unit=" dòng"):
            try:
                outcome, pk = self.upsert(index, row)
            except (ValueError, ValidationError) as error:
                messages = error.messages if isinstance(error, ValidationError) else [str(error)]
                summary.errors.append((line, " ".join(messages)))
                continue
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            if outcome != "unchanged":
                summary.changed_ids.append(pk)
        return summary

    def values(self, row):
        for name in REQUIRED:
            if not _text(row, name):
                raise ValueError(f"{name}: bắt buộc")
        source = fold(_text(row, "nguon")) or "tinh"
        if source not in SOURCES:
            raise ValueError(f"nguon: “{_text(row, 'nguon')}” (trung-uong hoặc tinh)")
        field_name = _text(row, "linh_vuc")
        return {
            "number": _text(row, "so_ky_hieu"),
            "title": _text(row, "trich_yeu"),
            "document_type": DocumentType.objects.get_or_create(name=_text(row, "loai"))[0],
            "issuer": Issuer.objects.get_or_create(name=_text(row, "co_quan_ban_hanh"))[0],
            "field": DocumentField.objects.get_or_create(name=field_name)[0]
            if field_name
            else None,
            "signer": _text(row, "nguoi_ky"),
            "issue_date": parse_date(row.get("ngay_ban_hanh"), "ngay_ban_hanh"),
            "effective_date": parse_date(row.get("ngay_hieu_luc"), "ngay_hieu_luc"),
            "expiry_date": parse_date(row.get("ngay_het_hieu_luc"), "ngay_het_hieu_luc"),
            "summary": _text(row, "tom_tat"),
            "source": SOURCES[source],
        }

    def files(self, row):
        found = []
        for name in _list(row, "tep"):
            if self.files_dir is None:
                raise ValueError(f"tep: “{name}” nhưng không có --files")
            path = (self.files_dir / name).resolve()
            if self.files_dir.resolve() not in path.parents or not path.is_file():
                raise ValueError(f"tep: không thấy tệp “{name}” trong {self.files_dir}")
            found.append(path)
        return found

    def relations(self, row):
        wanted = []
        for column, kind in RELATION_COLUMNS.items():
            for number in _list(row, column):
                target = LegalDocumentPage.objects.filter(number_key=number_key(number)).first()
                if target is None:
                    raise ValueError(f"{column}: chưa có văn bản số {number}")
                wanted.append((kind, target))
        return wanted

    def upsert(self, index, row):
        values = self.values(row)
        paths = self.files(row)
        relations = self.relations(row)
        existing = LegalDocumentPage.objects.filter(
            number_key=number_key(values["number"]), issuer=values["issuer"]
        ).first()
        if existing is not None:
            document = existing.get_latest_revision_as_object()
            current_files = sorted(a.title for a in document.attachments.all())
            same = all(getattr(document, k) == v for k, v in values.items())
            same = same and current_files == sorted(p.stem for p in paths)
            same = same and sorted(
                (r.kind, r.target_id) for r in document.relations.all()
            ) == sorted((k, t.pk) for k, t in relations)
            if same and document.live:
                return "unchanged", document.pk
        else:
            document = LegalDocumentPage(slug=self.slug(index, values["number"]))
        for name, value in values.items():
            setattr(document, name, value)
        if existing is None or sorted(a.title for a in document.attachments.all()) != sorted(
            p.stem for p in paths
        ):
            document.attachments = [self.attachment(path) for path in paths]
        document.relations = [DocumentRelation(kind=k, target=t) for k, t in relations]
        document.full_clean(exclude=["path", "depth"])
        if existing is None:
            index.add_child(instance=document)
        document.save_revision().publish()
        return ("created" if existing is None else "updated"), document.pk

    def attachment(self, path):
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            validate_attachment(upload)
            content = upload.read()
        attachment = DocumentAttachment(title=path.stem, file=ContentFile(content, path.name))
        if self.dry_run:
            attachment.file.storage = InMemoryStorage()
        return attachment

    def slug(self, index, number):
        base = slugify(fold(number).replace("/", "-"))[:180] or "van-ban"
        slug, n = base, 1
        while LegalDocumentPage.objects.child_of(index).filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug
