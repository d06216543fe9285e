"""manage.py reset_two_factor USERNAME: forget a staff member's authenticator (lost phone).

At their next login they enrol a new one with a QR code (STAFF_TWO_FACTOR).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user


class Command(BaseCommand):
    help = "Deletes a user's two-factor devices; they enrol again at their next login."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản {username}.")
        removed = 0
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
        self.stdout.write(f"Đã xóa {removed} thiết bị xác thực của {username}.")
