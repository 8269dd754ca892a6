"""Moderators (Moderatori) keep the footer's links, as they keep the body's identity. The
visit statistics (WebAnalytics) stay with administrators: switching them on is a decision
of the data controller, not of the newsroom."""

from django.db import migrations

CODENAMES = ["change_footerlinks", "view_footerlinks"]


def permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="footerlinks")
    return [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )[0]
        for codename in CODENAMES
    ]


def grant(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.filter(name="Moderatori").first()
    if group is not None:
        group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.filter(name="Moderatori").first()
    if group is not None:
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_conformance_chrome"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
