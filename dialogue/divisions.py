"""Administrative units for the address chooser: the 34 provinces and their 3,321 communes
in force from 1 Jul 2025, from dialogue/static/dialogue/divisions.json (built by
`manage.py build_divisions`; its "source" names where the data comes from).

The same static file feeds the chooser's script (static/js/dialogue-address.js), so the
browser and the server's check that a ward belongs to its province read one list.
Read lazily on first use, never at import.
"""

import functools
import json
from pathlib import Path

from django.conf import settings

FIXTURE = Path(__file__).resolve().parent / "static" / "dialogue" / "divisions.json"
STATIC_PATH = "dialogue/divisions.json"


@functools.cache
def _data():
    with FIXTURE.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return {
        "provinces": [tuple(item) for item in data["provinces"]],
        "wards": {
            int(code): [tuple(item) for item in items] for code, items in data["wards"].items()
        },
    }


def home_province():
    return settings.DIALOGUE_HOME_PROVINCE


def provinces():
    return list(_data()["provinces"])


def wards(province_code):
    return list(_data()["wards"].get(province_code, []))


def province_name(code):
    return dict(_data()["provinces"]).get(code, "")


def ward_name(province_code, ward_code):
    return dict(_data()["wards"].get(province_code, [])).get(ward_code, "")
