"""What visitors see: the search page, a document's page and print view, downloads, the feed,
the sitemap and the open-data API (bad parameters answer 400 in Vietnamese)."""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest

from documents.models import AttachmentFile, ConsultationIndexPage, DraftPage, RelationKind
from documents.models.documents import today
from tests.conftest import add_page
from tests.documents.conftest import make_document, pdf_bytes
from tests.xss import PAYLOADS, assert_inert

pytestmark = [pytest.mark.django_db]
D = datetime.date
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def documents(index_page, settings):
    settings.ELASTICSEARCH_URL = ""  # these pages' own behaviour; search parity elsewhere
    old = make_document(
        index_page,
        "61/2018/NĐ-CP",
        "Về thực hiện cơ chế một cửa, một cửa liên thông",
        issue_date=D(2018, 4, 23),
        effective_date=D(2018, 6, 21),
        summary="Tóm tắt về một cửa.",
        signer="Nguyễn Xuân Phúc",
        field_name="Hành chính",
        files=[("Toàn văn", pdf_bytes("Full text"))],
    )
    new = make_document(
        index_page,
        "107/2021/NĐ-CP",
        "Sửa đổi, bổ sung Nghị định 61",
        issue_date=D(2021, 12, 6),
        relations=[(RelationKind.AMENDS, old)],
    )
    return old, new


def test_the_search_page_lists_documents_with_facets(client, documents):
    response = client.get("/van-ban/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 văn bản" in html
    assert "61/2018/NĐ-CP" in html and "107/2021/NĐ-CP" in html
    assert "Loại văn bản" in html and "Nghị định" in html and "(2)" in html
    assert 'type="application/rss+xml"' in html


def test_search_without_diacritics_and_number_lookup(client, documents):
    html = client.get("/van-ban/", {"q": "mot cua lien thong"}).content.decode()
    assert "1 văn bản" in html and "61/2018/NĐ-CP" in html
    assert "<mark>một</mark> <mark>cửa</mark>, <mark>một</mark> <mark>cửa</mark>" in html
    assert "<mark>liên</mark> <mark>thông</mark>" in html and "23/04/2018" in html
    html = client.get("/van-ban/", {"q": "107/2021"}).content.decode()
    assert "107/2021/NĐ-CP" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"trang": "abc"}, "Số trang phải là số nguyên dương."),
        ({"trang": "0"}, "Số trang phải từ 1 trở lên."),
        ({"year": "hai nghìn"}, "Năm ban hành phải là một số"),
        ({"status": "valid"}, "Tình trạng hiệu lực không hợp lệ"),
        ({"sort": "random"}, "Cách sắp xếp không hợp lệ"),
        ({"q": "x" * 201}, "dài quá 200 ký tự"),
    ],
)
def test_bad_parameters_get_a_vietnamese_400(client, documents, params, message):
    page = client.get("/van-ban/", params)
    assert page.status_code == 400 and message in page.content.decode()
    api = client.get(
        "/api/v1/documents/", {"page" if k == "trang" else k: v for k, v in params.items()}
    )
    assert api.status_code == 400 and message in api.json()["error"]


def test_a_page_past_the_end_is_a_404(client, documents):
    assert client.get("/van-ban/", {"trang": "3"}).status_code == 404
    assert client.get("/api/v1/documents/", {"page": "3"}).status_code == 404


def test_the_document_page_shows_every_field_relations_and_structured_data(client, documents):
    old, new = documents
    html = client.get(old.url).content.decode()
    for text in (
        "61/2018/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Hành chính",
        "Nguyễn Xuân Phúc",
        "23/04/2018",
        "21/06/2018",
        "Còn hiệu lực",
        "Tóm tắt về một cửa.",
        "Được sửa đổi, bổ sung bởi",
        "107/2021/NĐ-CP",
        "Tải về",
    ):
        assert text in html, text
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "61/2018/NĐ-CP"
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    assert "Sửa đổi, bổ sung" in client.get(new.url).content.decode()
    printed = client.get(old.url, {"ban-in": "1"})
    assert printed.status_code == 200 and "noindex" in printed.content.decode()


def test_the_document_page_shows_the_expiry_date_the_source_and_the_full_text(
    client, index_page, settings
):
    settings.ELASTICSEARCH_URL = ""
    document = make_document(
        index_page,
        "8/2024/QĐ-UBND",
        "Quy định tạm thời về giá nước sạch",
        type_name="Quyết định",
        issuer="UBND tỉnh",
        issue_date=D(2024, 2, 1),
        expiry_date=D(2030, 12, 31),
        source="province",
        body="<p>Điều 1. Phạm vi điều chỉnh: giá nước sạch sinh hoạt.</p>",
    )
    html = client.get(document.url).content.decode()
    assert '<dd><time datetime="2030-12-31">31/12/2030</time></dd>' in html
    assert "<dt>Nguồn</dt><dd>Của tỉnh</dd>" in html
    assert "Toàn văn" in html and "Điều 1. Phạm vi điều chỉnh: giá nước sạch sinh hoạt." in html
    api = client.get(f"/api/v1/documents/{document.pk}/").json()
    assert api["expiry_date"] == "2030-12-31" and api["source"]["name"] == "Của tỉnh"


def test_guides_and_repeals_show_on_both_documents_with_their_reverse_labels(
    client, index_page, settings
):
    settings.ELASTICSEARCH_URL = ""
    law = make_document(
        index_page,
        "60/2014/QH13",
        "Luật Hộ tịch",
        type_name="Luật",
        issuer="Quốc hội",
        issue_date=D(2014, 11, 20),
    )
    old_rule = make_document(
        index_page,
        "3/2016/QĐ-UBND",
        "Quy định cũ về đăng ký hộ tịch",
        type_name="Quyết định",
        issuer="UBND tỉnh",
        issue_date=D(2015, 6, 1),
    )
    decree = make_document(
        index_page,
        "123/2015/NĐ-CP",
        "Quy định chi tiết một số điều của Luật Hộ tịch",
        issue_date=D(2015, 11, 15),
        effective_date=D(2016, 1, 1),
        relations=[(RelationKind.GUIDES, law), (RelationKind.REPEALS, old_rule)],
    )
    html = client.get(decree.url).content.decode()
    assert f'<li>Hướng dẫn: <a href="{law.url}">60/2014/QH13</a>' in html
    assert f'<li>Bãi bỏ: <a href="{old_rule.url}">3/2016/QĐ-UBND</a>' in html
    link = f'<a href="{decree.url}">123/2015/NĐ-CP</a>'
    assert f"<li>Được hướng dẫn bởi: {link}" in client.get(law.url).content.decode()
    repealed = client.get(old_rule.url).content.decode()
    assert f"<li>Bị bãi bỏ bởi: {link}" in repealed
    assert "Bị bãi bỏ</span>" in repealed  # its validity, from the relation


def test_a_download_counts_and_sends_the_file_as_an_attachment(client, documents):
    old, _new = documents
    attachment = old.attachments.get()
    url = f"/van-ban/tai-ve/{attachment.pk}/"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert AttachmentFile.objects.get(name=attachment.file.name).downloads == 2
    assert "2 lượt tải" in client.get(old.url).content.decode()
    assert client.get("/van-ban/tai-ve/999999/").status_code == 404


def test_an_unpublished_documents_file_is_not_served(client, documents):
    old, _new = documents
    attachment = old.attachments.get()
    old.unpublish()
    assert client.get(f"/van-ban/tai-ve/{attachment.pk}/").status_code == 404


def test_rss_lists_new_documents_newest_first(client, documents):
    xml = client.get("/van-ban/rss/").content.decode()
    assert xml.index("107/2021/NĐ-CP") < xml.index("61/2018/NĐ-CP")


def test_live_documents_and_drafts_for_comment_are_in_the_sitemap(
    client, home_page, index_page, documents
):
    old, new = documents
    withdrawn = make_document(index_page, "01/2020/QĐ-UBND", "Quyết định đã gỡ xuống")
    withdrawn.unpublish()
    consultation = add_page(home_page, ConsultationIndexPage, title="Lấy ý kiến", slug="lay-y-kien")
    draft_fields = {
        "opens_on": today() - datetime.timedelta(days=1),
        "closes_on": today() + datetime.timedelta(days=10),
        "drafting_agency": "Sở Tư pháp",
        "contact_name": "Phòng Văn bản",
        "contact_email": "vanban@example.gov.vn",
    }
    add_page(
        consultation, DraftPage, title="Dự thảo quy chế", slug="du-thao-quy-che", **draft_fields
    )
    add_page(
        consultation, DraftPage, title="Dự thảo rút lại", slug="du-thao-rut-lai", **draft_fields
    )
    DraftPage.objects.get(slug="du-thao-rut-lai").unpublish()

    response = client.get("/sitemap.xml")
    tree = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    found = {node.text for node in tree.findall("s:url/s:loc", SITEMAP_NS)}

    assert response.status_code == 200
    assert {
        "http://localhost/van-ban/",
        f"http://localhost/van-ban/{old.slug}/",
        f"http://localhost/van-ban/{new.slug}/",
        "http://localhost/lay-y-kien/",
        "http://localhost/lay-y-kien/du-thao-quy-che/",
    } <= found
    assert f"http://localhost/van-ban/{withdrawn.slug}/" not in found
    assert "http://localhost/lay-y-kien/du-thao-rut-lai/" not in found
    assert client.get(f"/van-ban/{withdrawn.slug}/").status_code == 404  # as the sitemap says


def test_api_lists_and_details(client, documents):
    old, _new = documents
    body = client.get("/api/v1/documents/", {"q": "61/2018", "type": "Nghị định"}).json()
    assert body["results"][0]["number"] == "61/2018/NĐ-CP"
    assert body["facets"]["type"][0] == {
        "value": "Nghị định",
        "label": "Nghị định",
        "count": body["count"],
        "selected": True,
    }
    detail = client.get(f"/api/v1/documents/{old.pk}/").json()
    assert detail["number"] == "61/2018/NĐ-CP"
    assert detail["status"]["code"] == "in-force"
    assert detail["attachments"][0]["url"].startswith("http")
    assert {"relation": "Được sửa đổi, bổ sung bởi", "number": "107/2021/NĐ-CP"}.items() <= detail[
        "relations"
    ][0].items()
    bad = client.get("/api/v1/documents/abc/")
    assert bad.status_code == 400 and "số nguyên dương" in bad.json()["error"]
    assert client.get("/api/v1/documents/999999/").status_code == 404


@pytest.mark.parametrize("payload", PAYLOADS[:8])
def test_editor_text_is_escaped(client, index_page, settings, payload):
    settings.ELASTICSEARCH_URL = ""
    document = make_document(index_page, "1/2024/QĐ-UBND", payload, summary=payload)
    assert_inert(client.get(document.url).content.decode())
    assert_inert(client.get("/van-ban/", {"q": "xss1337"}).content.decode())


def test_api_links_follow_the_index_page_when_it_moves_or_goes(client, documents, index_page):
    """The API remembers the "Văn bản" page's address (documents/links.py); publishing a
    new slug or unpublishing the page is seen by the very next request."""
    first = client.get("/api/v1/documents/").json()["results"][0]["url"]
    assert first.startswith("http://localhost/van-ban/")
    index_page.slug = "van-ban-moi"
    index_page.save_revision().publish()
    moved = client.get("/api/v1/documents/").json()["results"][0]["url"]
    assert moved.startswith("http://localhost/van-ban-moi/")
    index_page.unpublish()
    gone = client.get("/api/v1/documents/")
    assert gone.status_code == 404 and "Chưa có mục văn bản" in gone.json()["error"]
