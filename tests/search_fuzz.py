"""Full-text syntax and punctuation sent to every search box and search API.

Shared by tests/test_search_fuzz.py, which runs it in-process on the test database
(PostgreSQL, with Elasticsearch when configured) and in a fresh SQLite portal (the embedded
default, where FTS5 reads quotes, `*`, `:`, `^` and upper-case AND/OR/NOT/NEAR as syntax).
Every probe must answer 200 (results or none), never a 4xx/5xx, and log no ERROR.
"""

import re
import string

# Each punctuation character alone and inside words, and the operators of the backends.
PROBES = [
    *string.punctuation,
    '"',
    '""',
    '"khai sinh',
    'khai"sinh',
    'khai sinh"',
    "đăng ký*",
    "*",
    "^khai",
    "title:khai",
    "khai AND",
    "OR",
    "NOT khai",
    "NEAR(khai sinh)",
    "khai + sinh - hộ",
    "(khai",
    "khai)",
    "[{<>}]",
    "'; DROP TABLE x; --",
    "%_%",
    "\\",
    "khai\\sinh",
    "~khai~",
    "a&b|c!",
    'đăng ký kết hôn "có yếu tố nước ngoài"',
    "“khai sinh”",
    "…",
    "#@$",
]

# (path, parameter name, extra parameters)
ENDPOINTS = [
    ("/tim-kiem/", "q", {}),
    ("/tim-kiem/", "q", {"loai": "hoi-dap"}),
    ("/tim-kiem/", "q", {"loai": "thu-tuc"}),
    ("/tim-kiem/", "q", {"loai": "tin-tuc"}),
    ("/trao-doi-va-thao-go/", "q", {}),
    ("/thu-tuc-hanh-chinh/", "q", {}),
    ("/api/v1/procedures/", "q", {}),
    ("/api/v1/procedures/autocomplete/", "q", {}),
    ("/van-ban/", "q", {}),
    ("/api/v1/documents/", "q", {}),
]


def failures(client):
    """Every (path, probe, status) that did not answer 200. Each search box is probed from an
    address of its own: the probes of all the APIs from one address would pass the open-data
    rate limit (API_RATE_LIMIT, 429) before the last one."""
    bad = []
    for number, (path, name, extra) in enumerate(ENDPOINTS, start=1):
        for probe in PROBES:
            response = client.get(path, {**extra, name: probe}, REMOTE_ADDR=f"10.0.2.{number}")
            if response.status_code != 200:
                bad.append((path, extra, probe, response.status_code))
    return bad


def archive_hits(client, query):
    """The answers the Q&A archive lists for `query` (their addresses, in order)."""
    html = client.get("/trao-doi-va-thao-go/", {"q": query}).content.decode()
    return re.findall(r'href="[^"]*/trao-doi-va-thao-go/(\d+)/"', html)


def quoted_query_finds_answers(client):
    """A phrase in quotes finds what the same words find: results, not an error page."""
    plain = archive_hits(client, "bảo hiểm xã hội")
    return bool(plain) and archive_hits(client, '"bảo hiểm xã hội"') == plain


def main():
    """Run in a configured portal (manage.py shell -c); prints failures, one per line."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    bad = failures(client)
    for failure in bad:
        print("FAIL", failure)  # noqa: T201 - read by the test that spawned this process
    print("probes", len(PROBES) * len(ENDPOINTS), "failures", len(bad))  # noqa: T201
    print("quoted query finds answers", quoted_query_finds_answers(client))  # noqa: T201
