from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class AltTextImageForm(BaseImageForm):
    """The image library form with the description required: it is the image's alt text.

    Wagtail uses the description as the default alt text wherever the image appears, and the
    multiple uploader keeps a file aside until this form is complete, so no image enters the
    library without one (WAGTAILIMAGES_IMAGE_FORM_BASE points here).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Mô tả ảnh (văn bản thay thế)")
            field.help_text = _(
                "Tả ngắn gọn nội dung ảnh cho người khiếm thị, ví dụ: "
                "“Lãnh đạo tỉnh làm việc với đoàn kiểm tra cải cách hành chính”."
            )
            field.error_messages["required"] = _("Hãy nhập mô tả ảnh (văn bản thay thế).")
