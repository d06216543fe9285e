"""Photo galleries and videos in articles, accessible and within our Content-Security-Policy.

A gallery is a list of figures: each picture has its alt text (the block's, else the image
library's required description) and links to a larger copy, so no script or lightbox is
needed. A video is self-hosted (MP4 and/or WebM from the document library, played by the
browser's own controls, never autoplaying) and must carry a WebVTT captions track
(WCAG 1.2.2); a video hosted elsewhere (YouTube, Facebook…) is only a link: a third-party
<iframe> would need that site in `frame-src` and hand it our readers.
"""

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

VIDEO_EXTENSIONS = {"mp4": ".mp4", "webm": ".webm"}
CAPTION_EXTENSION = ".vtt"
GALLERY_MAX = 40


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("ảnh"))
    alt_text = blocks.CharBlock(
        label=_("văn bản thay thế"),
        required=False,
        max_length=255,
        help_text=_("Để trống để dùng mô tả của ảnh trong thư viện."),
    )
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Ảnh")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("tên bộ ảnh"),
        max_length=255,
        help_text=_("Đọc cho người dùng trình đọc màn hình; hiện phía trên bộ ảnh."),
    )
    images = blocks.ListBlock(GalleryImageBlock(), label=_("ảnh"), min_num=2, max_num=GALLERY_MAX)
    credit = blocks.CharBlock(label=_("nguồn ảnh"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Bộ ảnh")
        template = "blocks/gallery_block.html"


def _extension(document):
    return PurePosixPath(document.file.name).suffix.lower() if document else ""


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tên video"), max_length=255)
    mp4 = DocumentChooserBlock(
        label=_("tệp MP4"), required=False, help_text=_("Video H.264 trong thư viện tài liệu.")
    )
    webm = DocumentChooserBlock(label=_("tệp WebM"), required=False)
    captions = DocumentChooserBlock(
        label=_("phụ đề (WebVTT)"),
        required=False,
        help_text=_("Tệp .vtt; bắt buộc với video đăng trên cổng."),
    )
    captions_language = blocks.ChoiceBlock(
        label=_("ngôn ngữ phụ đề"),
        choices=[("vi", _("Tiếng Việt")), ("en", _("English"))],
        default="vi",
    )
    poster = ImageChooserBlock(label=_("ảnh bìa"), required=False)
    transcript = blocks.TextBlock(label=_("lời thoại (bản chữ)"), required=False)
    external_url = blocks.URLBlock(
        label=_("hoặc: địa chỉ video ở trang khác"),
        required=False,
        help_text=_("Chỉ hiện thành liên kết; cổng không nhúng khung của trang khác."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for name, extension in VIDEO_EXTENSIONS.items():
            if value[name] and _extension(value[name]) != extension:
                errors[name] = ValidationError(
                    _("Tệp này không phải %(ext)s.") % {"ext": extension}
                )
        if value["captions"] and _extension(value["captions"]) != CAPTION_EXTENSION:
            errors["captions"] = ValidationError(_("Phụ đề phải là tệp WebVTT (.vtt)."))
        self_hosted = value["mp4"] or value["webm"]
        if self_hosted and not value["captions"]:
            errors["captions"] = ValidationError(
                _("Video đăng trên cổng phải có phụ đề (tệp .vtt) cho người khiếm thính.")
            )
        if not self_hosted and not value["external_url"]:
            errors["mp4"] = ValidationError(
                _("Chọn tệp MP4 hoặc WebM, hoặc nhập địa chỉ video ở trang khác.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        url = value.get("external_url")
        context["external_host"] = urlsplit(url).hostname.removeprefix("www.") if url else ""
        return context
