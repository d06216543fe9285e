"""Forms of the admin handling page; each posts one workflow step."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dialogue import masking
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


class FlagConfirmField(forms.MultipleChoiceField):
    """The reviewer's confirmations. Keys of flags no longer in the edited texts are
    harmless (the workflow checks the flags of what it publishes), so any key is accepted."""

    widget = forms.CheckboxSelectMultiple

    def valid_value(self, value):
        return True


class ApproveForm(forms.Form):
    """What will be published, already masked; flags are listed with a checkbox each."""

    title = forms.CharField(label=_("Tiêu đề công khai"), max_length=200)
    question_text = forms.CharField(
        label=_("Nội dung câu hỏi công khai"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Xóa mọi thông tin có thể nhận ra người hỏi. Họ tên, địa chỉ, điện thoại, thư "
            "điện tử của người hỏi, số giấy tờ, tài khoản, biển số xe, ngày sinh và địa chỉ "
            "nhà được tự động ẩn khi công khai."
        ),
    )
    answer_text = forms.CharField(
        label=_("Nội dung trả lời công khai"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    confirmed = FlagConfirmField(
        label=_("Tên người khác trong nội dung: xác nhận đã xem từng chỗ"),
        required=False,
        help_text=_(
            "Tên đứng sau ông, bà, anh, chị… không tự động ẩn. Nếu là người dân khác, xin "
            "xóa hoặc viết tắt trong nội dung; nếu được phép công khai (ví dụ tên cán bộ), "
            "đánh dấu xác nhận. Chưa xác nhận đủ thì không công khai được."
        ),
    )

    def __init__(self, *args, asker=None, **kwargs):
        super().__init__(*args, **kwargs)
        texts = [self._value(name) for name in ("title", "question_text", "answer_text")]
        seen = {}
        for text in texts:
            for finding in masking.flags(text, asker):
                seen.setdefault(finding.key, f"“{finding.text}” — {finding.reason}")
        self.fields["confirmed"].choices = list(seen.items())
        if not seen:
            self.fields["confirmed"].widget = forms.MultipleHiddenInput()

    def _value(self, name):
        if self.is_bound:
            return self.data.get(self.add_prefix(name), "")
        return self.initial.get(name, "")


class RepublishForm(ApproveForm):
    """The published copy, masked again with today's detectors, to replace it in one step."""


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
