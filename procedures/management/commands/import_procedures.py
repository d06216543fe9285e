"""manage.py import_procedures PATH [PATH ...]: the national JSONL export or the XLSX lists."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from ops.pagecache import purge as purge_page_cache
from procedures import indexing
from procedures.importing.sources import RecordError, read
from procedures.importing.upsert import ProcedureImporter


class Command(BaseCommand):
    help = (
        "Imports administrative procedures from the national catalogue (JSONL) or the "
        "official XLSX lists; idempotent upsert by code, bad lines reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--no-index", action="store_true", help="do not update Elasticsearch afterwards"
        )

    def handle(self, *args, paths, dry_run, no_progress, no_index, verbosity, **options):
        show_progress = not no_progress and verbosity > 0

        def progress(iterable, **kwargs):
            return tqdm(
                iterable, disable=None if show_progress else True, file=sys.stderr, **kwargs
            )

        importer = ProcedureImporter(progress=progress)
        for path in paths:
            started = time.perf_counter()
            try:
                summary = importer.run(read(path), dry_run=dry_run)
            except (OSError, RecordError) as error:
                raise CommandError(f"{path}: {error}") from error
            seconds = time.perf_counter() - started
            self.report(path, summary, seconds, dry_run)
            if summary.changed_ids and not dry_run:
                transaction.on_commit(purge_page_cache)
                if not no_index:
                    transaction.on_commit(lambda ids=summary.changed_ids: self.index(ids))

    def report(self, path, summary, seconds, dry_run):
        prefix = "[thử, không ghi] " if dry_run else ""
        self.stdout.write(
            f"{prefix}{path}: {summary.created} tạo mới, {summary.updated} cập nhật, "
            f"{summary.unchanged} không đổi, {summary.rejected} bị từ chối "
            f"({seconds:.1f} giây)"
        )
        for line, message in summary.errors:
            self.stderr.write(f"  dòng {line}: {message}")

    def index(self, ids):
        if not indexing.is_enabled():
            return
        try:
            count = indexing.index_procedures(ids)
        except indexing.IndexUnavailable as error:
            self.stderr.write(
                f"Elasticsearch chưa được cập nhật ({error}); chạy rebuild_procedure_index."
            )
        else:
            self.stdout.write(f"Elasticsearch: {count} thủ tục được cập nhật chỉ mục.")
