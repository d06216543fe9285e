"""Wagtail's English default groups and workflow, made the portal's own.

A new Wagtail site comes with the groups "Editors" and "Moderators" and the workflow
"Moderators approval". The portal's roles are "Biên tập viên" and "Người duyệt"
(news/editorial.py) and the dialogue's, so the English groups only confuse an editor who
assigns roles. An empty default group is removed; one that has members (an existing site)
is renamed in Vietnamese instead, so nobody loses access. The default workflow and its task
are renamed; `setup_news_roles` gives its task to "Người duyệt".
"""

from django.db import migrations

GROUPS = {"Editors": "Biên tập (mặc định của Wagtail)", "Moderators": "Kiểm duyệt (mặc định của Wagtail)"}
WORKFLOW = ("Moderators approval", "Duyệt nội dung")


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for english, vietnamese in GROUPS.items():
        group = Group.objects.filter(name=english).first()
        if group is None:
            continue
        if group.user_set.exists():
            group.name = vietnamese
            group.save(update_fields=["name"])
        else:
            group.delete()
    english, vietnamese = WORKFLOW
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=english).update(name=vietnamese)
    apps.get_model("wagtailcore", "Task").objects.filter(name=english).update(name=vietnamese)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_gallery_and_video_blocks"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
