from django.core.management.base import BaseCommand

from dialogue.models import Agency
from government.addressees import sync_all


class Command(BaseCommand):
    help = (
        "Writes the dialogue form's addressees from every leader and unit page (what "
        "publishing a page does) and lists the addressees no page is linked to yet."
    )

    def handle(self, *args, **options):
        synced, withdrawn = sync_all()
        self.stdout.write(f"{synced} addressee(s) written, {withdrawn} taken off the form.")
        from government.models import LeaderPage, UnitPage

        linked = set(LeaderPage.objects.values_list("dialogue_agency", flat=True)) | set(
            UnitPage.objects.values_list("dialogue_agency", flat=True)
        )
        for agency in Agency.objects.filter(accepts_questions=True).exclude(pk__in=linked):
            self.stdout.write(
                f"Not linked to a page yet: {agency.name} (choose it as the page's "
                "“địa chỉ nhận câu hỏi” to keep its questions)"
            )
