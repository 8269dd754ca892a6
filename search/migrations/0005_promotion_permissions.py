"""Editors and moderators manage promoted results ("Risultati promossi"): the communications
staff who publish the pages are the ones who know what people look for."""

from django.db import migrations

CODENAMES = ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"]
GROUPS = ["Redazione", "Moderatori"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are created after migrations; make sure they exist on a new database.
    config = apps.get_app_config("wagtailsearchpromotions")
    config.models_module = True  # a migration's app config has no models module
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_page_not_live_index"),
        ("cms", "0002_editorial_setup"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
