from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from dialogue import demo as dialogue_demo
from dialogue.models import DialogueIndexPage
from documents import demo as documents_demo
from government import demo as government_demo
from home import demo_content as demo
from home import demo_site
from home.models import ContactOfficial, ContactPage, HomePage, PortalSettings
from news import demo as news_demo
from procedures import demo as procedures_demo
from procedures.models import ProcedureDirectoryPage
from stats import demo as stats_demo


class Command(BaseCommand):
    help = "Loads the demo portal's pages; a second run changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        self.created = 0
        home = self.ensure_home()
        self.created += news_demo.load(home, self.stdout)
        self.ensure_child(home, ProcedureDirectoryPage, demo.PROCEDURES)
        procedures_demo.load(home, self.stdout)
        # Before the dialogue demo: the leaders take over its addressees (government/demo.py).
        self.created += government_demo.load(home, self.stdout)
        self.ensure_child(home, DialogueIndexPage, demo.DIALOGUE)
        dialogue_demo.load(home, self.stdout)
        self.ensure_contact(home)
        stats_demo.load(home, self.stdout)
        self.created += documents_demo.load(home, self.stdout)
        self.created += documents_demo.load_consultation(home, self.stdout)
        # Keep last: menus link to the sections created above.
        self.created += demo_site.load(home, self.stdout)
        self.created += government_demo.load_translations(home, self.stdout)
        self.stdout.write(f"Demo data: {self.created} page(s) created.")

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(**demo.HOME, show_in_menus=False))
            self.created += 1
        if site is None:
            site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        if site.root_page_id != home.pk or site.site_name != demo.SITE_NAME:
            previous = site.root_page
            site.root_page = home
            site.site_name = demo.SITE_NAME
            site.save()
            # Wagtail's placeholder "Welcome" page is not part of the portal.
            if previous.pk != home.pk and previous.specific_class is Page:
                previous.delete()
        PortalSettings.objects.update_or_create(site=site, defaults=demo.PORTAL_SETTINGS)
        return home

    def ensure_child(self, parent, page_class, fields):
        existing = page_class.objects.child_of(parent).filter(slug=fields["slug"]).first()
        if existing:
            return existing
        page = parent.add_child(instance=page_class(show_in_menus=True, **fields))
        page.save_revision().publish()
        self.created += 1
        return page

    def ensure_contact(self, home):
        fields = {key: value for key, value in demo.CONTACT.items() if key != "officials"}
        contact = ContactPage.objects.child_of(home).filter(slug=fields["slug"]).first()
        if contact:
            return contact
        contact = ContactPage(show_in_menus=True, **fields)
        contact.officials = [ContactOfficial(**person) for person in demo.CONTACT["officials"]]
        home.add_child(instance=contact)
        contact.save_revision().publish()
        self.created += 1
        return contact
