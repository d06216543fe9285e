"""A visitor finds a legal document without typing diacritics and downloads its file."""

from tests.browser.conftest import BROWSER
from tests.browser.journeys import finish

pytestmark = BROWSER


def test_visitor_finds_a_document_without_diacritics_and_downloads_its_file(page, portal):
    page.goto(portal + "/van-ban/")
    page.get_by_label("Tìm văn bản theo số, ký hiệu, trích yếu hoặc nội dung").fill(
        "mot cua lien thong"
    )
    page.get_by_role("button", name="Tìm kiếm").click()
    results = page.locator("ol.document-results").inner_text()
    page.get_by_role("link", name="61/2018/NĐ-CP", exact=True).click()
    heading = page.inner_text("h1")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải về Nghị định 61/2018/NĐ-CP").click()
    download = download_info.value
    with open(download.path(), "rb") as handle:
        head = handle.read(5)

    assert "61/2018/NĐ-CP" in results
    assert "một cửa liên thông" in heading
    assert download.suggested_filename == "nghi-dinh-61-2018-nd-cp.pdf"
    assert head == b"%PDF-"
    finish(page, "journey-document-download")
