from django.core.management.base import BaseCommand, CommandError

from ops import backup


class Command(BaseCommand):
    help = (
        "Restores a backup_portal folder into a scratch database, compares every table's row "
        "count and the media archive with the manifest, then drops the scratch database."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a portal-<time>/ folder written by backup_portal")

    def handle(self, *args, folder, **options):
        try:
            report = backup.verify(folder)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if report["problems"]:
            raise CommandError("Restore differs from backup:\n" + "\n".join(report["problems"]))
        self.stdout.write(
            self.style.SUCCESS(
                f"Restore verified: {report['tables']} tables, {report['rows']} rows match."
            )
        )
