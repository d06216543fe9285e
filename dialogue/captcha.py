"""An optional, self-hosted arithmetic captcha (settings.DIALOGUE_CAPTCHA).

Why not django-simple-captcha: its distorted images fail the text-alternative rule of
Circular 32/2017 and its audio needs the `flite` binary on every server. A question in words
("Bảy cộng hai bằng mấy?") reads the same to a screen reader as on screen. The expected
answer travels signed in a hidden field; each challenge can be used once (its nonce is
counted in the rate-limit table) and expires after CHALLENGE_MAX_AGE seconds.
"""

import secrets

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from . import throttling

SALT = "dialogue.captcha"
CHALLENGE_MAX_AGE = 30 * 60
NUMBERS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]


def new_challenge():
    first, second = secrets.randbelow(10) + 1, secrets.randbelow(10)
    question = _("%(first)s cộng %(second)s bằng mấy?") % {
        "first": NUMBERS[first].capitalize(),
        "second": NUMBERS[second],
    }
    token = signing.dumps({"a": first + second, "n": secrets.token_hex(8)}, salt=SALT)
    return str(question), token


class CaptchaMixin(forms.Form):
    """Adds the challenge to a form; the form must be given `captcha=True` to use it."""

    captcha_answer = forms.IntegerField(
        label=_("Câu hỏi kiểm tra"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("Nhập kết quả bằng chữ số."),
    )
    captcha_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, captcha=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.captcha_enabled = captcha
        if not captcha:
            del self.fields["captcha_answer"]
            del self.fields["captcha_token"]
            return
        self.captcha_question, token = new_challenge()
        self.fields["captcha_answer"].required = True
        self.fields["captcha_answer"].label = self.captcha_question
        # A fresh challenge on every rendering, including after an error.
        self.fields["captcha_token"].initial = token
        if self.is_bound:
            self.data = self.data.copy()
            self._submitted_token = self.data.get(self.add_prefix("captcha_token"), "")
            self.data[self.add_prefix("captcha_token")] = token

    def clean(self):
        cleaned = super().clean()
        if self.captcha_enabled:
            if "captcha_answer" not in self.errors and not self._captcha_passed(cleaned):
                self.add_error(
                    "captcha_answer",
                    forms.ValidationError(
                        _("Kết quả phép tính chưa đúng, xin trả lời câu hỏi mới."),
                        code="captcha",
                    ),
                )
            # The form is shown again with a new challenge: the old answer must not stay.
            self.data[self.add_prefix("captcha_answer")] = ""
        return cleaned

    def _captcha_passed(self, cleaned):
        try:
            payload = signing.loads(self._submitted_token, salt=SALT, max_age=CHALLENGE_MAX_AGE)
        except signing.BadSignature:
            return False
        if cleaned.get("captcha_answer") != payload.get("a"):
            return False
        hits, _left = throttling.increment(f"captcha:{payload['n']}", CHALLENGE_MAX_AGE)
        return hits == 1
