"""Citizens' attachments: PDF, JPEG or PNG only, checked by content, stored out of public reach.

Files live under DIALOGUE_ATTACHMENT_ROOT, outside MEDIA_ROOT, so neither nginx nor Django's
media serving can ever hand them out. Staff download them through an admin view that checks
permissions and always answers with Content-Disposition: attachment.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ops.storage import PrivateStorage

# (MIME type, extensions, leading bytes) of the only kinds accepted.
KINDS = {
    "pdf": ("application/pdf", {"pdf"}, (b"%PDF-",)),
    "jpeg": ("image/jpeg", {"jpg", "jpeg"}, (b"\xff\xd8\xff",)),
    "png": ("image/png", {"png"}, (b"\x89PNG\r\n\x1a\n",)),
}
EXTENSION_FOR_KIND = {"pdf": "pdf", "jpeg": "jpg", "png": "png"}


_storage = PrivateStorage("DIALOGUE_ATTACHMENT_ROOT")


def private_storage():
    return _storage


def attachment_path(instance, filename):
    """A random name: the citizen's file name is kept in the database only."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def detect_kind(head):
    for kind, (_mime, _extensions, signatures) in KINDS.items():
        if any(head.startswith(signature) for signature in signatures):
            return kind
    return None


def validate_attachment(upload):
    """Return (kind, mime type) of an acceptable upload, or raise ValidationError in Vietnamese."""
    limit = settings.DIALOGUE_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp đính kèm quá lớn (%(size)s). Dung lượng tối đa là %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp đính kèm rỗng."), code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = detect_kind(head)
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind is None or extension not in KINDS[kind][1]:
        raise ValidationError(
            _("Chỉ nhận tệp PDF, JPEG hoặc PNG; nội dung tệp phải đúng với phần mở rộng."),
            code="bad_type",
        )
    if kind in ("jpeg", "png") and not _image_is_sound(upload):
        raise ValidationError(_("Tệp ảnh bị hỏng hoặc không đọc được."), code="bad_image")
    upload.seek(0)
    return kind, KINDS[kind][0]


def _image_is_sound(upload):
    from PIL import Image

    try:
        with Image.open(upload) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds for broken files; all mean "refuse".
        return False
    return True
