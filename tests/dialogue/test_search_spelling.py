"""Every search box folds like the procedure directory: kí/ký alike, synonyms expanded.

Issue #15: "đăng kí khai sinh" found no news, page or answer while "đăng ký khai sinh" did.
The site search, its Q&A type and the Q&A archive's own search now go through
`sitesearch.site_search.folded_query` (the directory's plan: synonyms, filler, i/y spellings).
"""

import pytest

from tests.sitesearch.test_site_search import content  # noqa: F401 (a fixture)

from .conftest import SECTION
from .test_archive import archive  # noqa: F401 (a fixture)
from .test_site_search import answered  # noqa: F401 (a fixture)

SEARCH = "/tim-kiem/"


def titles(response):
    return [hit.title for hit in response.context["results"].object_list]


@pytest.mark.parametrize("query", ["đăng kí khai sinh", "dang ki khai sinh", "DANG KY KHAI SINH"])
def test_site_search_finds_pages_however_ki_is_spelled(client, content, query):  # noqa: F811
    response = client.get(SEARCH, {"q": query})
    assert titles(response) == ["Hướng dẫn đăng ký khai sinh trực tuyến"]


def test_site_search_understands_synonyms_and_filler(client, content):  # noqa: F811
    response = client.get(SEARCH, {"q": "thủ tục làm giấy khai sinh như thế nào"})
    assert titles(response) == ["Hướng dẫn đăng ký khai sinh trực tuyến"]
    assert titles(client.get(SEARCH, {"q": "UBND tỉnh"})) == ["Cơ cấu tổ chức"]


@pytest.mark.parametrize("query", ["đăng kí khai sinh", "dang ki khai sinh"])
def test_qa_in_the_site_search_finds_answers_however_ki_is_spelled(client, answered, query):  # noqa: F811
    response = client.get(SEARCH, {"q": query, "loai": "hoi-dap"})
    assert titles(response) == ["Đăng ký khai sinh cho con khi cha mẹ đi làm xa"]


@pytest.mark.parametrize("query", ["đăng kí khai sinh", "Đăng Kí", "giấy khai sinh cho con"])
def test_qa_archive_search_finds_answers_however_ki_is_spelled(client, section, archive, query):  # noqa: F811
    html = client.get(SECTION, {"q": query}).content.decode()
    assert "Đăng ký khai sinh cho con" in html, query
    assert "Cấp giấy chứng nhận" not in html, query


def test_qa_archive_search_expands_abbreviations(client, section, archive):  # noqa: F811
    html = client.get(SECTION, {"q": "GCN QSDĐ"}).content.decode()
    assert "Cấp giấy chứng nhận quyền sử dụng đất" in html
    assert "Đăng ký khai sinh cho con" not in html
