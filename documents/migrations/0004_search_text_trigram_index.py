"""A trigram index for the document fallback's word matching (PostgreSQL only).

The same as the procedure directory's (search.0004, which creates pg_trgm when the role may):
`search_text LIKE '% word %'` is answered from the index instead of reading every
document's text. Without pg_trgm the index is skipped and the fallback scans, only slower.
"""

import sys

from django.db import DatabaseError, migrations, transaction

INDEX = "documents_search_text_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic():
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as error:
        sys.stderr.write(
            f"\nWARNING: pg_trgm could not be created ({error}); the document search's "
            "database fallback works without its index, only slower. See site/DEPLOY.md.\n"
        )
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON documents_legaldocumentpage "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_drafts"), ("search", "0004_search_text_trigram_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
