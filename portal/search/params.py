"""What every search form shares (procedures, documents): the limits of a query and a text
field that drops control characters."""

import re

from django import forms

MAX_QUERY_LENGTH = 200
MAX_PAGE = 500
# Control characters (NUL breaks PostgreSQL) are dropped from every text parameter.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class CleanCharField(forms.CharField):
    def to_python(self, value):
        return _CONTROL.sub("", super().to_python(value) or "").strip()
