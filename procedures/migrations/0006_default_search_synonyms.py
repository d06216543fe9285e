"""The default dictionary of citizens' words (procedures/fixtures/search-synonyms.csv).

Loaded once, like any CSV given to `load_search_synonyms`; editors change it in the admin
afterwards. Reversing leaves the entries (they may have been edited since).
"""

from django.db import migrations


def load_defaults(apps, schema_editor):
    from procedures import synonym_csv

    model = apps.get_model("search", "SearchSynonym")
    synonym_csv.load(synonym_csv.read(synonym_csv.DEFAULT_FILE), model)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_search_synonyms")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
