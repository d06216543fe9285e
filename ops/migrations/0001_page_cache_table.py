"""The page cache's table (PAGE_CACHE_URL=db, the default), so `migrate` alone prepares it.

`createcachetable` creates the table of every database cache in CACHES and skips existing
ones, so this is idempotent and harmless with Redis or memcached.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
