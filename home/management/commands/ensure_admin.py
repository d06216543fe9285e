import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Creates the `admin` superuser once and prints its password that one time."

    def handle(self, *args, **options):
        user_model = get_user_model()
        if user_model.objects.filter(username="admin").exists():
            self.stdout.write(
                "Admin account `admin` already exists (password printed when created)."
            )
            return
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser("admin", "admin@localhost", password)
        self.stdout.write(self.style.SUCCESS(f"Admin account created: admin / {password}"))
        self.stdout.write("Write it down: it is not stored anywhere and will not be shown again.")
