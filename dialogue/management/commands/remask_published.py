"""Mask every public copy again with today's detectors (dialogue.masking).

Run once after upgrading the detectors: copies published before them may hold what they now
find. Only masking is applied (flags were seen by a reviewer at approval); a copy is saved,
and the page cache purged, only if its text changes. `--dry-run` counts without saving.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from dialogue import masking
from dialogue.models import PublishedQuestion

FIELDS = ("title", "question_text", "answer_text")


class Command(BaseCommand):
    help = "Mask all published questions and answers again with the current detectors."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")

    def handle(self, *args, dry_run=False, **options):
        changed = 0
        publications = PublishedQuestion.objects.select_related("question").order_by("pk")
        for publication in publications.iterator(chunk_size=200):
            question = publication.question
            masked = {name: masking.mask(getattr(publication, name), question) for name in FIELDS}
            if all(masked[name] == getattr(publication, name) for name in FIELDS):
                continue
            changed += 1
            if not dry_run:
                with transaction.atomic():
                    for name, text in masked.items():
                        setattr(publication, name, text)
                    publication.save()
        verb = "would change" if dry_run else "changed"
        self.stdout.write(f"Published copies {verb}: {changed} of {publications.count()}")
