"""Contacts of units and leaders are found by the site search, with or without diacritics."""

from sitesearch.site_search import SiteSearch


def test_a_department_and_its_phone_are_found(client, department, vice_chair):
    html = client.get("/tim-kiem/?q=so+tu+phap&loai=co-quan").content.decode()
    assert "/co-cau-to-chuc/ubnd-tinh/so-tu-phap/" in html and "Sở Tư pháp" in html
    assert "Điện thoại: 0234 3822 550" in html
    assert "Thư điện tử: stp@example.gov.vn" in html


def test_a_leader_is_found_by_name_and_office(department, vice_chair):
    hits = SiteSearch("Trần Thị Hạnh", "co-quan").paginate("1").object_list
    assert [hit.title for hit in hits] == ["Trần Thị Hạnh"]
    assert hits[0].summary.startswith("Phó Chủ tịch Ủy ban nhân dân tỉnh")
    assert "0234 3822 521" in hits[0].summary
    folded = SiteSearch("pho chu tich", "co-quan").paginate("1").object_list
    assert "Trần Thị Hạnh" in [hit.title for hit in folded]


def test_all_types_search_shows_units_among_the_other_sources(client, department):
    html = client.get("/tim-kiem/?q=tu+phap").content.decode()
    assert "Cơ quan, lãnh đạo" in html
    assert "Sở Tư pháp" in html
