"""The dialogue form's addressees, written from leaders and units (see signal_handlers.py).

A leader is addressed by office and name ("Phó Chủ tịch UBND tỉnh – Nguyễn Văn B"), a unit
by its name. Only Vietnamese pages count: the English translation is the same body.
"""

from django.db import transaction

from dialogue.models import Agency

from .models import LeaderPage, UnitPage

# Leaders first (the chair of each unit before the others), then units, in tree order.
LEADER_ORDER_BASE = 0
UNIT_ORDER_BASE = 1000


def addressee_name(page):
    if isinstance(page, LeaderPage):
        return f"{page.position} – {page.title}"[:200]
    return page.title[:200]


def _is_original(page):
    return page.locale.language_code == "vi"


def _order(page):
    siblings_before = page.get_prev_siblings().count()
    if isinstance(page, LeaderPage):
        return LEADER_ORDER_BASE + (0 if page.is_chair else 1 + siblings_before)
    return UNIT_ORDER_BASE + siblings_before


@transaction.atomic
def sync_page(page):
    """Create or update the page's agency; returns it (None when it takes no questions)."""
    page = page.specific
    if not isinstance(page, LeaderPage | UnitPage) or not _is_original(page):
        return None
    agency = page.dialogue_agency
    if not page.accepts_questions or not page.live:
        if agency is not None and agency.accepts_questions:
            agency.accepts_questions = False
            agency.save(update_fields=["accepts_questions"])
        return None
    name = addressee_name(page)
    if agency is None:
        agency = Agency.objects.filter(name=name).first() or Agency(name=name)
    # Another agency may already carry the new name: adopt it rather than clash.
    clash = Agency.objects.filter(name=name).exclude(pk=agency.pk).first()
    if clash is not None:
        agency = clash
    agency.name = name
    agency.kind = Agency.Kind.LEADER if isinstance(page, LeaderPage) else Agency.Kind.AGENCY
    if page.email:
        agency.email = page.email
    agency.accepts_questions = True
    agency.sort_order = _order(page)
    agency.save()
    type(page).objects.filter(pk=page.pk).update(dialogue_agency=agency)
    page.dialogue_agency = agency
    return agency


def withdraw_page(page):
    page = page.specific
    agency = getattr(page, "dialogue_agency", None)
    if agency is not None and agency.accepts_questions and _is_original(page):
        agency.accepts_questions = False
        agency.save(update_fields=["accepts_questions"])


def sync_all():
    """Every Vietnamese unit and leader page: (synced, withdrawn)."""
    synced = withdrawn = 0
    for model in (LeaderPage, UnitPage):
        for page in model.objects.filter(locale__language_code="vi").order_by("path"):
            if sync_page(page) is not None:
                synced += 1
            elif page.dialogue_agency_id:
                withdrawn += 1
    return synced, withdrawn
