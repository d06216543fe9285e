from django.core.management.base import BaseCommand

from government.editorial import ensure_government_roles


class Command(BaseCommand):
    help = (
        "Gives the news roles (Biên tập viên, Người duyệt) the work schedule, announcements, "
        "the emergency banner and the organisation's pages; running it again changes nothing."
    )

    def handle(self, *args, **options):
        ensure_government_roles()
        self.stdout.write("Government roles ready.")
