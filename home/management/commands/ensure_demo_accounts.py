"""One demo account per editorial role, so `make run` can show every journey.

The answer-approval step needs a reviewer other than the answer's author, and the admin
account alone cannot show what an editor, a reviewer, a moderator or an answering body sees.
These accounts are for the demo only: each run gives them a new password and prints it, so
nothing is written down anywhere else. `--no-reset` keeps the passwords of existing accounts.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from dialogue.models import Agency
from dialogue.permissions import ANSWERER_GROUP, MODERATOR_GROUP
from news.editorial import EDITORS, REVIEWERS

# (username, group, what the role does)
ACCOUNTS = [
    ("bientap", EDITORS, "viết và gửi duyệt tin"),
    ("duyet", REVIEWERS, "duyệt và xuất bản tin"),
    ("kiemduyet", MODERATOR_GROUP, "phân công câu hỏi, duyệt câu trả lời"),
    ("traloi", ANSWERER_GROUP, "trả lời câu hỏi của cơ quan mình"),
]


class Command(BaseCommand):
    help = "Creates one demo account per role (editor, reviewer, moderator, answering body)."

    def add_arguments(self, parser):
        parser.add_argument("--no-reset", action="store_true", help="keep existing passwords")

    def handle(self, *args, no_reset=False, **options):
        users = get_user_model()
        self.stdout.write("Tài khoản minh hoạ (demo accounts), đăng nhập tại /admin/:")
        for username, group_name, role in ACCOUNTS:
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                self.stderr.write(f"  {username}: no group {group_name!r}; run load_demo_data")
                continue
            user, created = users.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@localhost", "is_staff": True},
            )
            user.groups.add(group)
            if group_name == ANSWERER_GROUP:
                self.join_an_agency(user)
            if created or not no_reset:
                password = secrets.token_urlsafe(9)
                user.set_password(password)
                user.save()
                shown = password
            else:
                shown = "(unchanged)"
            self.stdout.write(f"  {username:<10} {shown:<14} {group_name}: {role}")

    @staticmethod
    def join_an_agency(user):
        """The answering body answers for the first agency that receives questions."""
        if not user.dialogue_agencies.exists():
            agency = Agency.objects.filter(accepts_questions=True).order_by("sort_order", "pk")
            if agency.exists():
                agency.first().members.add(user)
