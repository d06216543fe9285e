"""GET /api/v1/procedures/: the documented shape, 400 with a Vietnamese message, never a 500."""

import pytest

pytestmark = pytest.mark.usefixtures("shared_catalogue", "db", "database_search")

LIST = "/api/v1/procedures/"


def test_list_shape(client, directory):
    response = client.get(LIST, {"q": "dang ky khai sinh", "level": "xa"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"count", "results", "facets", "backend", "page", "num_pages"}
    assert data["backend"] == "database"
    first = data["results"][0]
    assert set(first) >= {"code", "name", "levels", "field", "agency", "url", "highlight"}
    assert first["code"] == "1.001193"
    assert first["name"] == "Thủ tục đăng ký khai sinh"
    assert first["levels"] == [{"code": "xa", "name": "Cấp xã"}]
    assert first["url"] == "http://testserver/thu-tuc-hanh-chinh/1.001193/"
    assert "<mark>khai</mark>" in first["highlight"]["name"]
    assert set(data["facets"]) == {"level", "field", "agency", "online"}
    assert {"value", "label", "count"} <= set(data["facets"]["field"][0])


def test_no_query_lists_everything(client):
    data = client.get(LIST).json()
    assert data["count"] == 84
    assert len(data["results"]) == 20 and data["num_pages"] == 5


def test_detail_shape(client, directory):
    response = client.get(f"{LIST}1.001193/")
    assert response.status_code == 200
    data = response.json()
    assert data["name"] == "Thủ tục đăng ký khai sinh"
    assert data["steps"] and data["ways"] and data["dossier"] and data["legal_basis"]
    assert {"method", "processing_time", "fee"} <= set(data["ways"][0])
    assert data["url"] == "http://testserver/thu-tuc-hanh-chinh/1.001193/"


def test_unknown_code_is_404_in_vietnamese(client):
    response = client.get(f"{LIST}9.999999/")
    assert response.status_code == 404
    assert response.json()["error"] == "Không có thủ tục mã 9.999999."


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "abc"}, "Số trang phải là số nguyên dương."),
        ({"page": "0"}, "Số trang phải từ 1 trở lên."),
        ({"page": "100000"}, "Chỉ xem được tới trang 500"),
        ({"level": "quoc-te"}, "Cấp thực hiện không hợp lệ: quoc-te."),
        ({"online": "1"}, "Mức độ trực tuyến không hợp lệ"),
        ({"sort": "DROP"}, "Cách sắp xếp không hợp lệ"),
        ({"q": "x" * 201}, "Từ khóa tìm kiếm dài quá 200 ký tự."),
    ],
)
def test_bad_parameters_are_400_with_a_message(client, params, message):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert message in response.json()["error"]


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%00%01%02",
        "q=%FF%FE%FD",
        "q=%27%22%3B--%20OR%201%3D1",
        "q=*?~^()[]{}:/\\",
        "q=%E2%80%AE%F0%9F%98%80%E2%80%8B",
        "q=1.",
        "q=.",
        "q=AND+OR+NOT",
        "q=<script>alert(1)</script>",
        "q=a&q=b&level=xa&level=tinh",
        "field=%00&agency=%25%25%25",
        "page=1.5",
        "page=-1",
        "page=%00",
        "unknown=1&&&=&q",
    ],
)
def test_odd_query_strings_never_cause_a_500(client, query_string):
    response = client.get(f"{LIST}?{query_string}")
    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"
    if response.status_code == 200:
        assert "<script>" not in str(response.json()["results"])


def test_autocomplete_endpoint(client, directory):
    data = client.get(f"{LIST}autocomplete/", {"q": "dang ky khai s"}).json()
    assert data["results"][0]["name"] == "Thủ tục đăng ký khai sinh"
    assert data["results"][0]["url"].endswith("/thu-tuc-hanh-chinh/1.001193/")
    assert client.get(f"{LIST}autocomplete/", {"q": ""}).json()["results"] == []
    assert client.get(f"{LIST}autocomplete/", {"q": "x" * 300}).status_code == 400


def test_only_get(client):
    assert client.post(LIST).status_code == 405
