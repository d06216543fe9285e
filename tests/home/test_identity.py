"""Identity from settings: the emblem in the name band, icons drawn from it, colour tokens
refused under 4.5:1, logos checked by what they contain."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from home.branding.colours import contrast
from home.branding.logo import logo_kind
from home.models import PortalSettings

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    b'<rect width="10" height="10" fill="#0a5"/></svg>'
)


def png_bytes(side=256, colour=(200, 30, 30, 255)):
    output = io.BytesIO()
    Image.new("RGBA", (side, side), colour).save(output, format="PNG")
    return output.getvalue()


def settings_for(home_page):
    return PortalSettings.for_site(home_page.get_site())


def test_favicon_is_served_as_an_icon_drawn_from_the_default_emblem(client, home_page):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert (32, 32) in icon.info["sizes"] and (16, 16) in icon.info["sizes"]
    assert "max-age=86400" in response["Cache-Control"]


def test_app_icons_and_manifest(client, home_page):
    touch = Image.open(io.BytesIO(client.get("/apple-touch-icon.png").content))
    large = Image.open(io.BytesIO(client.get("/icon-512.png").content))
    manifest = client.get("/manifest.webmanifest").json()

    assert touch.size == (180, 180) and touch.getpixel((0, 0))[3] == 255  # opaque for iOS
    assert large.size == (512, 512)
    assert [icon["src"] for icon in manifest["icons"]] == ["/icon-192.png", "/icon-512.png"]


def test_uploaded_png_logo_becomes_the_emblem_and_the_icons(client, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    portal = settings_for(home_page)
    portal.logo = SimpleUploadedFile("logo", png_bytes(colour=(0, 120, 60, 255)))
    portal.full_clean()
    portal.save()

    html = client.get(home_page.url).content.decode()
    icon = Image.open(io.BytesIO(client.get("/icon-192.png").content)).convert("RGB")

    assert portal.logo.name.endswith(".png")  # named after its content
    assert f'class="brand__emblem" src="{portal.logo.url}" width="64" height="64"' in html
    assert icon.getpixel((96, 96)) == (0, 120, 60)


def test_page_head_links_the_icons(client, home_page):
    html = client.get(home_page.url).content.decode()

    assert '<link rel="icon" href="/favicon.ico" sizes="48x48">' in html
    assert 'type="image/svg+xml"' in html
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a....", "Biểu trưng phải là tệp SVG hoặc PNG hợp lệ."),
        (b"\x89PNG\r\n\x1a\nnot really", "Tệp PNG bị hỏng"),
        (png_bytes(side=64), "ít nhất 180×180"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "mã lệnh"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
            b'<use x:href="http://example.com/a.svg#b"/></svg>',
            "bên ngoài",
        ),
        (b'<!DOCTYPE svg [<!ENTITY a "aaa">]><svg>&a;</svg>', "SVG hoặc PNG hợp lệ"),
        (b"<html><body>not an svg</body></html>", "SVG hoặc PNG hợp lệ"),
    ],
)
def test_logos_are_checked_by_their_content(data, message):
    with pytest.raises(ValidationError) as error:
        logo_kind(data)

    assert message in " ".join(error.value.messages)


def test_a_plain_svg_and_a_square_png_are_accepted():
    assert logo_kind(SVG) == "svg"
    assert logo_kind(png_bytes()) == "png"


def test_colours_under_4_5_to_1_are_refused_with_the_ratio(home_page):
    portal = settings_for(home_page)
    portal.colour_brand = "#e0a000"  # white text on it: 2.2:1
    portal.colour_link = "#7aa7e0"

    with pytest.raises(ValidationError) as error:
        portal.full_clean()

    brand_errors = " ".join(error.value.message_dict["colour_brand"])
    assert "chữ trắng trên dải tên chỉ đạt 2,2" in brand_errors
    assert "colour_link" in error.value.message_dict


def test_accepted_colours_are_served_as_tokens(client, home_page):
    portal = settings_for(home_page)
    portal.colour_brand = "#004b87"
    portal.full_clean()
    portal.save()

    html = client.get(home_page.url).content.decode()
    css = client.get("/giao-dien.css").content.decode()

    assert '<link rel="stylesheet" href="/giao-dien.css?v=004b87-ffd54f-0b4f9c">' in html
    assert "--color-brand: #004b87;" in css
    assert contrast("#ffffff", "#004b87") >= 4.5


def test_default_colours_add_no_request(client, home_page):
    assert "giao-dien.css" not in client.get(home_page.url).content.decode()
