from django.core.management.base import BaseCommand

from documents.editorial import ensure_document_roles


class Command(BaseCommand):
    help = (
        "Gives the news roles (Biên tập viên, Người duyệt) the document index and puts it "
        "under the news approval workflow; running it again changes nothing."
    )

    def handle(self, *args, **options):
        ensure_document_roles()
        self.stdout.write("Document roles ready.")
