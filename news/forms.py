import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

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


class NewsPageForm(WagtailAdminPageForm):
    """Editors must file every article under a category (code and imports need not)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "category" in self.fields:
            self.fields["category"].required = True
