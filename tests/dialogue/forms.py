"""What a citizen types into the question form, and small files to attach."""

import io

from PIL import Image

from .conftest import IDENTITY

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def question_form(sector, addressee, /, **overrides):
    data = {
        **IDENTITY,
        "sector": str(sector.pk),
        "addressee": str(addressee.pk),
        "title": "Hỏi về đăng ký khai sinh",
        "content": "Con tôi sinh tại bệnh viện Trung ương Huế, xin hỏi thủ tục đăng ký khai sinh.",
        "procedure_codes": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
