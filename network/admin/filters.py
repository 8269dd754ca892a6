"""Filters of the registry listings."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from network.models import Area, AreaKind, Attendance, AttendanceStatus, Membership, Network, Role

from .permissions import restrict_to_networks
from .status import active_on


def _user_networks(request):
    if request is None:
        return Network.objects.none()
    return restrict_to_networks(Network.objects.all(), request.user)


class MembershipFilterSet(WagtailFilterSet):
    network = django_filters.ModelChoiceFilter(queryset=_user_networks, label=_("Rete"))
    role = django_filters.ModelChoiceFilter(queryset=Role.objects.all(), label=_("Ruolo"))
    area = django_filters.ModelChoiceFilter(
        queryset=Area.objects.all(), label=_("Area rappresentata")
    )
    active = django_filters.ChoiceFilter(
        label=_("In carica oggi"),
        choices=[("yes", _("Sì")), ("no", _("No"))],
        method="filter_active",
        widget=forms.RadioSelect,
        empty_label=_("Tutte"),
    )
    member_kind = django_filters.ChoiceFilter(
        label=_("Tipo di componente"),
        choices=[("person", _("Persona")), ("organisation", _("Ente"))],
        method="filter_member_kind",
        widget=forms.RadioSelect,
        empty_label=_("Tutti"),
    )

    class Meta:
        model = Membership
        fields = ["network", "role", "area"]

    def filter_active(self, queryset, name, value):
        current = active_on(timezone.localdate())
        if value == "yes":
            return queryset.filter(current)
        if value == "no":
            return queryset.exclude(current)
        return queryset

    def filter_member_kind(self, queryset, name, value):
        if value == "person":
            return queryset.filter(person__isnull=False)
        if value == "organisation":
            return queryset.filter(organisation__isnull=False)
        return queryset


class AreaFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Tipo"), choices=AreaKind.choices, widget=forms.RadioSelect, empty_label=_("Tutti")
    )
    # Comuni contain nothing: offering them as parents would only lengthen the list.
    parent = django_filters.ModelChoiceFilter(
        queryset=Area.objects.exclude(kind=AreaKind.MUNICIPALITY), label=_("Area superiore")
    )

    class Meta:
        model = Area
        fields = ["kind", "parent"]


class AttendanceFilterSet(WagtailFilterSet):
    network = django_filters.ModelChoiceFilter(
        field_name="meeting__meeting_body", queryset=_user_networks, label=_("Rete")
    )
    status = django_filters.ChoiceFilter(
        label=_("Presenza"),
        choices=AttendanceStatus.choices,
        widget=forms.RadioSelect,
        empty_label=_("Tutte"),
    )

    class Meta:
        model = Attendance
        fields = ["network", "status"]
