"""Builders for the government section's tests (no demo fixture needed)."""

import datetime

import pytest

from government.models import LeaderPage, OrganisationIndexPage, UnitPage, WorkSchedulePage
from tests.conftest import add_page


@pytest.fixture
def organisation(home_page):
    return add_page(home_page, OrganisationIndexPage, title="Cơ cấu tổ chức", slug="co-cau-to-chuc")


@pytest.fixture
def committee(organisation):
    return add_page(
        organisation,
        UnitPage,
        title="Ủy ban nhân dân tỉnh",
        slug="ubnd-tinh",
        kind=UnitPage.Kind.COMMITTEE,
        phone="0234 3822 527",
        email="ubnd@example.gov.vn",
        address="16 Lê Lợi, Huế",
    )


@pytest.fixture
def department(committee):
    return add_page(
        committee,
        UnitPage,
        title="Sở Tư pháp",
        slug="so-tu-phap",
        kind=UnitPage.Kind.DEPARTMENT,
        phone="0234 3822 550",
        email="stp@example.gov.vn",
        address="30 Tôn Đức Thắng, Huế",
        functions="<p>Hộ tịch, chứng thực, trợ giúp pháp lý.</p>",
    )


def make_leader(unit, title, position, **fields):
    fields.setdefault("slug", title.lower().replace(" ", "-"))
    return add_page(unit, LeaderPage, title=title, position=position, **fields)


@pytest.fixture
def vice_chair(committee):
    return make_leader(
        committee,
        "Trần Thị Hạnh",
        "Phó Chủ tịch Ủy ban nhân dân tỉnh",
        slug="tran-thi-hanh",
        phone="0234 3822 521",
        email="pct@example.gov.vn",
        portfolio="Văn hóa – xã hội",
    )


@pytest.fixture
def schedule_page(home_page):
    return add_page(home_page, WorkSchedulePage, title="Lịch công tác", slug="lich-cong-tac")


def monday(year, month, day):
    value = datetime.date(year, month, day)
    assert value.weekday() == 0
    return value
