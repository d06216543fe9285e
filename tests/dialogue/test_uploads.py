"""Attachments: PDF, JPEG or PNG only, checked by content, size-limited, kept private."""

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile

from dialogue.models import Question

from .conftest import ASK
from .forms import PDF, png_bytes, question_form


@pytest.fixture
def send(client, section, sector, leader):
    def _send(name, content, mime="application/octet-stream"):
        upload = SimpleUploadedFile(name, content, content_type=mime)
        return client.post(ASK, {**question_form(sector, leader), "attachment": upload})

    return _send


def test_pdf_is_stored_privately_under_a_random_name(send, settings):
    response = send("giay to cua toi.pdf", PDF, "application/pdf")

    assert response.status_code == 200
    question = Question.objects.get()
    stored = question.attachment.path
    assert stored.startswith(str(settings.DIALOGUE_ATTACHMENT_ROOT))
    assert not stored.startswith(str(django_settings.MEDIA_ROOT))
    assert "giay" not in question.attachment.name
    assert question.attachment_name == "giay to cua toi.pdf"
    assert question.attachment_type == "application/pdf"
    with pytest.raises(ValueError):
        question.attachment.url  # noqa: B018 - no public URL exists


def test_png_is_accepted(send):
    assert send("anh.png", png_bytes(), "image/png").status_code == 200
    assert Question.objects.get().attachment_type == "image/png"


REFUSED = [
    ("chuong-trinh.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "application/pdf"),
    ("trang.png", b"<html><script>alert(1)</script></html>", "image/png"),
    ("tai-lieu.docx", b"PK\x03\x04" + b"\x00" * 64, "application/msword"),
    ("anh.pdf", png_bytes(), "application/pdf"),  # PNG content under a .pdf name
    ("hong.png", png_bytes()[:40], "image/png"),  # truncated image
    ("khong-duoi", PDF, "application/pdf"),
    ("rong.pdf", b"", "application/pdf"),
]


def test_wrong_or_broken_files_are_refused_with_400(send):
    messages = ("Chỉ nhận tệp PDF, JPEG hoặc PNG", "Tệp ảnh bị hỏng", "rỗng")
    for name, content, mime in REFUSED:
        response = send(name, content, mime)
        assert response.status_code == 400, name
        html = response.content.decode()
        assert any(message in html for message in messages), name
    assert Question.objects.count() == 0


def test_too_large_file_gives_413_and_keeps_what_was_typed(send, settings):
    settings.DIALOGUE_ATTACHMENT_MAX_BYTES = 1024
    response = send("lon.pdf", PDF + b"0" * 2048, "application/pdf")

    assert response.status_code == 413
    html = response.content.decode()
    assert "Tệp đính kèm quá lớn" in html
    assert "Dung lượng tối đa là 1,0" in html
    assert "Hỏi về đăng ký khai sinh" in html  # the title is still in the form
    assert Question.objects.count() == 0
