from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stats.dossier_import import ImportRejected, import_dossier_statistics


class Command(BaseCommand):
    help = (
        "Imports dossier statistics from a CSV file (columns: nam, thang, cap, tiep_nhan, "
        "da_giai_quyet, tiep_nhan_truc_tuyen[, nguon]). Every row or none: a file with a bad "
        "row is rejected whole, with one line of report per problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the CSV file (UTF-8)")
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")

    def handle(self, *args, path, dry_run=False, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {path}: {error.strerror}") from None
        try:
            report = import_dossier_statistics(data, dry_run=dry_run)
        except ImportRejected as rejected:
            for line in rejected.report.lines():
                self.stderr.write(line)
            raise CommandError(rejected.report.summary()) from None
        if dry_run:
            self.stdout.write(f"Kiểm tra xong: {report.rows} dòng hợp lệ, chưa ghi gì.")
        else:
            self.stdout.write(report.summary())
