"""Demo data of the government section for `manage.py load_demo_data` (see demo_content.py
for what is real and what is invented). Every step looks before it writes: a second run
changes nothing.

`load(home)` runs before the dialogue demo, so the leaders take over the dialogue's
addressees of the same office; `load_translations(home)` runs after the site demo has made
the English home and the English "Organisational structure" page.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from dialogue.divisions import home_province
from dialogue.models import Agency
from government import demo_content as content
from government import schedule
from government.communes import ensure_commune_units
from government.editorial import ensure_government_roles
from government.models import (
    Announcement,
    AnnouncementIndexPage,
    EmergencyBanner,
    LeaderPage,
    OrganisationIndexPage,
    ScheduleEntry,
    ScheduleWeek,
    Spokesperson,
    SpokespersonPage,
    UnitPage,
    WorkSchedulePage,
)
from home.models import StandardPage

DOMAIN = "hue.gov.vn"


class GovernmentDemo:
    def __init__(self, home):
        self.home = home
        self.created = 0

    # --- pages ---------------------------------------------------------------------------

    def child(self, parent, model, fields, **extra):
        existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
        if existing is not None:
            return existing
        page = model(show_in_menus=model is not UnitPage, **fields, **extra)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def organisation(self):
        self.retire_free_text_page()
        index = self.child(self.home, OrganisationIndexPage, content.STRUCTURE)
        committee = self.child(index, UnitPage, content.COMMITTEE)
        for leader in content.LEADERS:
            self.leader(committee, leader)
        # Departments are the committee's specialised agencies, kept one level up so that
        # their pages are one routing step nearer (the tree page groups them by kind).
        for row in content.DEPARTMENTS:
            self.unit(index, UnitPage.Kind.DEPARTMENT, row)
        for row in content.PUBLIC_SERVICE_UNITS:
            self.unit(index, UnitPage.Kind.PUBLIC_SERVICE, row)
        # What `manage.py create_commune_units` creates, with invented contacts.
        communes = ensure_commune_units(index, home_province(), contacts=self.commune_contacts)
        self.created += sum(commune.created for commune in communes)
        return index

    @staticmethod
    def commune_contacts(number, code):
        return {
            "phone": f"{content.COMMUNE_PHONE_PREFIX}{number:02d} {code % 1000:03d}",
            "email": f"ubnd.{code}@{DOMAIN}",
        }

    def retire_free_text_page(self):
        """The old free-text "Cơ cấu tổ chức" page (and its English copy) gives way."""
        old = StandardPage.objects.child_of(self.home).filter(slug=content.STRUCTURE["slug"])
        for page in old:
            for translation in page.get_translations():
                translation.delete()
            page.delete()

    def leader(self, unit, fields):
        fields = dict(fields)
        addressee = fields.pop("addressee", None)
        existing = LeaderPage.objects.child_of(unit).filter(slug=fields["slug"]).first()
        if existing is not None:
            return existing
        agency = None
        if addressee:  # the dialogue's existing addressee for this office
            agency = Agency.objects.filter(name=addressee).first()
        return self.child(unit, LeaderPage, fields, dialogue_agency=agency)

    def unit(self, parent, kind, row):
        title, slug, short, address, phone, mail, functions, head = row
        unit = self.child(
            parent,
            UnitPage,
            {"title": title, "slug": slug},
            kind=kind,
            short_name=short,
            address=f"{address}, thành phố Huế",
            phone=phone,
            email=f"{mail}@{DOMAIN}",
            website=f"https://{mail}.{DOMAIN}",
            functions=f"<p>{functions}</p>",
            accepts_questions=kind == UnitPage.Kind.DEPARTMENT,
        )
        position = "Chánh Văn phòng" if slug.startswith("van-phong") else "Giám đốc"
        if slug == "thanh-tra-tinh":
            position = "Chánh Thanh tra"
        self.leader(
            unit,
            {
                "title": head,
                "slug": f"{slug}-lanh-dao",
                "position": f"{position} {title[0].lower()}{title[1:]}",
                "is_chair": True,
                "phone": phone[:-1] + "1",
                "email": f"giamdoc.{mail}@{DOMAIN}",
            },
        )
        return unit

    # --- schedule, announcements, spokesperson, banner -------------------------------------

    def schedule(self):
        self.child(self.home, WorkSchedulePage, content.SCHEDULE_PAGE)
        leaders = [
            LeaderPage.objects.filter(slug=fields["slug"]).first() for fields in content.LEADERS
        ]
        this_week = schedule.this_monday()
        for offset in (-1, 0, 1):
            monday = this_week + datetime.timedelta(weeks=offset)
            week, created = ScheduleWeek.objects.get_or_create(
                monday=monday,
                defaults={"status": ScheduleWeek.Status.DRAFT},
            )
            if not created:
                continue
            for day, start, end, who, text, place, participants, unit in content.WEEK_ENTRIES:
                ScheduleEntry.objects.create(
                    week=week,
                    leader=leaders[who],
                    day=monday + datetime.timedelta(days=day),
                    start_time=datetime.time.fromisoformat(start),
                    end_time=datetime.time.fromisoformat(end) if end else None,
                    content=text,
                    place=place,
                    participants=participants,
                    preparing_unit=unit,
                )
            if offset <= 0:  # past and current weeks are published; next week is a draft
                week.status = ScheduleWeek.Status.PUBLISHED
                week.save()
            if offset == 0:  # one change after publication: shown as "điều chỉnh"
                entry = week.entries.order_by("day", "start_time").last()
                entry.start_time = datetime.time(8, 30)
                entry.save()

    def announcements(self):
        index = self.child(self.home, AnnouncementIndexPage, content.ANNOUNCEMENTS_PAGE)
        now = timezone.now()
        for kind, title, number, summary, began, ends in content.ANNOUNCEMENTS:
            Announcement.objects.get_or_create(
                title=title,
                defaults={
                    "kind": kind,
                    "number": number,
                    "summary": summary,
                    "body": f"<p>{summary}</p>",
                    "issued_by": "Ủy ban nhân dân thành phố",
                    "valid_from": now + datetime.timedelta(days=began),
                    "valid_until": now + datetime.timedelta(days=ends) if ends else None,
                },
            )
        fields = {key: value for key, value in content.SPOKESPERSON.items() if key != "people"}
        if not SpokespersonPage.objects.child_of(index).filter(slug=fields["slug"]).exists():
            page = SpokespersonPage(show_in_menus=True, **fields)
            page.spokespersons = [
                Spokesperson(name=name, position=position, role=role, phone=phone, email=email)
                for name, position, role, phone, email in content.SPOKESPERSON["people"]
            ]
            index.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1

    def banner(self):
        """An example banner, switched off: editors see what to fill in."""
        banner = EmergencyBanner.load()
        if not banner.text:
            banner.level = EmergencyBanner.Level.WARNING
            banner.text = (
                "Bão số 5 đổ bộ: người dân vùng trũng thấp di chuyển đến nơi an toàn theo "
                "hướng dẫn của chính quyền địa phương."
            )
            banner.text_en = "Storm No. 5 is making landfall: residents of low-lying areas "
            banner.text_en += "should move to safety as local authorities direct."
            banner.enabled = False
            banner.save()

    # --- English ---------------------------------------------------------------------------

    def translations(self):
        english = Locale.objects.filter(language_code="en").first()
        index = OrganisationIndexPage.objects.child_of(self.home).first()
        if english is None or index is None or index.get_translation_or_none(english) is None:
            return
        for slug, (title, new_slug, functions) in content.ENGLISH_UNITS.items():
            unit = UnitPage.objects.descendant_of(index).filter(slug=slug).first()
            if unit is not None:
                self.translate(unit, english, title=title, slug=new_slug, functions=functions)
        for slug, position in content.ENGLISH_LEADERS.items():
            leader = LeaderPage.objects.descendant_of(index).filter(slug=slug).first()
            if leader is not None:
                self.translate(leader, english, position=position, biography="", portfolio="")

    def translate(self, page, locale, **fields):
        if page.get_translation_or_none(locale) is not None:
            return
        if page.get_parent().specific.get_translation_or_none(locale) is None:
            return
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        self.created += 1


def load(home, stdout=None):
    demo = GovernmentDemo(home)
    demo.organisation()
    demo.schedule()
    demo.announcements()
    demo.banner()
    ensure_government_roles()
    if stdout is not None:
        stdout.write(f"Demo data: {demo.created} government page(s) created.")
    return demo.created


def load_translations(home, stdout=None):
    demo = GovernmentDemo(home)
    demo.translations()
    return demo.created
