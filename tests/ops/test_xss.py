"""The XSS corpus helper catches live markup, and editors' text is escaped on public pages."""

import pytest

from news.models import NewsIndexPage, NewsPage
from tests.conftest import add_page
from tests.xss import MARKER, PAYLOADS, assert_inert, findings


def test_the_corpus_is_loaded_and_every_payload_carries_the_marker():
    assert len(PAYLOADS) >= 25
    assert all(MARKER in payload for payload in PAYLOADS)


# Template-injection probes: harmless unless the server evaluates them, which the rendered
# text shows (their own tests assert the braces come back verbatim).
TEMPLATE_PROBES = {"${alert('XSS1337')}", "{{ 'XSS1337' }}{% debug %}"}


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if p not in TEMPLATE_PROBES])
def test_the_checker_flags_each_payload_left_unescaped(payload):
    """Dropped unescaped into text, a quoted attribute or a link, every payload goes live."""
    html = (
        f'<html><body><p>{payload}</p><p title="{payload}">x</p>'
        f"<p title='{payload}'>x</p><a href=\"{payload}\">x</a></body></html>"
    )

    assert findings(html), payload


def test_the_checker_accepts_escaped_payloads():
    from django.utils.html import escape

    html = "".join(
        f'<p title="{escape(p)}">{escape(p)}</p><meta name="description" content="{escape(p)}">'
        for p in PAYLOADS
    )

    assert findings(html) == []


def test_editor_text_in_titles_and_leads_is_escaped(client, home_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    index = add_page(home_page, NewsIndexPage, title="Tin tức", slug="tin-tuc")
    for number, payload in enumerate(PAYLOADS):
        add_page(
            index, NewsPage, title=payload, slug=f"bai-{number}", lead=payload, body="<p>x</p>"
        )

    urls = ["/", "/tin-tuc/", *[f"/tin-tuc/bai-{n}/" for n in range(len(PAYLOADS))]]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())
    assert "Đăng ký khai sinh &lt;b onmouseover" in client.get("/tin-tuc/").content.decode()
