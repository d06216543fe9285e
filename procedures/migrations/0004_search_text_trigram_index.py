"""A trigram index for the database fallback's word matching (PostgreSQL only).

The fallback matches words with `search_text LIKE '% word %'`; without an index every query
reads every procedure's text (34 ms at 2,642 on the bench machine). pg_trgm's GIN index
answers those LIKE patterns from the index (9–13 ms). pg_trgm ships with PostgreSQL and is a
trusted extension: a role with CREATE on the database may create it. When the role may not
(and no administrator has created it), the index is skipped with a warning: the fallback
still answers, only slower (site/DEPLOY.md says how to add it later). SQLite (the embedded
default) scans as before.
"""

import sys

from django.db import DatabaseError, migrations, transaction

INDEX = "search_procedure_search_text_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic():  # a savepoint: a refusal must not abort the migration
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as error:
        sys.stderr.write(
            f"\nWARNING: pg_trgm could not be created ({error}); the procedure search's "
            "database fallback works without its index, only slower. See site/DEPLOY.md.\n"
        )
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_procedure "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_levels")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
