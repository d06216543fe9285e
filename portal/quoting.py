"""How an error message quotes back a value it refuses (issue 20: API errors don't echo raw
input). Every search form and API filter shares it, so a new one cannot forget.

An invalid value is shown at most QUOTED_VALUE_LENGTH characters long, with only letters,
digits, "-", "_", "." and spaces kept (anything else becomes "·"): the API's JSON errors and
the pages never echo markup, quotes or a megabyte of junk. Not HTML-escaped here, because a
page escapes what it shows and would escape it twice.
"""

import re

from django import forms

QUOTED_VALUE_LENGTH = 40
_NOT_PLAIN = re.compile(r"[^\w\-. ]")


def quoted(value):
    """`value` as an error message may show it: neutralised, truncated with an ellipsis."""
    text = _NOT_PLAIN.sub("·", str(value))
    return text[:QUOTED_VALUE_LENGTH] + "…" if len(text) > QUOTED_VALUE_LENGTH else text


class QuotesInvalidChoice:
    """A form field mixin: its "invalid_choice" message gets the value quoted()."""

    def clean(self, value):
        try:
            return super().clean(value)
        except forms.ValidationError as error:
            if getattr(error, "code", None) != "invalid_choice":
                raise
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": quoted(value)},
            ) from None


class QuotedChoiceField(QuotesInvalidChoice, forms.ChoiceField):
    pass
