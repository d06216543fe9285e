"""Cơ cấu tổ chức: the tree page, one page per unit and leader, schema.org, English pages."""

import json
import re

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from government.models import LeaderPage, OrganisationIndexPage, UnitPage, WorkSchedulePage
from home.models import HomePage
from tests.conftest import add_page
from tests.government.conftest import make_leader
from tests.home.builders import english_home, translate


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_tree_page_lists_units_nested_with_their_phone(client, department, vice_chair):
    html = client.get("/co-cau-to-chuc/").content.decode()

    assert '<a href="/co-cau-to-chuc/ubnd-tinh/">Ủy ban nhân dân tỉnh</a>' in html
    # the department is nested inside the committee's item, with its phone
    committee_item = html[html.index("/co-cau-to-chuc/ubnd-tinh/") :]
    nested = committee_item[: committee_item.index("</li>\n</ul></li>") + 20]
    assert '<a href="/co-cau-to-chuc/ubnd-tinh/so-tu-phap/">Sở Tư pháp</a>' in nested
    assert "0234 3822 550" in nested
    # leaders are not units: they are on the unit's page, not in the tree
    assert "Trần Thị Hạnh" not in html


def test_unit_page_shows_functions_contacts_and_leaders(client, department, vice_chair):
    html = client.get("/co-cau-to-chuc/ubnd-tinh/so-tu-phap/").content.decode()
    assert "Hộ tịch, chứng thực, trợ giúp pháp lý." in html
    assert "<dt>Địa chỉ</dt><dd>30 Tôn Đức Thắng, Huế</dd>" in html
    assert '<a href="tel:02343822550">0234 3822 550</a>' in html
    assert '<a href="mailto:stp@example.gov.vn">stp@example.gov.vn</a>' in html

    committee = client.get("/co-cau-to-chuc/ubnd-tinh/").content.decode()
    assert '<a href="/co-cau-to-chuc/ubnd-tinh/tran-thi-hanh/">Trần Thị Hạnh</a>' in committee
    assert "Phó Chủ tịch Ủy ban nhân dân tỉnh" in committee
    assert "Sở Tư pháp" in committee  # its units


def test_leader_page_shows_portfolio_biography_contacts_and_this_weeks_schedule(
    client, home_page, committee
):
    add_page(home_page, WorkSchedulePage, title="Lịch công tác", slug="lich-cong-tac")
    make_leader(
        committee,
        "Lê Quang Minh",
        "Phó Chủ tịch Ủy ban nhân dân tỉnh",
        slug="le-quang-minh",
        portfolio="Kinh tế – tài chính",
        biography="<p>Sinh năm 1972, thạc sĩ kinh tế.</p>",
        phone="0234 3822 522",
        email="pct2@example.gov.vn",
    )

    html = client.get("/co-cau-to-chuc/ubnd-tinh/le-quang-minh/").content.decode()

    assert "Phó Chủ tịch Ủy ban nhân dân tỉnh" in html
    assert "Kinh tế – tài chính" in html
    assert "Sinh năm 1972, thạc sĩ kinh tế." in html
    assert '<a href="tel:02343822522">0234 3822 522</a>' in html
    assert '<a href="mailto:pct2@example.gov.vn">pct2@example.gov.vn</a>' in html
    assert 'href="/lich-cong-tac/lanh-dao/le-quang-minh/">Lịch công tác tuần này</a>' in html


def test_unit_page_shows_fax_and_website(client, committee):
    committee.fax = "0234 3822 999"
    committee.website = "https://ubnd.example.gov.vn/"
    committee.save_revision().publish()

    html = client.get("/co-cau-to-chuc/ubnd-tinh/").content.decode()

    assert "0234 3822 999" in html
    assert '<a href="https://ubnd.example.gov.vn/" rel="noopener">' in html


def test_sitemap_lists_every_live_unit_and_leader(client, home_page, committee, department):
    make_leader(committee, "Trần Thị Hạnh", "Phó Chủ tịch", slug="tran-thi-hanh")
    draft = make_leader(department, "Lê Văn B", "Phó Giám đốc", slug="le-van-b")
    draft.unpublish()

    xml = client.get("/sitemap.xml").content.decode()
    found = re.findall(r"<loc>http://localhost(/co-cau-to-chuc/[^<]*)</loc>", xml)

    assert sorted(found) == [
        "/co-cau-to-chuc/",
        "/co-cau-to-chuc/ubnd-tinh/",
        "/co-cau-to-chuc/ubnd-tinh/so-tu-phap/",
        "/co-cau-to-chuc/ubnd-tinh/tran-thi-hanh/",
    ]


def test_unit_and_leader_pages_carry_schema_org(client, committee, department, vice_chair):
    unit = json_ld(client.get("/co-cau-to-chuc/ubnd-tinh/").content.decode())
    organisation = next(item for item in unit if item.get("@type") == "GovernmentOrganization")
    assert organisation["name"] == "Ủy ban nhân dân tỉnh"
    assert organisation["telephone"] == "0234 3822 527"
    assert organisation["address"]["streetAddress"] == "16 Lê Lợi, Huế"
    assert organisation["employee"][0]["@type"] == "Person"
    assert organisation["employee"][0]["name"] == "Trần Thị Hạnh"

    department_data = json_ld(client.get("/co-cau-to-chuc/ubnd-tinh/so-tu-phap/").content.decode())
    department_org = next(i for i in department_data if i.get("@type") == "GovernmentOrganization")
    assert department_org["parentOrganization"]["name"] == "Ủy ban nhân dân tỉnh"

    leader = json_ld(client.get("/co-cau-to-chuc/ubnd-tinh/tran-thi-hanh/").content.decode())
    person = next(item for item in leader if item.get("@type") == "Person")
    assert person["jobTitle"] == "Phó Chủ tịch Ủy ban nhân dân tỉnh"
    assert person["worksFor"]["name"] == "Ủy ban nhân dân tỉnh"
    assert person["email"] == "pct@example.gov.vn"


def test_leader_photo_needs_alt_text(committee):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Ảnh", file=get_test_image_file(), description="Ảnh")
    leader = LeaderPage(title="Lê Văn A", slug="le-van-a", position="Phó Giám đốc", photo=image)
    try:
        leader.full_clean()
    except ValidationError as error:
        assert "photo_alt" in error.message_dict
    else:
        raise AssertionError("a photo without alt text was accepted")


def test_leader_photo_is_shown_with_its_alt_text(client, committee):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Ảnh", file=get_test_image_file(), description="Ảnh")
    make_leader(
        committee,
        "Lê Văn A",
        "Phó Chủ tịch",
        slug="le-van-a",
        photo=image,
        photo_alt="Ông Lê Văn A, ảnh chân dung",
    )
    html = client.get("/co-cau-to-chuc/ubnd-tinh/le-van-a/").content.decode()
    assert 'alt="Ông Lê Văn A, ảnh chân dung"' in html


def test_english_unit_pages(client, home_page, organisation, committee, department):
    english = english_home(home_page)
    english_index = translate(organisation, english, title="Organisation", slug="organisation")
    english_committee = translate(
        committee,
        english_index,
        title="Provincial People's Committee",
        slug="peoples-committee",
        kind=UnitPage.Kind.COMMITTEE,
        phone=committee.phone,
    )
    translate(
        department,
        english_committee,
        title="Department of Justice",
        slug="department-of-justice",
        kind=UnitPage.Kind.DEPARTMENT,
        phone=department.phone,
        functions="<p>Civil status, certification, legal aid.</p>",
    )

    tree = client.get("/en/organisation/")
    assert tree.status_code == 200
    html = tree.content.decode()
    assert '<html lang="en">' in html
    assert "Department of Justice" in html
    assert "Sở Tư pháp" not in html
    page = client.get("/en/organisation/peoples-committee/department-of-justice/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Civil status, certification, legal aid." in html
    assert "Telephone" in html or "Phone" in html
    assert 'hreflang="vi" href="http://localhost/co-cau-to-chuc/ubnd-tinh/so-tu-phap/"' in html


class TestPageTree(WagtailPageTestCase):
    def test_where_pages_may_go(self):
        self.assertAllowedParentPageTypes(OrganisationIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(UnitPage, {OrganisationIndexPage, UnitPage})
        self.assertAllowedParentPageTypes(LeaderPage, {UnitPage})
        self.assertAllowedSubpageTypes(LeaderPage, set())


def test_english_locale_exists_for_translation(db):
    assert Locale.objects.filter(language_code="vi").exists()


def test_units_are_pages_with_urls(department):
    assert department.get_url() == "/co-cau-to-chuc/ubnd-tinh/so-tu-phap/"
    assert add_page  # builders are shared with the other government tests
