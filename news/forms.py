import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

FIRST_YEAR = 1945
LAST_YEAR = 2100


class DayForm(forms.Form):
    """ "Xem tin theo ngày": a GET form; browsers send yyyy-mm-dd, people type dd/mm/yyyy."""

    ngay = forms.DateField(
        label=_("Chọn ngày"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Hãy chọn một ngày."),
            "invalid": _("Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 27/10/2024."),
        },
    )

    def clean_ngay(self):
        day = self.cleaned_data["ngay"]
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Chỉ xem được tin từ năm %(first)s đến năm %(last)s."),
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return day


def parse_month(raw):
    """'2024-10' or '10/2024' → date(2024, 10, 1); None when it is not a month we serve."""
    raw = raw.strip()
    for pattern in ("%Y-%m", "%m/%Y", "%m-%Y"):
        try:
            month = datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
        if FIRST_YEAR <= month.year <= LAST_YEAR:
            return month
        return None
    return None


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
