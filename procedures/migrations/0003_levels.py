from django.db import migrations

LEVELS = [
    ("bo", "Cấp bộ", 1),
    ("tinh", "Cấp tỉnh", 2),
    ("huyen", "Cấp huyện", 3),
    ("xa", "Cấp xã", 4),
    ("khac", "Cơ quan khác", 5),
]


def create_levels(apps, schema_editor):
    Level = apps.get_model("search", "Level")
    for code, name, order in LEVELS:
        Level.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("search", "0002_procedures")]

    operations = [migrations.RunPython(create_levels, migrations.RunPython.noop)]
