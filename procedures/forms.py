"""Validating the search parameters of the page and the API, with Vietnamese messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.quoting import QuotedChoiceField
from portal.search.params import MAX_PAGE, MAX_QUERY_LENGTH, CleanCharField
from procedures.models.procedures import LEVELS, OnlineLevel
from procedures.queries import SORTS, SearchParams

__all__ = ["MAX_PAGE", "MAX_QUERY_LENGTH", "CleanCharField", "ProcedureSearchForm"]


class ProcedureSearchForm(forms.Form):
    q = CleanCharField(
        label=_("Tìm thủ tục"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Từ khóa tìm kiếm dài quá %(limit_value)d ký tự."),
        },
    )
    level = QuotedChoiceField(
        label=_("Cấp thực hiện"),
        required=False,
        choices=[("", _("Tất cả"))] + list(LEVELS.items()),
        error_messages={"invalid_choice": _("Cấp thực hiện không hợp lệ: %(value)s.")},
    )
    field = CleanCharField(label=_("Lĩnh vực"), required=False, max_length=255)
    agency = CleanCharField(label=_("Cơ quan thực hiện"), required=False, max_length=255)
    online = QuotedChoiceField(
        label=_("Mức độ trực tuyến"),
        required=False,
        choices=[("", _("Tất cả"))] + list(OnlineLevel.choices),
        error_messages={"invalid_choice": _("Mức độ trực tuyến không hợp lệ: %(value)s.")},
    )
    sort = QuotedChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[
            ("", _("Phù hợp nhất")),
            ("relevance", _("Phù hợp nhất")),
            ("name", _("Tên (A–Z)")),
            ("code", _("Mã thủ tục")),
        ],
        error_messages={"invalid_choice": _("Cách sắp xếp không hợp lệ: %(value)s.")},
    )
    page = forms.IntegerField(
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

    def params(self, page_size):
        data = self.cleaned_data
        return SearchParams(
            q=data["q"],
            level=data["level"],
            field=data["field"],
            agency=data["agency"],
            online=data["online"],
            sort=data["sort"] if data["sort"] in SORTS else "",
            page=data["page"] or 1,
            page_size=page_size,
        )

    def error_message(self):
        """All errors in one Vietnamese sentence, for a 400 answer."""
        return " ".join(str(message) for errors in self.errors.values() for message in errors)
