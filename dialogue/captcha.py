"""A self-hosted captcha for the question form, on unless DIALOGUE_CAPTCHA=false.

A small sum or difference asked in Vietnamese words ("Bảy cộng hai bằng mấy?"), answered in
digits or in words ("9", "chín"). It reads the same to a screen reader as on screen, needs
no image, no sound, no JavaScript and no third party.

Why not django-simple-captcha (0.7.0, July 2026, Django >= 4.2 with no Django 5.2 classifier):
its challenge is an image whose alt text is just "captcha"; the only alternative is an audio
file spoken by the `flite` binary — English speech ("plus", letters spelled in English),
generated per request with temporary files, and absent altogether on a server without
flite — and its link text is English only. That fails the text-alternative rule of Circular
32/2017 (WCAG 2.x 1.1.1) for Vietnamese users. JavaScript proof-of-work widgets (ALTCHA)
would break the form without JavaScript.

What makes this one hold (each tested):
- the token carries no answer: only a keyed hash (HMAC with SECRET_KEY) of the answer with
  the challenge's nonce, signed with its issue time. Decoding the token (it is only signed,
  base64 that anyone can read) gives the nonce and a digest; with at most 21 possible answers
  a plain hash would be tried in 21 steps, the key makes that impossible;
- one attempt per challenge, right or wrong: its nonce is counted before the answer is
  compared, so a robot cannot try every answer against one challenge, nor replay a solved
  one; the counter row is keyed by the issue time, so it holds for the whole lifetime;
- a challenge expires after CHALLENGE_MAX_AGE, and one answered sooner than
  DIALOGUE_CAPTCHA_MIN_SECONDS after it was shown is refused (people read and type first);
- several question shapes (sums and differences), so a naive parser is not enough.
"""

import datetime
import secrets
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from . import throttling

SALT = "dialogue.captcha"
CHALLENGE_MAX_AGE = 30 * 60
NUMBERS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
# Answers up to 20 in words as people write them: "mười lăm", "mười bốn"/"mười tư", "hai mươi".
UNITS_AFTER_TEN = {**{word: value for value, word in enumerate(NUMBERS)}, "tư": 4, "lăm": 5}


def words_to_number(text):
    """ "9" -> 9, "chín" -> 9, "mười lăm" -> 15, "hai mươi" -> 20; None if not understood."""
    text = unicodedata.normalize("NFC", (text or "").strip().lower())
    if text.isdigit():
        return int(text)
    parts = text.replace("-", " ").split()
    if parts == ["hai", "mươi"]:
        return 20
    if len(parts) == 1 and parts[0] in NUMBERS:
        return NUMBERS.index(parts[0])
    if len(parts) == 2 and parts[0] == "mười" and UNITS_AFTER_TEN.get(parts[1], 0) not in (0, 10):
        return 10 + UNITS_AFTER_TEN[parts[1]]
    return None


def new_challenge():
    first, second = secrets.randbelow(10) + 1, secrets.randbelow(10)
    if secrets.randbelow(2):
        first, second = max(first, second), min(first, second)
        shape, answer = _("%(first)s trừ %(second)s bằng mấy?"), first - second
    else:
        shape, answer = _("%(first)s cộng %(second)s bằng mấy?"), first + second
    question = shape % {"first": NUMBERS[first].capitalize(), "second": NUMBERS[second]}
    nonce = secrets.token_hex(8)
    payload = {"h": answer_digest(nonce, answer), "n": nonce, "t": int(time.time())}
    return str(question), signing.dumps(payload, salt=SALT)


def answer_digest(nonce, answer):
    """Keyed hash of the expected answer with this challenge's nonce: what the token carries."""
    return salted_hmac(SALT, f"{nonce}:{answer}", algorithm="sha256").hexdigest()


class CaptchaMixin(forms.Form):
    """Adds the challenge to a form; the form must be given `captcha=True` to use it."""

    captcha_answer = forms.CharField(
        label=_("Câu hỏi kiểm tra"),
        required=False,
        max_length=20,
        help_text=_("Nhập kết quả bằng chữ số hoặc bằng chữ, ví dụ 9 hoặc chín."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
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
            if "captcha_answer" not in self.errors:
                problem = self._captcha_problem(cleaned.get("captcha_answer"))
                if problem:
                    self.add_error("captcha_answer", problem)
            # The form is shown again with a new challenge: the old answer must not stay.
            self.data[self.add_prefix("captcha_answer")] = ""
        return cleaned

    def _captcha_problem(self, answer):
        wrong = forms.ValidationError(
            _("Kết quả chưa đúng, xin trả lời câu hỏi kiểm tra mới."), code="captcha"
        )
        try:
            payload = signing.loads(self._submitted_token, salt=SALT, max_age=CHALLENGE_MAX_AGE)
        except signing.BadSignature:
            return wrong
        issued = datetime.datetime.fromtimestamp(payload["t"], tz=datetime.UTC)
        # Counted first, right or wrong; keyed by the issue time so that the row (one fixed
        # window from the issue) covers the challenge's whole lifetime.
        hits, _left = throttling.increment(f"captcha:{payload['n']}", 2 * CHALLENGE_MAX_AGE, issued)
        if hits != 1:
            return wrong
        if time.time() - payload["t"] < settings.DIALOGUE_CAPTCHA_MIN_SECONDS:
            return forms.ValidationError(
                _("Bạn gửi nhanh quá. Xin đọc lại câu hỏi kiểm tra mới rồi gửi lại."),
                code="captcha_too_fast",
            )
        given = words_to_number(answer)
        if given is None or not constant_time_compare(
            answer_digest(payload["n"], given), payload.get("h", "")
        ):
            return wrong
        return None
