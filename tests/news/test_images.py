"""Alt text is required: the image library's description is the image's alt text."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model


def png_upload():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0b4f9c").save(buffer, format="PNG")
    return SimpleUploadedFile("quay-mot-cua.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def admin_client_vi(client, db):
    admin = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "mat-khau-1")
    client.force_login(admin)
    return client


def test_an_image_without_a_description_is_refused(admin_client_vi):
    response = admin_client_vi.post(
        reverse("wagtailimages:add"), {"title": "Quầy một cửa", "file": png_upload()}
    )

    assert response.status_code == 200  # the form again, with the error
    assert "Hãy nhập mô tả ảnh (văn bản thay thế)." in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_image_with_a_description_is_saved(admin_client_vi):
    admin_client_vi.post(
        reverse("wagtailimages:add"),
        {
            "title": "Quầy một cửa",
            "description": "Người dân nộp hồ sơ tại quầy một cửa",
            "file": png_upload(),
        },
    )

    image = get_image_model().objects.get()
    assert image.default_alt_text == "Người dân nộp hồ sơ tại quầy một cửa"


def test_the_multiple_uploader_holds_the_file_until_described(admin_client_vi):
    response = admin_client_vi.post(
        reverse("wagtailimages:add_multiple"), {"files[]": png_upload()}
    )

    assert response.json()["success"]
    assert not get_image_model().objects.exists()  # kept aside as an upload, not an image
