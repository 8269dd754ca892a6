"""Who may change what in the registry.

Model permissions say what a user may do with memberships and attendance at all; the
network a row belongs to says where. Coordinators act only on the networks whose
coordinators group they belong to; superusers and users with
``network.manage_all_networks`` act on every network."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from network.coordinators import coordinated_network_ids
from network.models import Network

_CACHE_ATTR = "_registry_network_ids"
# Any of these on a model lets a user see its listing (and its chooser).
ANY_ACTION = ["add", "change", "delete", "view"]


def managed_network_ids(user):
    """None when ``user`` may act on every network, else the ids of their own networks.
    Cached on the user object, which lives for one request."""
    if not hasattr(user, _CACHE_ATTR):
        setattr(user, _CACHE_ATTR, coordinated_network_ids(user))
    return getattr(user, _CACHE_ATTR)


def restrict_to_networks(queryset, user, lookup="pk"):
    """``queryset`` narrowed to the rows whose network (reached by ``lookup``) the user
    manages."""
    ids = managed_network_ids(user)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{lookup}__in": ids})


class NetworkScopedPermissionPolicy(ModelPermissionPolicy):
    """The model permission, and the instance's network among the user's networks."""

    def __init__(self, model, network_lookup, network_id_of):
        super().__init__(model)
        self.network_lookup = network_lookup
        self.network_id_of = network_id_of

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        ids = managed_network_ids(user)
        return ids is None or self.network_id_of(instance) in ids

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return restrict_to_networks(self.model._default_manager.all(), user, self.network_lookup)

    def users_with_any_permission_for_instance(self, actions, instance):
        manage_all = Permission.objects.filter(
            content_type__app_label="network", codename="manage_all_networks"
        )
        return (
            self.users_with_any_permission(actions)
            .filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=manage_all)
                | Q(groups__permissions__in=manage_all)
                | Q(groups__coordinated_network__pk=self.network_id_of(instance))
            )
            .distinct()
        )


def _meeting_network_id(attendance):
    return attendance.meeting.meeting_body_id if attendance.meeting_id else None


membership_policy = NetworkScopedPermissionPolicy(
    "network.Membership", "network", lambda membership: membership.network_id
)
attendance_policy = NetworkScopedPermissionPolicy(
    "network.Attendance", "meeting__meeting_body", _meeting_network_id
)


def networks_with_visible_members(user):
    """The networks whose members the user may see in the admin (their composition page,
    their gaps on the dashboard)."""
    if not membership_policy.user_has_any_permission(user, ["view", "add", "change"]):
        return Network.objects.none()
    return restrict_to_networks(Network.objects.all(), user)


def can_see_members(user, network):
    ids = managed_network_ids(user)
    return membership_policy.user_has_any_permission(user, ["view", "add", "change"]) and (
        ids is None or network.pk in ids
    )


def can_record_attendance(user, network):
    ids = managed_network_ids(user)
    return all(
        attendance_policy.user_has_permission(user, action) for action in ("add", "change")
    ) and (ids is None or network.pk in ids)
