"""Forms of the admin handling page; each posts one workflow step."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dialogue.models import Agency, AnswerTemplate

from .public import MAX_PROCEDURE_CODES, PROCEDURE_CODE


class AssignForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Giao cho"),
        queryset=Agency.objects.all(),
        empty_label=_("— Chọn cơ quan, lãnh đạo —"),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Câu trả lời"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 12})
    )


class TemplatePickForm(forms.Form):
    """Works without JavaScript: a GET that reloads the page with the template's text."""

    mau = forms.ModelChoiceField(
        label=_("Mẫu trả lời"),
        queryset=AnswerTemplate.objects.all(),
        empty_label=_("— Chọn mẫu —"),
        required=False,
    )


class ApproveForm(forms.Form):
    title = forms.CharField(label=_("Tiêu đề công khai"), max_length=200)
    question_text = forms.CharField(
        label=_("Nội dung câu hỏi công khai"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Xóa mọi thông tin có thể nhận ra người hỏi. Họ tên, địa chỉ, điện thoại, thư "
            "điện tử của người hỏi và mọi số giống số điện thoại, số định danh được tự động ẩn."
        ),
    )
    answer_text = forms.CharField(
        label=_("Nội dung trả lời công khai"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do trả lại (ghi chú nội bộ)"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do từ chối (gửi tới người hỏi)"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Ghi chú nội bộ"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Chỉ cán bộ xử lý thấy; không gửi tới người hỏi."),
    )


class ProceduresForm(forms.Form):
    codes = forms.CharField(
        label=_("Mã thủ tục liên quan"),
        required=False,
        max_length=300,
        help_text=_("Cách nhau bởi dấu phẩy, ví dụ 1.000948.H38"),
    )

    def clean_codes(self):
        codes = [p.upper() for p in re.split(r"[,;\s]+", self.cleaned_data["codes"]) if p]
        if any(not PROCEDURE_CODE.match(code) for code in codes):
            raise ValidationError(_("Mã thủ tục không hợp lệ."))
        if len(codes) > MAX_PROCEDURE_CODES:
            raise ValidationError(
                _("Chỉ ghi tối đa %(count)s mã thủ tục.") % {"count": MAX_PROCEDURE_CODES}
            )
        return list(dict.fromkeys(codes))
