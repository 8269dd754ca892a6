"""- the database guard against overlapping memberships (see network.overlap_sql);
- a coordinators group for every network that already exists;
- page moderators keep only the right to see networks (to pick a meeting's body): the
  registry belongs to its coordinators and to whoever is given ``manage_all_networks``."""

from django.db import migrations

from network.coordinators import COORDINATOR_PERMISSIONS
from network.overlap_sql import migration_backwards, migration_forwards

REGISTRY_GROUP = "Registro delle reti"
REGISTRY_MODELS = ("network", "membership", "attendance", "person", "organisation", "area", "role")


def permission(apps, app_label, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    action, model = codename.split("_", 1)
    if codename == "manage_all_networks":
        model = "network"
    elif codename == "access_admin":
        model = "admin"
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return perm


def coordinator_perms(apps):
    return [
        permission(apps, app_label, codename)
        for app_label, codenames in COORDINATOR_PERMISSIONS.items()
        for codename in codenames
    ]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Network = apps.get_model("network.Network")
    perms = coordinator_perms(apps)
    for network in Network.objects.filter(coordinators__isnull=True):
        group, _ = Group.objects.get_or_create(name=f"Coordinamento: {network.name}"[:150])
        group.permissions.add(*perms)
        network.coordinators = group
        network.save(update_fields=["coordinators"])

    registry, _ = Group.objects.get_or_create(name=REGISTRY_GROUP)
    registry.permissions.add(
        permission(apps, "wagtailadmin", "access_admin"),
        permission(apps, "network", "manage_all_networks"),
        *[
            permission(apps, "network", f"{action}_{model}")
            for model in REGISTRY_MODELS
            for action in ("add", "change", "delete", "view")
        ],
    )

    moderators = Group.objects.filter(name="Moderatori").first()
    if moderators is not None:
        moderators.permissions.remove(
            *[permission(apps, "network", f"{a}_network") for a in ("add", "change", "delete")]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_registry"),
        ("cms", "0002_editorial_setup"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(migration_forwards, migration_backwards),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
