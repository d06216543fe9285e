"""Create the shared cache table the API's rate limit counts in (settings: API_CACHE_URL=db).

Done as a migration so that every `migrate` has it; `createcachetable` is idempotent and does
nothing for a Redis or local-memory cache.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
