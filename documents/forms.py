"""Validating the search parameters of the page and the API, with Vietnamese messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.models.documents import Validity
from documents.params import DocumentSearchParams
from portal.quoting import QuotedChoiceField
from portal.search.params import MAX_PAGE, MAX_QUERY_LENGTH, CleanCharField


class DocumentSearchForm(forms.Form):
    q = CleanCharField(
        label=_("Tìm văn bản"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Từ khóa tìm kiếm dài quá %(limit_value)d ký tự.")},
    )
    type = CleanCharField(label=_("Loại văn bản"), required=False, max_length=255)
    issuer = CleanCharField(label=_("Cơ quan ban hành"), required=False, max_length=255)
    field = CleanCharField(label=_("Lĩnh vực"), required=False, max_length=255)
    year = forms.IntegerField(
        label=_("Năm ban hành"),
        required=False,
        min_value=1945,
        max_value=2100,
        error_messages={
            "invalid": _("Năm ban hành phải là một số, ví dụ 2024."),
            "min_value": _("Năm ban hành phải từ %(limit_value)s trở đi."),
            "max_value": _("Năm ban hành không hợp lệ."),
        },
    )
    status = QuotedChoiceField(
        label=_("Hiệu lực"),
        required=False,
        choices=[("", _("Tất cả"))] + list(Validity.choices),
        error_messages={"invalid_choice": _("Tình trạng hiệu lực không hợp lệ: %(value)s.")},
    )
    sort = QuotedChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("", _("Mặc định")), ("relevance", _("Phù hợp nhất")), ("date", _("Mới nhất"))],
        error_messages={"invalid_choice": _("Cách sắp xếp không hợp lệ: %(value)s.")},
    )
    trang = forms.IntegerField(
        label=_("Trang"),
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": _("Số trang phải là số nguyên dương."),
            "min_value": _("Số trang phải từ 1 trở lên."),
            "max_value": _("Chỉ xem được tới trang %(limit_value)s; hãy thu hẹp tìm kiếm."),
        },
    )

    def __init__(self, data, page_parameter="trang"):
        if page_parameter != "trang" and page_parameter in data:
            data = data.copy()
            data["trang"] = data[page_parameter]
        super().__init__(data)

    def params(self, page_size):
        data = self.cleaned_data
        return DocumentSearchParams(
            q=data["q"],
            type=data["type"],
            issuer=data["issuer"],
            field=data["field"],
            year=str(data["year"] or ""),
            status=data["status"],
            sort=data["sort"],
            page=data["trang"] or 1,
            page_size=page_size,
        )

    def error_message(self):
        return " ".join(str(message) for errors in self.errors.values() for message in errors)
