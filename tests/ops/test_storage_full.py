"""An editor's image upload when the disk is full: a clear answer, no image half-saved."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.disk import files_under, fill_the_disk


def png(size=(64, 48)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (20, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(admin_client):
    image = SimpleUploadedFile("cau-truong-tien.png", png(), content_type="image/png")
    return admin_client.post(
        "/admin/images/add/", {"title": "Cầu Trường Tiền", "file": image, "description": "Cầu"}
    )


def test_a_full_disk_refuses_the_image_with_507_and_keeps_nothing(admin_client, media, monkeypatch):
    fill_the_disk(monkeypatch)

    response = upload(admin_client)

    assert response.status_code == 507
    assert "Bộ nhớ lưu trữ" in response.content.decode()
    assert get_image_model().objects.count() == 0
    assert files_under(media) == []


def test_with_room_the_same_upload_is_kept(admin_client, media):
    response = upload(admin_client)

    assert response.status_code in (200, 302)
    assert get_image_model().objects.count() == 1
    assert len(files_under(media)) == 1
