"""Create the shared cache table of the visit figures (settings: VISITS_CACHE_URL=db).

Done as a migration so that every `migrate` (make run, tests, the service's start) has it;
`createcachetable` is idempotent and does nothing for a Redis or local-memory cache.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("stats", "0001_initial")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
