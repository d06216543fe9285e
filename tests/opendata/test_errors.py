"""Every bad request under /api/v1/ answers JSON, {"error": "…"} in Vietnamese, with 400 or
404 and the CORS headers: a path no route matches (ops.errors.page_not_found, handler404)
as much as a value an endpoint refuses. The endpoints are read from /api/v1/openapi.json, so
a new one is probed the day it is described."""

import json
import re

import pytest
from django.test import Client

NOT_FOUND = (
    "Không có địa chỉ này trong dữ liệu mở. Các địa chỉ và tham số hợp lệ được mô tả tại "
    "/api/v1/openapi.json."
)
PAGE_NOT_POSITIVE = "Số trang phải là số nguyên dương."
ORIGIN = {"HTTP_ORIGIN": "https://dulieu.example.org"}
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def assert_json_error(response, status, message=None):
    assert response.status_code == status, response.content[:200]
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    error = response.json()["error"]
    if message is None:
        assert VIETNAMESE.search(error.lower()), error
    else:
        assert error == message


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/v1/news/abc/", 404, NOT_FOUND),
        ("/api/v1/news/1/anh/", 404, NOT_FOUND),
        ("/api/v1/news/ngày/", 404, NOT_FOUND),
        ("/api/v1/questions/abc/", 404, NOT_FOUND),
        ("/api/v1/khong-co/", 404, NOT_FOUND),
        ("/api/v1/", 404, NOT_FOUND),
        ("/api/v1/openapi.jsonx", 404, NOT_FOUND),
        ("/api/v1/visits/hom-nay/", 404, NOT_FOUND),
        ("/api/v1/documents/xyz/", 400, "Mã văn bản phải là một số nguyên dương."),
        ("/api/v1/documents/" + "1" * 50 + "/", 404, NOT_FOUND),
        ("/api/v1/procedures/a/b/", 404, NOT_FOUND),
        ("/api/v1/procedures/" + "a" * 50 + "/", 404, NOT_FOUND),
        # The procedure pages' <path>/<code>/ route matches before any API route could.
        ("/api/v1/news/1.000001/", 404, NOT_FOUND),
        ("/api/v1/procedures/?q=" + "a" * 300, 400, "Từ khóa tìm kiếm dài quá 200 ký tự."),
        (
            "/api/v1/procedures/autocomplete/?q=" + "a" * 300,
            400,
            "Từ khóa tìm kiếm dài quá 200 ký tự.",
        ),
        ("/api/v1/procedures/?page=0", 400, "Số trang phải từ 1 trở lên."),
        ("/api/v1/procedures/?page=abc", 400, PAGE_NOT_POSITIVE),
        (
            "/api/v1/procedures/?page=99999999999",
            400,
            "Chỉ xem được tới trang 500; hãy thu hẹp tìm kiếm.",
        ),
        ("/api/v1/documents/?page=0", 400, "Số trang phải từ 1 trở lên."),
        ("/api/v1/documents/?page=abc", 400, PAGE_NOT_POSITIVE),
        ("/api/v1/news/?page=0", 400, "page: " + PAGE_NOT_POSITIVE),
        ("/api/v1/news/?page=abc", 400, "page: " + PAGE_NOT_POSITIVE),
        ("/api/v1/news/?page=99999999999", 400, "page: " + PAGE_NOT_POSITIVE),
        ("/api/v1/questions/?page=0", 400, "page: " + PAGE_NOT_POSITIVE),
    ],
)
def test_bad_requests_get_a_vietnamese_json_error(client, home_page, url, status, message):
    assert_json_error(client.get(url, **ORIGIN), status, message)


@pytest.fixture
def document(client, db):
    return client.get("/api/v1/openapi.json").json()


def probes(document):
    """(documented path, url, statuses it may answer) for a wrong id, a wrong page and an
    unknown path under every endpoint the document describes."""
    for path, operations in document["paths"].items():
        operation = operations["get"]
        documented = {int(code) for code in operation["responses"]} & {400, 404}
        if "{" in path:
            for value in ("abc", "-1", "9" * 45, "abc/x"):
                yield path, re.sub(r"\{\w+\}", value, path), documented
        names = {parameter["name"] for parameter in operation.get("parameters", [])}
        if "page" in names:
            for value in ("0", "abc", "99999999999", "1.5"):
                yield path, f"{path}?page={value}", documented
        # Two segments: "/api/v1/documents/khong-co/" is a (refused) document id.
        yield path, re.sub(r"\{\w+\}", "1", path) + "khong-co/them/", {404}


def test_every_documented_endpoint_refuses_bad_input_in_json(client, home_page, document):
    checked = set()
    for path, url, statuses in probes(document):
        response = client.get(url, **ORIGIN)
        assert response.status_code in statuses, (url, response.status_code, statuses)
        assert_json_error(response, response.status_code)
        checked.add(path)
    assert checked == set(document["paths"])
    assert len(checked) >= 10


def test_a_missing_slash_leads_to_the_json_error(client, db):
    response = client.get("/api/v1/khong-co", follow=True, **ORIGIN)

    assert response.redirect_chain == [("/api/v1/khong-co/", 301)]
    assert_json_error(response, 404, NOT_FOUND)


def test_the_site_keeps_its_own_404_page(client, home_page):
    response = client.get("/khong-co/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "Không tìm thấy trang" in response.content.decode()


def test_an_unknown_host_gets_a_json_400(client, db):
    response = client.get("/api/v1/news/", HTTP_HOST="evil.example", **ORIGIN)
    assert_json_error(response, 400, "Yêu cầu không hợp lệ.")


def test_writing_to_an_unknown_path_is_refused_in_json(db):
    client = Client(enforce_csrf_checks=True)  # as a real client: no CSRF token
    response = client.post("/api/v1/khong-co/", {"title": "x"}, **ORIGIN)
    assert_json_error(response, 403, "Dữ liệu mở chỉ cho phép đọc (GET).")


def test_a_body_over_the_limit_gets_a_json_413(client, db, settings):
    settings.REQUEST_BODY_MAX_SIZE = 1024
    response = client.post(
        "/api/v1/news/", data=b"x" * 2048, content_type="application/json", **ORIGIN
    )
    assert_json_error(response, 413, "Dữ liệu gửi lên quá lớn.")


def test_a_crash_or_an_outage_under_the_api_is_json_too(rf):
    from django.db import OperationalError

    from ops import errors

    request = rf.get("/api/v1/news/")
    for error, status in ((RuntimeError("bug"), 500), (OperationalError("down"), 503)):
        try:
            raise error
        except type(error):
            response = errors.server_error(request)
        assert response.status_code == status
        assert response["Content-Type"] == "application/json"
        assert VIETNAMESE.search(json.loads(response.content)["error"].lower())
    assert response["Retry-After"] == "30"
