"""Checking an uploaded logo by what it contains, not by its name.

A PNG must be a PNG Pillow can decode, square enough and large enough for app icons. An SVG
must be well-formed XML (parsed by defusedxml: no entities, no DTD tricks) whose root is
<svg>, with nothing that runs or fetches: no <script>, <foreignObject>, <image>, event
handler attributes, or references outside the file. The logo is served from /media/ like any
upload, where no Content-Security-Policy may protect it, so an SVG that could run script is
refused rather than cleaned.
"""

import io

from defusedxml import ElementTree
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 512 * 1024
MIN_PNG_SIDE = 180
FORBIDDEN_ELEMENTS = {
    "script",
    "foreignobject",
    "image",
    "iframe",
    "embed",
    "object",
    "audio",
    "video",
}
LINK_ATTRIBUTES = {"href", "src"}


def _local(name):
    return name.rsplit("}", 1)[-1].lower()


def logo_kind(data):
    """ "png" or "svg" from the bytes; ValidationError when neither (or unsafe)."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("Tệp biểu trưng lớn quá 512 KB."))
    if data.startswith(PNG_SIGNATURE):
        _check_png(data)
        return "png"
    _check_svg(data)
    return "svg"


def _check_png(data):
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Exception as error:  # Pillow raises many kinds for a broken file
        raise ValidationError(_("Tệp PNG bị hỏng, không đọc được.")) from error
    if min(width, height) < MIN_PNG_SIDE:
        raise ValidationError(
            _("Ảnh PNG cần ít nhất %(side)s×%(side)s điểm ảnh để làm biểu tượng ứng dụng.")
            % {"side": MIN_PNG_SIDE}
        )
    if max(width, height) > 2 * min(width, height):
        raise ValidationError(_("Biểu trưng nên gần vuông (tỉ lệ cạnh không quá 2:1)."))


def _check_svg(data):
    try:
        root = ElementTree.fromstring(data)
    except Exception as error:  # defusedxml's and expat's errors
        raise ValidationError(_("Biểu trưng phải là tệp SVG hoặc PNG hợp lệ.")) from error
    if _local(root.tag) != "svg":
        raise ValidationError(_("Biểu trưng phải là tệp SVG hoặc PNG hợp lệ."))
    for element in root.iter():
        if isinstance(element.tag, str):
            _check_element(element)


def _outside():
    return ValidationError(_("Tệp SVG không được dẫn tới tệp hay địa chỉ bên ngoài."))


def _check_element(element):
    tag = _local(element.tag)
    if tag in FORBIDDEN_ELEMENTS:
        message = _("Tệp SVG chứa thành phần không được phép: <%(tag)s>.")
        raise ValidationError(message % {"tag": tag})
    for name, value in element.attrib.items():
        attribute = _local(name)
        text = value.strip().lower()
        if attribute.startswith("on") or "javascript:" in text:
            message = _("Tệp SVG chứa mã lệnh (thuộc tính %(name)s).")
            raise ValidationError(message % {"name": attribute})
        if attribute in LINK_ATTRIBUTES and not text.startswith("#"):
            raise _outside()
        if "url(" in text and "url(#" not in text.replace(" ", ""):
            raise _outside()
    css = (element.text or "").lower() if tag == "style" else ""
    if "url(" in css or "@import" in css:
        raise _outside()


def validate_logo(uploaded):
    """The model field's validator: reads the upload and checks it."""
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    logo_kind(data)
