"""Moderators (Moderatori) read the report of confirmed personal data and review it (expiry,
state, note); editors see their own findings in the page form only."""

from django.db import migrations

GRANTS = {"Moderatori": ["view_confirmation", "change_confirmation"]}


def permission(apps, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    model = codename.split("_", 1)[1]
    content_type, _ = ContentType.objects.get_or_create(app_label="privacy", model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*[permission(apps, codename) for codename in codenames])


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*[permission(apps, codename) for codename in codenames])


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("cms", "0002_editorial_setup"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
