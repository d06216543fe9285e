"""Galleries and videos in articles: accessible markup, captions required, no third-party
frames, and every editor-typed text escaped."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model

from news.media_blocks import GalleryBlock, VideoBlock
from tests.xss import PAYLOADS, assert_inert

from .conftest import at, make_article, make_image


def document(name, content=b"\x00\x00\x00\x18ftypmp42"):
    doc = get_document_model()(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


@pytest.fixture
def media(db):
    return {
        "mp4": document("hoi-nghi.mp4"),
        "webm": document("hoi-nghi.webm"),
        "vtt": document("hoi-nghi.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nXin chao\n"),
        "pdf": document("bao-cao.pdf", b"%PDF-1.4"),
    }


def video(**fields):
    raw = {
        "title": "Hội nghị chuyển đổi số",
        "mp4": None,
        "webm": None,
        "captions": None,
        "captions_language": "vi",
        "poster": None,
        "transcript": "",
        "external_url": "",
        **{key: value.pk if hasattr(value, "pk") else value for key, value in fields.items()},
    }
    return VideoBlock().to_python(raw)


def errors_of(value):
    with pytest.raises(StructBlockValidationError) as raised:
        VideoBlock().clean(value)
    return set(raised.value.block_errors)


def test_a_self_hosted_video_needs_captions(media):
    assert errors_of(video(mp4=media["mp4"])) == {"captions"}
    assert VideoBlock().clean(video(mp4=media["mp4"], captions=media["vtt"]))


@pytest.mark.parametrize(
    ("fields", "wrong"),
    [
        ({"mp4": "pdf", "captions": "vtt"}, {"mp4"}),
        ({"webm": "mp4", "captions": "vtt"}, {"webm"}),
        ({"mp4": "mp4", "captions": "pdf"}, {"captions"}),
        ({}, {"mp4"}),  # neither a file nor a link
    ],
)
def test_files_must_be_what_they_claim(media, fields, wrong):
    assert errors_of(video(**{key: media[name] for key, name in fields.items()})) == wrong


def test_an_external_video_is_a_link_not_a_frame(media):
    value = video(external_url="https://www.youtube.com/watch?v=abc123")
    html = VideoBlock().render(VideoBlock().clean(value))

    assert "<iframe" not in html and "<video" not in html
    assert 'href="https://www.youtube.com/watch?v=abc123"' in html
    assert "Xem video “Hội nghị chuyển đổi số” trên youtube.com" in html


def test_video_plays_only_when_asked_with_captions_and_a_download(media):
    value = video(
        mp4=media["mp4"], webm=media["webm"], captions=media["vtt"], transcript="Lời dẫn."
    )
    html = VideoBlock().render(value)

    tag = re.search(r"<video[^>]*>", html).group(0)
    assert "controls" in tag
    assert "autoplay" not in tag and "loop" not in tag and "muted" not in tag
    assert 'aria-label="Hội nghị chuyển đổi số"' in tag
    assert f'<source src="{media["webm"].file.url}" type="video/webm">' in html
    assert f'<source src="{media["mp4"].file.url}" type="video/mp4">' in html
    assert re.search(
        rf'<track kind="captions" src="{re.escape(media["vtt"].file.url)}" srclang="vi"'
        r' label="Tiếng Việt" default>',
        html,
    )
    assert "<figcaption>Hội nghị chuyển đổi số</figcaption>" in html
    assert "<summary>Lời thoại của video (bản chữ)</summary>" in html
    assert f'<a href="{media["mp4"].file.url}" download>Tải video (MP4,' in html


def gallery(images, **fields):
    return GalleryBlock().to_python(
        {
            "title": fields.get("title", "Lễ khánh thành cầu"),
            "credit": fields.get("credit", ""),
            "images": [
                {"image": image.pk, "alt_text": alt, "caption": caption}
                for image, alt, caption in images
            ],
        }
    )


def test_gallery_is_a_named_list_of_pictures_with_alt_text(db):
    first, second = make_image(), make_image(description="Người dân qua cầu mới")
    html = GalleryBlock().render(
        gallery([(first, "Cắt băng khánh thành", "Lãnh đạo tỉnh cắt băng"), (second, "", "")])
    )

    assert '<figure class="gallery">' in html  # a figure (no role="group": axe refuses it)
    assert '<figcaption class="gallery-title">Lễ khánh thành cầu <span' in html
    assert html.count("<li>") == 2
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', html)
    assert alts == ["Cắt băng khánh thành", "Người dân qua cầu mới"]  # library's as fallback
    assert "<figcaption>Lãnh đạo tỉnh cắt băng</figcaption>" in html
    assert "(ảnh 2, xem cỡ lớn)" in html
    assert "<script" not in html


def test_gallery_needs_two_pictures(db):
    with pytest.raises(StructBlockValidationError) as raised:
        GalleryBlock().clean(gallery([(make_image(), "", "")]))
    assert set(raised.value.block_errors) == {"images"}


@pytest.mark.parametrize("payload", PAYLOADS[:12])
def test_editor_text_is_inert(db, media, payload):
    image = make_image()
    html = GalleryBlock().render(
        gallery([(image, payload, payload), (image, "", "")], title=payload, credit=payload)
    )
    html += VideoBlock().render(
        video(mp4=media["mp4"], captions=media["vtt"], title=payload, transcript=payload)
    )
    assert_inert(html)


def test_an_article_with_both_renders_under_our_policy(client, news_index, media):
    image = make_image()
    article = make_article(
        news_index,
        None,
        "Khánh thành cầu",
        at(2024, 10, 27),
        body=[
            ("gallery", gallery([(image, "", "Ảnh một"), (image, "", "Ảnh hai")])),
            ("video", video(mp4=media["mp4"], captions=media["vtt"])),
        ],
    )

    response = client.get(article.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert 'class="gallery"' in html and "<video controls" in html
    assert "<iframe" not in html
    assert "media-src" not in response["Content-Security-Policy"]  # default-src 'self' holds
    assert media["mp4"].file.url.startswith("/media/")  # same origin
