"""`manage.py create_commune_units`: a real portal gets its communes' and wards' unit pages
from the divisions list without the demo; a second run, or a dry run, writes nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from dialogue.divisions import provinces, wards
from government.models import UnitPage

HUE = 46


def run(*args):
    out = io.StringIO()
    call_command("create_commune_units", *args, stdout=out)
    return out.getvalue()


def communes():
    return UnitPage.objects.filter(kind=UnitPage.Kind.COMMUNE)


def test_creates_every_commune_once_and_a_second_run_changes_nothing(client, organisation):
    an_cuu = "Ủy ban nhân dân phường An Cựu (mã 19815)"
    assert len(wards(HUE)) == 40

    report = run()

    assert communes().live().count() == 40
    assert f"{an_cuu}: đã tạo /co-cau-to-chuc/xa-19815/" in report
    assert report.splitlines()[-1] == "Thành phố Huế: 40 xã, phường; đã tạo 40, đã có 0."
    page = client.get("/co-cau-to-chuc/xa-19815/").content.decode()
    assert "<h1>Ủy ban nhân dân phường An Cựu</h1>" in page
    assert "Xã, phường" in page
    assert "Ủy ban nhân dân phường An Cựu" in client.get("/co-cau-to-chuc/").content.decode()
    revisions = Revision.objects.count()

    again = run()

    assert communes().count() == 40
    assert Revision.objects.count() == revisions
    assert f"{an_cuu}: đã có /co-cau-to-chuc/xa-19815/" in again
    assert again.splitlines()[-1] == "Thành phố Huế: 40 xã, phường; đã tạo 0, đã có 40."


def test_a_commune_page_an_editor_renamed_is_not_made_twice(organisation):
    run()
    page = communes().get(division_code=19815)
    page.title, page.slug = "UBND phường An Cựu", "an-cuu"
    page.save_revision().publish()

    report = run()

    assert communes().filter(division_code=19815).count() == 1
    assert "Ủy ban nhân dân phường An Cựu (mã 19815): đã có /co-cau-to-chuc/an-cuu/" in report


def test_dry_run_reports_and_writes_nothing(organisation):
    pages, revisions = UnitPage.objects.count(), Revision.objects.count()

    report = run("--dry-run")

    assert (UnitPage.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert "Ủy ban nhân dân phường An Cựu (mã 19815): sẽ tạo (chạy thử)" in report
    assert report.splitlines()[-1] == (
        "Thành phố Huế: 40 xã, phường; sẽ tạo 40, đã có 0. Chạy thử: chưa ghi gì."
    )


def test_another_province_by_its_code(organisation):
    others = [code for code, _name in provinces() if code != HUE]
    other = min(others, key=lambda code: len(wards(code)))  # the fewest pages to make

    run("--province", str(other))

    assert communes().count() == len(wards(other))
    assert set(communes().values_list("division_code", flat=True)) == {
        code for code, _name in wards(other)
    }


def test_refuses_an_unknown_province_or_a_site_without_the_organisation_page(home_page):
    with pytest.raises(CommandError, match="Chưa có trang “Cơ cấu tổ chức”"):
        run()
    with pytest.raises(CommandError, match="Không có tỉnh, thành phố mã 999"):
        run("--province", "999")
    assert not communes().exists()
