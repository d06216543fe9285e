"""The blocks an article body is made of: headings, paragraphs, images, galleries, videos,
tables, documents."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from news.media_blocks import GalleryBlock, VideoBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("tiêu đề"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("cấp"),
        choices=[("h2", _("Tiêu đề mục (H2)")), ("h3", _("Tiêu đề nhỏ (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề")
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    # ImageBlock asks for alt text (or "decorative") each time an image is placed, and
    # suggests the image's own description, which the image form makes required.
    image = ImageBlock(label=_("ảnh"))
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("nguồn ảnh"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "blocks/captioned_image_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tài liệu"))
    title = blocks.CharBlock(
        label=_("tên hiển thị"),
        required=False,
        help_text=_("Để trống để dùng tên của tài liệu."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "blocks/document_link_block.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"), features=PARAGRAPH_FEATURES, icon="pilcrow"
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    table = TableBlock(
        label=_("Bảng"),
        table_options={"contextMenu": True, "startRows": 3, "startCols": 3},
    )
    document = DocumentLinkBlock()
