"""Each network has its own group of coordinators. Model permissions let its members into
the registry; which rows they may touch is decided per network by network.permissions."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

# What a coordinator may do in the admin, on their own network's rows only for
# memberships and attendance (people and organisations are shared directories).
COORDINATOR_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "network": [
        "view_network",
        "view_membership",
        "add_membership",
        "change_membership",
        "view_attendance",
        "add_attendance",
        "change_attendance",
        "delete_attendance",
        "view_person",
        "add_person",
        "change_person",
        "view_organisation",
        "add_organisation",
        "view_area",
        "view_role",
    ],
}


def group_name(network):
    return f"Coordinamento: {network.name}"[:150]


def coordinator_permissions():
    query = Q()
    for app_label, codenames in COORDINATOR_PERMISSIONS.items():
        query |= Q(content_type__app_label=app_label, codename__in=codenames)
    return Permission.objects.filter(query)


def ensure_coordinator_group(network):
    """Create (or rename) the network's coordinators group; return it."""
    group = network.coordinators
    if group is None:
        group, _ = Group.objects.get_or_create(name=group_name(network))
        group.permissions.add(*coordinator_permissions())
        type(network).objects.filter(pk=network.pk).update(coordinators=group)
        network.coordinators = group
    elif group.name != group_name(network):
        group.name = group_name(network)
        group.save(update_fields=["name"])
    return group


def coordinated_network_ids(user):
    """None when the user may manage every network, else the ids of their networks."""
    if not user.is_active:
        return set()
    if user.is_superuser or user.has_perm("network.manage_all_networks"):
        return None
    from .models import Network

    return set(Network.objects.filter(coordinators__user=user).values_list("pk", flat=True))
