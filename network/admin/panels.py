"""The dashboard panel "Lacune nelle reti"."""

from collections import Counter

from django.urls import reverse
from wagtail.admin.ui.components import Component

from network.gaps import find_gaps

from .gap_display import SEVERITY_ICONS, GapRow, severity_label
from .permissions import membership_policy, networks_with_visible_members

TOP_MESSAGES = 3
SEVERITIES = ("high", "medium", "low")


def gap_summary(networks, gaps, top=TOP_MESSAGES):
    """Per network with gaps: the counts by severity and the first ``top`` gaps (the engine
    lists a network's gaps most severe first)."""
    by_slug = {network.slug: network for network in networks}
    rows = {}
    for gap in gaps:
        network = by_slug.get(gap.network)
        if network is None:
            continue
        row = rows.setdefault(
            network.slug, {"network": network, "counts": Counter(), "top": [], "total": 0}
        )
        row["counts"][gap.severity] += 1
        row["total"] += 1
        if len(row["top"]) < top:
            row["top"].append(GapRow(gap))
    return [
        {
            **row,
            "counts": [
                {
                    "severity": severity,
                    "label": severity_label(severity),
                    "icon": SEVERITY_ICONS[severity],
                    "count": row["counts"][severity],
                }
                for severity in SEVERITIES
            ],
            "url": reverse("network_composition", args=[row["network"].pk]),
        }
        for row in rows.values()
    ]


class NetworkGapsPanel(Component):
    name = "network_gaps"
    template_name = "network/admin/gaps_panel.html"
    order = 90

    class Media:
        css = {"all": ["network/registry-admin.css"]}

    def __init__(self, request):
        self.request = request

    @staticmethod
    def is_shown_to(user):
        return membership_policy.user_has_any_permission(user, ["view", "add", "change"])

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        networks = list(networks_with_visible_members(self.request.user).only("pk", "slug", "name"))
        gaps = find_gaps(networks=networks) if networks else []
        rows = gap_summary(networks, gaps)
        context.update(
            rows=rows, network_count=len(networks), clear_count=len(networks) - len(rows)
        )
        return context
