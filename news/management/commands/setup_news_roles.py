from django.core.management.base import BaseCommand

from news.editorial import EDITORS, REVIEWERS, WORKFLOW, ensure_editorial_setup


class Command(BaseCommand):
    help = (
        "Creates the news groups (Biên tập viên, Người duyệt) and the approval workflow, "
        "and gives them every news index; running it again changes nothing."
    )

    def handle(self, *args, **options):
        ensure_editorial_setup()
        self.stdout.write(f"News roles ready: {EDITORS}, {REVIEWERS}; workflow {WORKFLOW}.")
