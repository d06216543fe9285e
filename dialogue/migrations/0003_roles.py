"""The two roles of the dialogue section, as Wagtail groups.

Permissions are created here with get_or_create because Django only adds model permissions
after all migrations have run (post_migrate).
"""

from django.db import migrations

MODERATORS = "Người kiểm duyệt"
ANSWERERS = "Cơ quan trả lời"

CUSTOM = {
    "moderate_question": "Kiểm duyệt câu hỏi (xem thông tin cá nhân)",
    "answer_question": "Trả lời câu hỏi được giao cho cơ quan mình",
}
LISTS = {"sector": "lĩnh vực", "agency": "lãnh đạo, cơ quan", "answertemplate": "mẫu trả lời"}


def create_roles(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    def permission(app_label, model, codename, name):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        return perm

    admin_access = permission("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    moderate = permission("dialogue", "question", "moderate_question", CUSTOM["moderate_question"])
    answer = permission("dialogue", "question", "answer_question", CUSTOM["answer_question"])

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(admin_access, moderate)
    for model, label in LISTS.items():
        for action in ("add", "change", "delete", "view"):
            moderators.permissions.add(
                permission("dialogue", model, f"{action}_{model}", f"Can {action} {label}")
            )

    answerers, _ = Group.objects.get_or_create(name=ANSWERERS)
    answerers.permissions.add(admin_access, answer)


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue", "0002_questions"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
