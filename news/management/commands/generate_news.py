import time

from django.core.management.base import BaseCommand, CommandError

from news import synthetic
from news.models import NewsIndexPage


class Command(BaseCommand):
    help = (
        "Adds N synthetic, live articles under a news index in bulk (for benchmarks and "
        "volume tests; use a throwaway database)."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many articles to add")
        parser.add_argument("--index", help="slug of the news index (default: the first one)")
        parser.add_argument("--years", type=int, default=8, help="spread dates over N years")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, count, index, years, batch_size, seed, **options):
        if count < 1:
            raise CommandError("count must be a positive number")
        pages = NewsIndexPage.objects.all()
        if index:
            pages = pages.filter(slug=index)
        news_index = pages.first()
        if news_index is None:
            raise CommandError("No news index: run load_demo_data first, or check --index.")
        started = time.perf_counter()
        created = synthetic.generate(
            news_index, count, years=years, batch_size=batch_size, seed=seed
        )
        synthetic.refresh_statistics()
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{created} articles added under {news_index.url_path} in {seconds:.1f} s."
        )
