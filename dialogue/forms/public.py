"""Forms citizens fill in: the question (with Decree 92/2017 identity) and the status lookup."""

import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from dialogue import divisions
from dialogue.attachments import validate_attachment
from dialogue.captcha import CaptchaMixin
from dialogue.models import Agency, Sector
from dialogue.models.questions import normalise_tracking_code

PROCEDURE_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_]{2,39}$")
MAX_PROCEDURE_CODES = 5


def normalise_phone(text):
    """ "+84 912.345.678" -> "0912345678"; "" when it is not a Vietnamese number."""
    digits = re.sub(r"[\s.\-()]", "", text or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits if re.fullmatch(r"0\d{9,10}", digits) else ""


def _nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


class QuestionForm(CaptchaMixin, forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    province = forms.TypedChoiceField(label=_("Tỉnh, thành phố"), coerce=int)
    ward = forms.TypedChoiceField(
        label=_("Phường, xã"),
        coerce=int,
        help_text=_("Danh sách phường, xã theo tỉnh, thành phố đã chọn (từ ngày 01/07/2025)."),
        error_messages={
            "required": _("Xin chọn phường, xã."),
            "invalid_choice": _(
                "Phường, xã đã chọn không thuộc tỉnh, thành phố đã chọn. Xin chọn lại."
            ),
        },
    )
    street = forms.CharField(
        label=_("Số nhà, đường, thôn, tổ dân phố"), max_length=255, min_length=2
    )
    phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    sector = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Sector.objects.all(), empty_label=_("— Chọn lĩnh vực —")
    )
    addressee = forms.ModelChoiceField(
        label=_("Gửi tới"),
        queryset=Agency.objects.filter(accepts_questions=True),
        empty_label=_("— Chọn lãnh đạo hoặc cơ quan —"),
    )
    title = forms.CharField(label=_("Tiêu đề"), max_length=200, min_length=5)
    content = forms.CharField(
        label=_("Nội dung câu hỏi"),
        max_length=10_000,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    procedure_codes = forms.CharField(
        label=_("Mã thủ tục hành chính liên quan (nếu có)"),
        required=False,
        max_length=200,
        help_text=_("Ví dụ: 1.000948.H38. Nhiều mã cách nhau bởi dấu phẩy."),
    )
    attachment = forms.FileField(
        label=_("Tệp đính kèm (không bắt buộc)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để cơ quan nhà nước dùng họ tên, địa chỉ, số điện thoại và thư điện tử "
            "của tôi để xử lý và trả lời câu hỏi này."
        ),
        error_messages={"required": _("Cần đồng ý với điều khoản để gửi câu hỏi.")},
    )
    # Honeypot: hidden from people by CSS, filled in by naive bots.
    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        province = self.fields["province"]
        province.choices = [("", _("— Chọn tỉnh, thành phố —")), *divisions.provinces()]
        province.initial = divisions.home_province()
        # The script reads the same list to refill the wards when the province changes.
        province.widget.attrs["data-divisions-url"] = static(divisions.STATIC_PATH)
        # Offered and accepted: the wards of the province chosen (posted or shown again).
        self.fields["ward"].choices = [
            ("", _("— Chọn phường, xã —")),
            *divisions.wards(self.chosen_province()),
        ]
        self.fields["attachment"].help_text = _("PDF, JPEG hoặc PNG, tối đa %(limit)s.") % {
            "limit": filesizeformat(settings.DIALOGUE_ATTACHMENT_MAX_BYTES)
        }
        self.attachment_type = ""
        self.is_spam = False

    def chosen_province(self):
        """The province whose wards the form offers: the one posted, else the one shown
        again after "Hiện phường, xã", else the home province."""
        raw = self.data.get("province") if self.is_bound else self.initial.get("province")
        try:
            code = int(raw)
        except (TypeError, ValueError):
            return divisions.home_province()
        return code if divisions.province_name(code) else divisions.home_province()

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            cleaned[name] = _nfc(value)
        return cleaned

    def clean_website(self):
        if self.cleaned_data.get("website"):
            self.is_spam = True
            raise ValidationError(_("Không thể tiếp nhận câu hỏi."), code="spam")
        return ""

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if not phone:
            raise ValidationError(
                _("Số điện thoại không hợp lệ (10 hoặc 11 chữ số, ví dụ 0912 345 678)."),
                code="phone",
            )
        return phone

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_procedure_codes(self):
        raw = self.cleaned_data.get("procedure_codes", "")
        codes = [part.upper() for part in re.split(r"[,;\s]+", raw) if part]
        bad = [code for code in codes if not PROCEDURE_CODE.match(code)]
        if bad:
            raise ValidationError(_("Mã thủ tục không hợp lệ."), code="procedure_code")
        if len(codes) > MAX_PROCEDURE_CODES:
            raise ValidationError(
                _("Chỉ ghi tối đa %(count)s mã thủ tục.") % {"count": MAX_PROCEDURE_CODES}
            )
        return list(dict.fromkeys(codes))

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        _kind, self.attachment_type = validate_attachment(upload)
        return upload

    @property
    def attachment_too_large(self):
        return self.has_error("attachment", code="too_large")


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Mã theo dõi"),
        max_length=30,
        help_text=_("Mã được cấp khi gửi câu hỏi, ví dụ HD-7K3M-9Q2X."),
    )
    contact = forms.CharField(
        label=_("Thư điện tử hoặc số điện thoại đã dùng khi gửi"), max_length=254
    )

    def clean_code(self):
        code = normalise_tracking_code(self.cleaned_data["code"])
        if not code:
            raise ValidationError(_("Mã theo dõi không đúng định dạng."), code="code")
        return code

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        if "@" in contact:
            return ("email", contact.lower())
        phone = normalise_phone(contact)
        if not phone:
            raise ValidationError(
                _("Xin nhập thư điện tử hoặc số điện thoại đã dùng khi gửi câu hỏi."),
                code="contact",
            )
        return ("phone", phone)
