"""schema.org data printed in a page's <script type="application/ld+json">: one way for every
page type (articles, procedures, documents, published answers, units and leaders, the
organisation in the footer).

The JSON is escaped as Django's `json_script` does it, so no text in the data (a citizen's
question, an article title) can close the <script> element or open another one.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_text(data):
    """`data` as JSON safe inside <script type="application/ld+json"> (dates as ISO 8601)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return mark_safe(text)  # noqa: S308 - every character that could end the element is escaped


def json_ld_script(data):
    """The whole <script type="application/ld+json"> element."""
    return format_html('<script type="application/ld+json">{}</script>', json_ld_text(data))
