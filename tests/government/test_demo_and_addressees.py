"""The demo organisation, and the dialogue form's addressees written from leaders and units."""

import io

import pytest
from django.core.management import call_command

from dialogue.models import Agency, PublishedQuestion
from government.addressees import sync_page
from government.models import LeaderPage, ScheduleWeek, UnitPage
from tests.government.conftest import make_leader


@pytest.fixture
def demo(db, settings):
    settings.PAGE_CACHE_ENABLED = False
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def test_demo_builds_the_province_and_a_second_run_changes_nothing(client, demo):
    assert (
        UnitPage.objects.filter(kind=UnitPage.Kind.COMMUNE, locale__language_code="vi").count()
        == 40
    )
    assert UnitPage.objects.filter(kind=UnitPage.Kind.DEPARTMENT).count() >= 12
    tree = client.get("/co-cau-to-chuc/").content.decode()
    assert "Sở Tư pháp" in tree and "Ủy ban nhân dân phường An Cựu" in tree
    assert ScheduleWeek.objects.filter(status=ScheduleWeek.Status.PUBLISHED).count() == 2
    english = client.get("/en/organisational-structure/")
    assert english.status_code == 200
    assert "Department of Justice" in english.content.decode()
    committee = client.get("/en/organisational-structure/provincial-peoples-committee/")
    assert "Vice-Chairwoman of the Hue City People&#x27;s Committee" in committee.content.decode()
    pages, agencies = LeaderPage.objects.count(), Agency.objects.count()

    out = io.StringIO()
    call_command("load_demo_data", stdout=out)

    assert "Demo data: 0 government page(s) created." in out.getvalue()
    assert (LeaderPage.objects.count(), Agency.objects.count()) == (pages, agencies)


def test_the_question_form_lists_leaders_and_units_from_the_organisation(client, demo):
    html = client.get("/trao-doi-va-thao-go/gui-cau-hoi/").content.decode()
    assert "Phó Chủ tịch Ủy ban nhân dân thành phố – Trần Thị Hạnh" in html
    assert "Chủ tịch Ủy ban nhân dân thành phố – Nguyễn Văn Thành" in html
    assert "Sở Tư pháp" in html
    # the old free-standing offices were taken over, not duplicated
    assert "Phó Chủ tịch UBND thành phố phụ trách văn xã" not in html
    chair = LeaderPage.objects.get(slug="nguyen-van-thanh", locale__language_code="vi")
    assert PublishedQuestion.objects.filter(addressee=chair.dialogue_agency).exists()


def test_existing_addressee_is_migrated_with_its_questions(committee):
    old = Agency.objects.create(name="Chủ tịch UBND tỉnh", kind=Agency.Kind.LEADER)
    leader = make_leader(
        committee,
        "Nguyễn Văn Thành",
        "Chủ tịch Ủy ban nhân dân tỉnh",
        slug="nguyen-van-thanh",
        accepts_questions=True,
        dialogue_agency=old,
        email="chutich@example.gov.vn",
    )

    old.refresh_from_db()
    assert old.name == "Chủ tịch Ủy ban nhân dân tỉnh – Nguyễn Văn Thành"
    assert old.email == "chutich@example.gov.vn"
    assert Agency.objects.count() == 1
    leader.refresh_from_db()
    assert leader.dialogue_agency_id == old.pk


def test_unpublishing_or_unticking_takes_the_addressee_off_the_form(client, committee):
    leader = make_leader(
        committee, "Lê Quang Minh", "Phó Chủ tịch", slug="le-quang-minh", accepts_questions=True
    )
    leader.refresh_from_db()
    agency = leader.dialogue_agency
    assert agency.accepts_questions

    leader.unpublish()

    agency.refresh_from_db()
    assert not agency.accepts_questions
    leader.refresh_from_db()
    leader.accepts_questions = False
    leader.save_revision().publish()
    agency.refresh_from_db()
    assert not agency.accepts_questions
    assert sync_page(leader) is None
