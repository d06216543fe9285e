"""schema.org data printed in a page's <script type="application/ld+json"> (procedures,
documents)."""

import json


def json_ld_text(data):
    """JSON safe inside <script type="application/ld+json"> (no "</script>" break-out)."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
