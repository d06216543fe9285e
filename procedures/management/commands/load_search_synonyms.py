"""`manage.py load_search_synonyms FILE.csv [--dry-run]`: add or update search synonyms.

Idempotent (an entry is its kind and its terms; loading a file twice changes nothing), one
report line per CSV line, nothing written with --dry-run. The columns are described in
`procedures/synonym_csv.py`; the default dictionary `procedures/fixtures/search-synonyms.csv` is an
example.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from procedures import synonym_csv
from procedures.models import SearchSynonym

OUTCOMES = {
    "created": "thêm mới",
    "updated": "cập nhật",
    "unchanged": "không đổi",
    "rejected": "bỏ qua",
}


class Command(BaseCommand):
    help = "Nạp từ đồng nghĩa cho tìm kiếm thủ tục từ tệp CSV (loai, tu, mo_rong, ghi_chu)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="chỉ báo cáo, không ghi")

    def handle(self, path, dry_run=False, **options):
        try:
            rows = synonym_csv.read(path)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise CommandError(f"Không đọc được {path}: {error}") from error
        with transaction.atomic():
            report = synonym_csv.load(rows, SearchSynonym, dry_run=dry_run)
        for number, outcome, text in report.lines:
            self.stdout.write(f"dòng {number}: {OUTCOMES[outcome]}: {text}")
        prefix = "(chạy thử, không ghi) " if dry_run else ""
        self.stdout.write(
            f"{prefix}{report.created} thêm mới, {report.updated} cập nhật, "
            f"{report.unchanged} không đổi, {report.rejected} bỏ qua"
        )
