"""The address chooser: all 34 provinces and their 3,321 communes (in force from 1 Jul 2025),
province then ward, with or without JavaScript, checked on the server."""

import io
import json
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from dialogue import divisions
from dialogue.models import Question

from .conftest import ASK
from .forms import question_form

HANOI, HCMC, HUE = "1", "79", "46"


def ward_options(html):
    start = html.index('name="ward"')
    return html[start : html.index("</select>", start)]


def test_every_province_has_its_wards():
    provinces = divisions.provinces()
    assert len(provinces) == 34
    assert sum(len(divisions.wards(code)) for code, _name in provinces) == 3321
    assert all(divisions.wards(code) for code, _name in provinces)
    assert (4, "Phường Ba Đình") in divisions.wards(1)
    assert (25747, "Phường Thủ Dầu Một") in divisions.wards(79)
    assert len(divisions.wards(46)) == 40
    assert divisions.ward_name(1, 19753) == ""  # Phú Xuân is in Huế, not Hà Nội


def test_a_citizen_of_any_province_can_send_a_question(post, sector, leader):
    response = post(question_form(sector, leader, province=HANOI, ward="4"))
    assert response.status_code == 200
    question = Question.objects.get()
    assert (question.province_name, question.ward_name) == ("Thành phố Hà Nội", "Phường Ba Đình")
    assert (question.province_code, question.ward_code) == (1, 4)


def test_a_ward_of_another_province_is_refused_with_the_right_list(post, sector, leader):
    response = post(question_form(sector, leader, province=HANOI, ward="19753"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Phường, xã đã chọn không thuộc tỉnh, thành phố đã chọn." in html
    options = ward_options(html)
    assert "Phường Ba Đình" in options and "Phường Phú Xuân" not in options
    assert Question.objects.count() == 0


@pytest.mark.parametrize("province", ["999", "abc", ""])
def test_an_unknown_province_is_a_400_not_a_500(post, sector, leader, province):
    response = post(question_form(sector, leader, province=province, ward="4"))
    assert response.status_code == 400
    assert Question.objects.count() == 0


def test_form_lists_the_home_provinces_wards_first(client, section):
    html = client.get(ASK).content.decode()
    options = ward_options(html)
    assert "Phường Phú Xuân" in options and "Phường Ba Đình" not in options
    assert html.count("<option", html.index('name="province"'), html.index('name="ward"')) == 35


def test_without_javascript_the_ward_list_follows_the_chosen_province(post, sector, leader):
    """The "Hiện phường, xã" button posts the form back: nothing is sent or counted, what was
    typed is kept, and the ward list is the chosen province's."""
    data = question_form(sector, leader, province=HCMC, ward="", full_name="Trần Văn Nam")
    data["show_wards"] = "1"
    response = post(data)
    assert response.status_code == 200
    html = response.content.decode()
    options = ward_options(html)
    assert "Phường Thủ Dầu Một" in options and "Phường Phú Xuân" not in options
    assert 'value="Trần Văn Nam"' in html
    assert 'value="79" selected' in html
    assert "Xin kiểm tra lại các mục sau" not in html
    assert Question.objects.count() == 0
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_show_wards_button_escapes_what_it_echoes(post, sector, leader):
    payload = '"><script>alert(1)</script>'
    data = question_form(sector, leader, province=HANOI, full_name=payload, title=payload)
    data["show_wards"] = "1"
    html = post(data).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_javascript_reads_the_same_list_from_a_static_file(client, section):
    html = client.get(ASK).content.decode()
    assert 'data-divisions-url="/static/dialogue/divisions.json"' in html
    assert "/static/js/dialogue-address.js" in html
    data = json.loads(Path(finders.find("dialogue/divisions.json")).read_text(encoding="utf-8"))
    assert [tuple(item) for item in data["provinces"]] == divisions.provinces()
    assert [tuple(item) for item in data["wards"]["79"]] == divisions.wards(79)
    assert finders.find("js/dialogue-address.js")


def test_build_divisions_writes_the_compact_sorted_fixture(tmp_path):
    from django.core.management import CommandError, call_command

    nested = [
        {
            "code": 46,
            "name": "Thành phố Huế",
            "wards": [
                {"code": 3, "name": "Xã Phú Vinh"},
                {"code": 2, "name": "Phường Vỹ Dạ"},
                {"code": 1, "name": "Phường An Cựu"},
            ],
        },
        {"code": 1, "name": "Thành phố Hà Nội", "wards": [{"code": 4, "name": "Phường Ba Đình"}]},
    ]
    source, output = tmp_path / "nested.json", tmp_path / "divisions.json"
    source.write_text(json.dumps(nested, ensure_ascii=False), encoding="utf-8")
    call_command("build_divisions", str(source), output=output, source="test", stdout=io.StringIO())
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["source"] == "test"
    assert data["provinces"] == [[1, "Thành phố Hà Nội"], [46, "Thành phố Huế"]]
    assert [name for _code, name in data["wards"]["46"]] == [
        "Phường An Cựu",
        "Phường Vỹ Dạ",
        "Xã Phú Vinh",
    ]
    source.write_text("[{}]", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("build_divisions", str(source), output=output)


def test_the_shipped_fixture_names_its_source():
    data = json.loads(divisions.FIXTURE.read_text(encoding="utf-8"))
    assert "sunshine-tech/VietnamProvinces" in data["source"]
    assert "danhmuchanhchinh.nso.gov.vn" in data["source"]
