"""Who works on grants: Redazione prepares them (add, change, view; saving a draft),
Moderatori also publish and delete them, as with pages."""

from django.db import migrations

PERMISSIONS = {
    "Redazione": ["add", "change", "view"],
    "Moderatori": ["add", "change", "delete", "view", "publish"],
}


def grant_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="transparency", model="grant")
    for group in Group.objects.filter(name__in=PERMISSIONS):
        for action in PERMISSIONS[group.name]:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_grant",
                defaults={"name": f"Can {action} atto di concessione"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0002_official_sections"),
        ("cms", "0002_editorial_setup"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
