"""What a document's attachment may be: PDF, DOC/DOCX, XLS/XLSX or ZIP, checked by content.

The extension alone proves nothing: a renamed executable or HTML page called "quyet-dinh.pdf"
would be served from our domain. So the first bytes must be those of the claimed format, and
Office Open XML files (DOCX, XLSX) must be ZIP archives holding the part their format
requires (`word/document.xml`, `xl/workbook.xml`). Old Office files (DOC, XLS) are OLE
compound files. Files over DOCUMENT_ATTACHMENT_MAX_BYTES are refused.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# extension -> (leading bytes, the ZIP member an Office Open XML file must hold)
FORMATS = {
    "pdf": ((b"%PDF-",), None),
    "doc": ((OLE,), None),
    "xls": ((OLE,), None),
    "docx": (ZIP, "word/document.xml"),
    "xlsx": (ZIP, "xl/workbook.xml"),
    "zip": (ZIP, None),
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def validate_attachment(upload):
    """Raise a Vietnamese ValidationError unless `upload` is what its extension says."""
    limit = settings.DOCUMENT_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp đính kèm quá lớn (%(size)s). Dung lượng tối đa là %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    extension = extension_of(upload.name)
    if extension not in FORMATS:
        raise ValidationError(
            _("Chỉ nhận tệp PDF, DOC, DOCX, XLS, XLSX hoặc ZIP."), code="bad_extension"
        )
    signatures, member = FORMATS[extension]
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures) or (
        member and not _zip_has(upload, member)
    ):
        raise ValidationError(
            _("Nội dung tệp không đúng định dạng %(format)s; tệp bị từ chối."),
            code="bad_content",
            params={"format": extension.upper()},
        )
    upload.seek(0)


def _zip_has(upload, member):
    try:
        with zipfile.ZipFile(upload) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError):
        return False
    finally:
        upload.seek(0)
