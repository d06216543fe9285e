"""A trigram index for the database fallback's word matching (PostgreSQL only).

The fallback matches words with `search_text LIKE '% word %'`; without an index every query
reads every procedure's text (34 ms at 2,642 on the bench machine). pg_trgm's GIN index
answers those LIKE patterns from the index (9–13 ms). pg_trgm ships with PostgreSQL and is a
trusted extension, so the database owner may create it. SQLite (the embedded default) scans
as before.
"""

from django.db import migrations

INDEX = "search_procedure_search_text_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
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
