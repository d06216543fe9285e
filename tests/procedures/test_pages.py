"""The directory page: search with facets, a procedure's page, its print view, the Q&A hook."""

import json
import sys
import types

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from procedures.models import ProcedureDirectoryPage

pytestmark = pytest.mark.usefixtures("shared_catalogue", "db", "database_search")


def test_directory_page_lives_under_home():
    case = WagtailPageTestCase()
    case.assertAllowedParentPageTypes(ProcedureDirectoryPage, {HomePage})
    case.assertAllowedSubpageTypes(ProcedureDirectoryPage, set())


def test_search_page_shows_highlighted_results_and_facets(client, directory):
    response = client.get(directory.url, {"q": "dang ky khai sinh"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert 'data-autocomplete-url="/api/v1/procedures/autocomplete/"' in html
    assert "<mark>đăng</mark> <mark>ký</mark> <mark>khai</mark> <mark>sinh</mark>" in html
    assert "Lọc kết quả" in html and "Cấp xã" in html
    assert 'href="/thu-tuc-hanh-chinh/1.001193/"' in html


def test_facet_links_filter_and_show_counts(client, directory):
    html = client.get(directory.url, {"q": "khai sinh"}).content.decode()
    assert "?q=khai+sinh&amp;field=H%E1%BB%99+t%E1%BB%8Bch" in html
    filtered = client.get(directory.url, {"q": "khai sinh", "field": "Hộ tịch"})
    assert 'aria-current="true"' in filtered.content.decode()


def test_search_page_without_query_lists_all_with_pagination(client, directory):
    html = client.get(directory.url).content.decode()
    assert "84 thủ tục" in html
    assert '<span aria-current="page">1</span>' in html
    assert 'href="?trang=2" rel="next"' in html and 'href="?trang=5"' in html


def test_search_page_rejects_bad_parameters_with_400(client, directory):
    response = client.get(directory.url, {"trang": "x"})
    assert response.status_code == 400
    assert "Số trang phải là số nguyên dương." in response.content.decode()


def test_page_past_the_end_is_a_404_with_a_vietnamese_message(client, directory):
    response = client.get(directory.url, {"trang": "6"})
    assert response.status_code == 404
    assert "Không có trang 6; danh sách chỉ có 5 trang." in response.content.decode()


def test_old_page_parameter_still_lands_on_the_same_page(client, directory):
    response = client.get(directory.url, {"q": "khai sinh", "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == f"{directory.url}?q=khai+sinh&trang=2"


def test_search_escapes_the_query(client, directory):
    html = client.get(directory.url, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_procedure_page_has_every_section_and_json_ld(client, directory):
    response = client.get(f"{directory.url}1.001193/")
    html = response.content.decode()
    assert response.status_code == 200
    for heading in (
        "Thông tin chung",
        "Trình tự thực hiện",
        "Cách thức thực hiện",
        "Thành phần hồ sơ",
        "Yêu cầu, điều kiện thực hiện",
        "Kết quả thực hiện",
        "Căn cứ pháp lý",
    ):
        assert f">{heading}</h2>" in html
    assert "Thủ tục đăng ký khai sinh</h1>" in html
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    assert data["@type"] == "GovernmentService"
    assert data["identifier"] == "1.001193"
    assert data["url"] == "http://localhost/thu-tuc-hanh-chinh/1.001193/"
    assert data["availableChannel"]
    assert "Câu hỏi về thủ tục này" not in html  # the dialogue section is not there yet


def test_print_view(client, directory):
    response = client.get(f"{directory.url}1.001193/in/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "print-view" in html and "In trang này" in html
    assert 'rel="canonical" href="http://localhost/thu-tuc-hanh-chinh/1.001193/"' in html


def test_unknown_procedure_is_404(client, directory):
    assert client.get(f"{directory.url}9.999999/").status_code == 404


def test_questions_about_the_procedure_appear_escaped(client, directory, monkeypatch):
    from procedures import links

    monkeypatch.setattr(
        links,
        "questions_about_procedure",
        lambda code: [{"title": f"Hỏi về {code} <b>", "url": "/trao-doi-va-thao-go/123/"}],
    )

    html = client.get(f"{directory.url}1.001193/").content.decode()

    assert "Câu hỏi về thủ tục này" in html
    assert '<a href="/trao-doi-va-thao-go/123/">Hỏi về 1.001193 &lt;b&gt;</a>' in html


def test_a_failing_dialogue_hook_does_not_break_the_page(client, directory, monkeypatch):
    links = types.ModuleType("dialogue.links")

    def broken(code):
        raise RuntimeError("dialogue is down")

    links.questions_about_procedure = broken
    monkeypatch.setitem(sys.modules, "dialogue.links", links)
    assert client.get(f"{directory.url}1.001193/").status_code == 200


def test_procedure_links_follow_the_directory_page_when_it_moves(client, directory):
    assert (
        client.get("/api/v1/procedures/")
        .json()["results"][0]["url"]
        .startswith("http://testserver/thu-tuc-hanh-chinh/")
    )
    directory.slug = "thu-tuc"
    directory.save_revision().publish()
    assert (
        client.get("/api/v1/procedures/")
        .json()["results"][0]["url"]
        .startswith("http://testserver/thu-tuc/")
    )


def test_another_servers_move_reaches_this_process_within_a_second(
    client, directory, monkeypatch, settings
):
    # Each process keeps the directory's address a second: no cache read per search.
    settings.PAGE_CACHE_ENABLED = False  # the search itself answers each time
    from django.core.cache import cache

    from portal import section_url
    from procedures.links import directory_url

    now = [1000.0]
    monkeypatch.setattr(section_url, "monotonic", lambda: now[0])

    def first_link():
        return client.get("/api/v1/procedures/").json()["results"][0]["url"]

    before = first_link()
    cache.set(directory_url.key, {"testserver": "/thu-tuc/"})  # what another server saved
    within_the_second = first_link()
    now[0] += section_url.MEMO_SECONDS
    after = first_link()

    assert before.startswith("http://testserver/thu-tuc-hanh-chinh/")
    assert within_the_second == before
    assert after.startswith("http://testserver/thu-tuc/")
