"""Rebuild the address chooser's fixture, dialogue/static/dialogue/divisions.json.

Input: nested-divisions.json of sunshine-tech/VietnamProvinces (the official GSO/NSO catalogue
danhmuchanhchinh.nso.gov.vn, units in force from 1 Jul 2025). Run by a maintainer when the
catalogue changes; the portal itself only ever reads the fixture this writes.

    manage.py build_divisions path/to/nested-divisions.json [--source "…"]
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dialogue import divisions
from portal.vietnamese import collation_key

DEFAULT_SOURCE = (
    "Derived from sunshine-tech/VietnamProvinces vietnam_provinces/data/nested-divisions.json "
    "(commit 809e91baefbe3153ccaecc9b2286303a98b9119b), itself the official GSO/NSO catalogue "
    "danhmuchanhchinh.nso.gov.vn: the 34 provinces and 3,321 communes in force from "
    "1 Jul 2025. Facts only: GSO codes and names. Rebuilt by manage.py build_divisions."
)


def build(nested, source=DEFAULT_SOURCE):
    """Compact form: provinces in GSO code order, each one's wards in alphabetical order."""
    provinces = sorted(nested, key=lambda item: item["code"])
    return {
        "source": source,
        "provinces": [[item["code"], item["name"]] for item in provinces],
        "wards": {
            str(item["code"]): [
                [ward["code"], ward["name"]]
                for ward in sorted(item["wards"], key=lambda ward: collation_key(ward["name"]))
            ]
            for item in provinces
        },
    }


class Command(BaseCommand):
    help = "Rebuild dialogue/static/dialogue/divisions.json from VietnamProvinces' nested JSON."

    def add_arguments(self, parser):
        parser.add_argument("nested_json", type=Path)
        parser.add_argument("--source", default=DEFAULT_SOURCE)
        parser.add_argument("--output", type=Path, default=divisions.FIXTURE)

    def handle(self, nested_json, source, output, **options):
        try:
            nested = json.loads(nested_json.read_text(encoding="utf-8"))
            data = build(nested, source)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise CommandError(f"Cannot read {nested_json}: {error}") from error
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        output.write_text(text + "\n", encoding="utf-8")
        wards = sum(len(items) for items in data["wards"].values())
        self.stdout.write(f"{len(data['provinces'])} provinces, {wards} wards -> {output}")
