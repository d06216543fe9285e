"""The XSS payload corpus and a check that a rendered page carries none of it live.

Usage in any test that sends citizen or editor text somewhere:

    from tests.xss import PAYLOADS, assert_inert

    @pytest.mark.parametrize("payload", PAYLOADS)
    def test_question_text_is_escaped(client, payload):
        ...submit payload...
        assert_inert(client.get(url).content.decode())

`assert_inert` parses the HTML as a browser would and fails if any element, attribute or
URL created by a payload (recognised by the marker XSS1337) could run script. Escaped text
(`&lt;script&gt;…`) is fine: it shows as text. The real-browser run of the corpus belongs to
the browser tests (issue 7); this is the fast check every section can run.
"""

from html.parser import HTMLParser
from pathlib import Path

MARKER = "XSS1337"
PAYLOADS = [
    line
    for line in (Path(__file__).with_name("xss_payloads.txt")).read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"}
RAW_TEXT_TAGS = {"script", "style"}  # their text is code, never shown
# <script type="application/ld+json"> and the like hold data a browser never runs (schema.org
# NewsArticle carries the headline); a payload breaking out of one still shows up as a
# new tag or as the raw payload in the page.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings = []
        self.raw_text = []

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if MARKER not in value:
                continue
            squashed = "".join(value.split()).lower()
            if name.startswith("on") or name == "style":
                self.findings.append(f"<{tag} {name}=…{MARKER}…>")
            elif name in URL_ATTRIBUTES and squashed.startswith(("javascript:", "data:")):
                self.findings.append(f"<{tag} {name}=javascript:…>")
            elif tag == "base" or (tag == "meta" and "http-equiv" in values):
                self.findings.append(f"<{tag} {name}=…{MARKER}…>")
        if tag == "script" and values.get("type", "").strip().lower() in DATA_SCRIPT_TYPES:
            self.raw_text.append("data")
        elif tag in RAW_TEXT_TAGS:
            self.raw_text.append(tag)

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script" and self.raw_text and self.raw_text[-1] == "data":
            self.raw_text.pop()
        elif tag in self.raw_text:
            self.raw_text.remove(tag)

    def handle_data(self, data):
        if self.raw_text and self.raw_text[-1] != "data" and MARKER in data:
            self.findings.append(f"<{self.raw_text[-1]}> containing {MARKER}")


def findings(html):
    """What in `html` a payload turned into live markup (empty when everything is escaped)."""
    found = [
        f"unescaped payload: {payload[:40]}"
        for payload in PAYLOADS
        if "<" in payload and payload in html
    ]
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return found + finder.findings


def assert_inert(html):
    found = findings(html)
    assert not found, f"payload rendered as live markup: {found}"
