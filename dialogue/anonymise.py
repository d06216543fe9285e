"""What of the asker may be shown publicly, and masking of identity inside published texts.

Decree 92/2017 requires name, address, phone and e-mail; none of them is ever published.
The public copy shows at most the initials and the ward ("N.V.A., Phường Phú Xuân"; outside
the home province, the ward and its province).
"""

import re
import unicodedata

from django.conf import settings
from django.utils.translation import gettext as _

MASK = "[đã ẩn]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Vietnamese phone numbers written with or without separators: 0912 345 678, +84 912.345.678.
_PHONE = re.compile(r"(?<![\w.])(?:\+?84|0)(?:[ .\-]?\d){8,10}(?![\w])")
# Bare identity numbers: CCCD (12 digits), CMND (9), social insurance (10).
_ID_NUMBER = re.compile(r"(?<!\d)\d{9,12}(?!\d)")


def initials(full_name):
    """ "Nguyễn Văn An" -> "N.V.A." """
    letters = [word[0].upper() for word in full_name.split() if word[:1].isalpha()]
    return "".join(f"{letter}." for letter in letters)


def asker_label(question):
    place = question.ward_name or question.province_name
    if question.ward_name and question.province_code != settings.DIALOGUE_HOME_PROVINCE:
        # Ward names repeat across provinces; outside the home province say which one.
        place = f"{question.ward_name}, {question.province_name}"
    label = initials(question.full_name)
    if not label:
        return place or _("Người dân")
    return f"{label}, {place}" if place else label


def _digits_pattern(digits):
    return r"(?<!\d)" + r"[ .\-]?".join(re.escape(d) for d in digits) + r"(?!\d)"


def _own_identity_patterns(question):
    patterns = []
    for value in (question.full_name, question.email, question.street):
        value = unicodedata.normalize("NFC", (value or "").strip())
        if len(value) >= 5:
            patterns.append(re.escape(value))
    digits = re.sub(r"\D", "", question.phone or "")
    if len(digits) >= 8:
        patterns.append(_digits_pattern(digits))
        if digits.startswith("0"):
            patterns.append(r"\+?" + _digits_pattern("84" + digits[1:]))
    return patterns


def redact(text, question, generic=True):
    """Mask the asker's own identity in `text`; with `generic`, also any e-mail or number
    shaped like a phone or identity number (used on citizen-written text, not on answers,
    which legitimately cite hotlines)."""
    text = unicodedata.normalize("NFC", text or "")
    for pattern in _own_identity_patterns(question):
        text = re.sub(pattern, MASK, text, flags=re.IGNORECASE)
    if generic:
        text = _EMAIL.sub(MASK, text)
        text = _PHONE.sub(MASK, text)
        text = _ID_NUMBER.sub(MASK, text)
    return text
