"""manage.py import_documents FILE.csv|.xlsx [--files DIR] [--dry-run].

The columns are documented in documents/importing.py and the README.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from documents import indexing
from documents.extraction import extract_pending
from documents.importing import DocumentImporter, ImportError_, read_rows


class Command(BaseCommand):
    help = (
        "Imports legal documents from a CSV or XLSX list, attachments from --files; "
        "idempotent by number and issuer, bad lines reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="FILE")
        parser.add_argument("--files", metavar="DIR", help="folder holding the attachments")
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, path, files, dry_run, no_progress, verbosity, **options):
        show = not no_progress and verbosity > 0

        def progress(iterable, **kwargs):
            return tqdm(iterable, disable=None if show else True, file=sys.stderr, **kwargs)

        started = time.perf_counter()
        try:
            with transaction.atomic():
                importer = DocumentImporter(files, progress, dry_run=dry_run)
                summary = importer.run(read_rows(path))
                if dry_run:
                    transaction.set_rollback(True)
                else:
                    extract_pending()  # a command may take its time; pages never do
        except (OSError, ImportError_) as error:
            raise CommandError(f"{path}: {error}") from error
        prefix = "[thử, không ghi] " if dry_run else ""
        self.stdout.write(
            f"{prefix}{path}: {summary.created} tạo mới, {summary.updated} cập nhật, "
            f"{summary.unchanged} không đổi, {len(summary.errors)} bị từ chối "
            f"({time.perf_counter() - started:.1f} giây)"
        )
        for line, message in summary.errors:
            self.stderr.write(f"  dòng {line}: {message}")
        if summary.changed_ids and not dry_run and indexing.is_enabled():
            try:
                indexing.index_documents(summary.changed_ids)
            except indexing.IndexUnavailable as error:
                self.stderr.write(
                    f"Elasticsearch chưa cập nhật ({error}); chạy rebuild_document_index."
                )
