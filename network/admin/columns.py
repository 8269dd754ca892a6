"""Listing columns the registry adds to Wagtail's."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn

from .permissions import can_see_members
from .status import MembershipStatus, status_label


class CompositionLinkColumn(Column):
    """A link to the network's composition page, for those who may open it."""

    cell_template_name = "network/admin/composition_link_cell.html"

    def __init__(self, **kwargs):
        super().__init__("composition", label=_("Composizione"), **kwargs)

    def get_value(self, instance):
        return reverse("network_composition", args=[instance.pk])

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["allowed"] = request is not None and can_see_members(request.user, instance)
        return context


class MembershipStatusColumn(StatusTagColumn):
    def __init__(self, **kwargs):
        super().__init__(
            "registry_status",
            label=_("Stato"),
            accessor=lambda membership: status_label(membership.registry_status),
            primary=lambda membership: membership.registry_status == MembershipStatus.ACTIVE,
            sort_key="registry_status",
            **kwargs,
        )
