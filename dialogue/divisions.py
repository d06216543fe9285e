"""Administrative units for the address chooser, from the fixture in dialogue/data/divisions.json.

Every province is listed; wards are listed for the home province (DIALOGUE_HOME_PROVINCE,
Huế = 46), where most askers live. Read lazily on first use, never at import.
"""

import functools
import json
from pathlib import Path

from django.conf import settings

FIXTURE = Path(__file__).resolve().parent / "data" / "divisions.json"


@functools.cache
def _data():
    with FIXTURE.open(encoding="utf-8") as handle:
        return json.load(handle)


def home_province():
    return settings.DIALOGUE_HOME_PROVINCE


def provinces():
    return [(item["code"], item["name"]) for item in _data()["provinces"]]


def wards(province_code):
    return [(item["code"], item["name"]) for item in _data()["wards"].get(str(province_code), [])]


def province_name(code):
    return dict(provinces()).get(code, "")


def ward_name(province_code, ward_code):
    return dict(wards(province_code)).get(ward_code, "")
