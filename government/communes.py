"""The communes and wards of a province as unit pages under "Cơ cấu tổ chức".

Since 1 Jul 2025 (two-level local government) every commune and ward is a unit of the
province's organisation, and their names and codes are already in the project: the address
chooser's list of divisions (`dialogue/divisions.py`). A real site therefore creates their
pages with `manage.py create_commune_units` instead of typing forty of them; the demo
(`government/demo.py`) calls the same function and adds its invented phone numbers.

A commune is known by its division code ("mã đơn vị hành chính"), or by the slug this
module gives it, so a page an editor has renamed or moved within the tree is never made
twice: a second run changes nothing.
"""

from dataclasses import dataclass

from dialogue.divisions import wards
from government.models import UnitPage

FUNCTIONS = (
    "<p>Cơ quan hành chính nhà nước ở xã, phường (chính quyền địa phương hai cấp từ "
    "01/7/2025): tiếp nhận và giải quyết thủ tục hành chính cấp xã, quản lý nhà nước trên "
    "địa bàn.</p>"
)


@dataclass(frozen=True)
class CommuneUnit:
    """One commune of the list and its page: found, just created, or missing (a dry run)."""

    code: int
    title: str
    page: UnitPage | None
    created: bool


def unit_title(name):
    """The unit's name from the commune's: "Ủy ban nhân dân phường An Cựu"."""
    return f"Ủy ban nhân dân {name[0].lower()}{name[1:]}"


def unit_slug(code):
    return f"xa-{code}"


def ensure_commune_units(index, province_code, *, dry_run=False, contacts=None):
    """The commune units of `province_code` under `index`, each created and published if it
    is missing (unless `dry_run`). `contacts(number, code)` gives more fields for a new page
    (the demo's invented phone numbers); a real site leaves contacts to its editors.
    Returns one `CommuneUnit` per commune, in the list's order."""
    communes = wards(province_code)
    units = UnitPage.objects.descendant_of(index)
    by_code = {
        page.division_code: page
        for page in units.filter(division_code__in=[code for code, _name in communes])
    }
    by_slug = {
        page.slug: page
        for page in UnitPage.objects.child_of(index).filter(
            slug__in=[unit_slug(code) for code, _name in communes]
        )
    }
    found = []
    for number, (code, name) in enumerate(communes, start=1):
        title = unit_title(name)
        page = by_code.get(code) or by_slug.get(unit_slug(code))
        if page is not None or dry_run:
            found.append(CommuneUnit(code, title, page, created=False))
            continue
        page = UnitPage(
            title=title,
            slug=unit_slug(code),
            kind=UnitPage.Kind.COMMUNE,
            division_code=code,
            functions=FUNCTIONS,
            **(contacts(number, code) if contacts else {}),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        found.append(CommuneUnit(code, title, page, created=True))
    return found
