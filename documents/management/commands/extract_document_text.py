from django.core.management.base import BaseCommand

from documents import indexing
from documents.extraction import extract_pending


class Command(BaseCommand):
    help = (
        "Reads the text of attached PDF and DOCX files not read yet, so the search finds "
        "their words; run it every minute (site/documents-extract.timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="files at most per run")

    def handle(self, *args, **options):
        pages = extract_pending(options["limit"])
        if pages and indexing.is_enabled():
            try:
                indexing.index_documents(pages)
            except indexing.IndexUnavailable as error:
                self.stderr.write(f"Not re-indexed ({error}); run rebuild_document_index.")
        self.stdout.write(f"{len(pages)} documents refreshed.")
