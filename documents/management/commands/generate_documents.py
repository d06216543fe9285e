import time

from django.core.management.base import BaseCommand, CommandError

from documents import synthetic
from documents.models import DocumentIndexPage


class Command(BaseCommand):
    help = (
        "Adds N synthetic, live documents under the Văn bản index in bulk (benchmarks and "
        "volume tests; use a throwaway database), then run rebuild_document_index."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, count, batch_size, seed, **options):
        if count < 1:
            raise CommandError("count must be a positive number")
        index = DocumentIndexPage.objects.order_by("path").first()
        if index is None:
            raise CommandError("No Văn bản page: run load_demo_data first.")
        started = time.perf_counter()
        created = synthetic.generate(index, count, batch_size=batch_size, seed=seed)
        seconds = time.perf_counter() - started
        self.stdout.write(f"{created} documents added under {index.url_path} in {seconds:.1f} s.")
