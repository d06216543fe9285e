"""API errors never echo raw input (issue 20), on every /api/v1/ list and every query
parameter /api/v1/openapi.json documents: an invalid value is quoted neutralised and
truncated (portal.quoting), or left out. The parameters are read from the document, so a new
endpoint or filter is covered the day it is described."""

import pytest

ATTACK = '<script>alert("x")</script>' + "A" * 5000
RAW = ("<", ">", '"x"', "A" * 41)


@pytest.fixture
def probes(client, db):
    document = client.get("/api/v1/openapi.json").json()
    return [
        (path, parameter["name"])
        for path, operations in document["paths"].items()
        if "{" not in path  # a detail's id is a number or a short code: nothing to quote
        for parameter in operations["get"].get("parameters", [])
        if parameter["in"] == "query"
    ]


def test_no_api_error_echoes_raw_input(client, probes):
    assert len(probes) >= 20  # every list's filters, pages and search words
    echoed = []
    for path, name in probes:
        response = client.get(path, {name: ATTACK})
        assert response.status_code in (200, 400), (path, name, response.status_code)
        if response.status_code == 400:
            message = response.json()["error"]
            if any(raw in message for raw in RAW) or len(message) > 200:
                echoed.append((path, name, message[:120]))
    assert echoed == []


@pytest.mark.parametrize(
    ("path", "name", "message"),
    [
        ("/api/v1/documents/", "status", "Tình trạng hiệu lực không hợp lệ: "),
        ("/api/v1/news/", "lang", "lang: Ngôn ngữ “"),
        ("/api/v1/questions/", "sector", "sector: Không có lĩnh vực mã “"),
    ],
)
def test_a_refused_value_is_quoted_short_and_plain(client, db, path, name, message):
    response = client.get(path, {name: ATTACK})

    assert response.status_code == 400
    error = response.json()["error"]
    assert error.startswith(message + "·script·alert··x····script·AAAA")
    assert "…" in error and len(error) < 120


def test_a_plain_refused_value_is_still_named(client, db):
    response = client.get("/api/v1/news/", {"lang": "fr"})
    assert response.json()["error"] == "lang: Ngôn ngữ “fr” không có; dùng vi hoặc en."
