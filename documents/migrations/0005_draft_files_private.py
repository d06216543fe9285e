"""Drafts' files move out of the public media storage into a private one (documents/draft_files.py).

Every file under the media storage's `du-thao/` (the current files, and those only a revision
names) and every name a draft holds is moved under the same name, so the rows and revisions
need no change. Running it again moves nothing; a missing file is logged and skipped.
"""

from django.core.files.storage import storages
from django.db import migrations, models

import documents.attachments
import documents.draft_files
import documents.models.drafts
from documents.draft_files import PUBLIC_FOLDER, move_to_private, private_storage, stored_names


def names_held(apps):
    DraftPage = apps.get_model("documents", "DraftPage")
    rows = DraftPage.objects.values_list("draft_file", "synthesis_file")
    return [name for row in rows for name in row if name]


def to_private(apps, schema_editor):
    public = storages["default"]
    names = stored_names(public, PUBLIC_FOLDER) + names_held(apps)
    move_to_private(names, public=public, private=private_storage())


def to_public(apps, schema_editor):
    private = private_storage()
    names = stored_names(private, PUBLIC_FOLDER) + names_held(apps)
    move_to_private(names, public=private, private=storages["default"])


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_search_text_trigram_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="draftpage",
            name="draft_file",
            field=models.FileField(
                blank=True,
                storage=documents.draft_files.private_storage,
                upload_to=documents.models.drafts.draft_file_path,
                validators=[documents.attachments.validate_attachment],
                verbose_name="tệp dự thảo",
            ),
        ),
        migrations.AlterField(
            model_name="draftpage",
            name="synthesis_file",
            field=models.FileField(
                blank=True,
                help_text="Đính kèm sau khi kết thúc lấy ý kiến.",
                storage=documents.draft_files.private_storage,
                upload_to=documents.models.drafts.draft_file_path,
                validators=[documents.attachments.validate_attachment],
                verbose_name="báo cáo tổng hợp, tiếp thu, giải trình",
            ),
        ),
        migrations.RunPython(to_private, to_public),
    ]
