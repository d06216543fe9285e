"""The usual document types and the province's issuing bodies, so editors start with a list."""

from django.db import migrations

TYPES = [
    "Luật",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Kế hoạch",
    "Công văn",
    "Thông báo",
    "Báo cáo",
    "Hướng dẫn",
]


def add_types(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    for order, name in enumerate(TYPES):
        DocumentType.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
