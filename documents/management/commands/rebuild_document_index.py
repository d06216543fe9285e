from django.core.management.base import BaseCommand, CommandError

from documents import indexing


class Command(BaseCommand):
    help = "Builds a new document index and moves the alias to it atomically (no downtime)."

    def handle(self, *args, **options):
        if not indexing.is_enabled():
            raise CommandError("ELASTICSEARCH_URL is not set.")
        try:
            result = indexing.rebuild()
        except indexing.IndexUnavailable as error:
            raise CommandError(f"Elasticsearch refused the rebuild: {error}") from error
        self.stdout.write(
            f"{result['count']} documents in {result['index']} "
            f"({result['seconds']:.1f} s); replaced {result['replaced'] or 'nothing'}."
        )
