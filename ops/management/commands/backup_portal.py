from django.core.management.base import BaseCommand, CommandError

from ops import backup


class Command(BaseCommand):
    help = "Backs up the database (pg_dump), media and private files with a manifest of row counts."

    def add_arguments(self, parser):
        parser.add_argument("target", help="folder under which portal-<time>/ is written")
        parser.add_argument(
            "--verify", action="store_true", help="then prove the backup restores (see verify)"
        )

    def handle(self, *args, target, verify, **options):
        try:
            folder, manifest = backup.create(target)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Backup {folder}: {len(manifest['tables'])} tables, {rows} rows, "
            f"{manifest['media_files']} media files, {manifest['private_files']} private files."
        )
        if verify:
            from django.core.management import call_command

            call_command("verify_restore", str(folder), stdout=self.stdout)
        self.stdout.write(str(folder))
