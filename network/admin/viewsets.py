"""The registry's admin menu "Registro reti": one snippet viewset per model."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.models import Area, Attendance, Membership, Network, Organisation, Person, Role

from .columns import CompositionLinkColumn, MembershipStatusColumn
from .filters import AreaFilterSet, AttendanceFilterSet, MembershipFilterSet
from .forms import AttendanceForm, MembershipForm
from .permissions import ANY_ACTION, attendance_policy, membership_policy
from .status import status_on
from .views import (
    LabelledIndexView,
    MembershipChooserViewSet,
    MembershipIndexView,
    RegistryChooserViewSet,
    ScopedDeleteView,
    ScopedEditView,
    ScopedHistoryView,
    ScopedRevisionsCompareView,
    ScopedUsageView,
)


class RegistryViewSet(SnippetViewSet):
    # Plain ORM search: the admin filters on fields the search index does not hold.
    search_backend_name = None
    search_fields = ["name"]
    index_view_class = LabelledIndexView
    chooser_viewset_class = RegistryChooserViewSet


class NetworkScopedViewSet(RegistryViewSet):
    """Rows belong to a network: views and listings stop at the user's networks."""

    policy = None
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    revisions_compare_view_class = ScopedRevisionsCompareView
    related = ()

    def get_queryset(self, request):
        return self.policy.instances_user_has_any_permission_for(
            request.user, ANY_ACTION
        ).select_related(*self.related)


class NetworkViewSet(RegistryViewSet):
    model = Network
    icon = "group"
    menu_label = _("Reti")
    menu_order = 100
    list_display = ["name", "kind", CompositionLinkColumn()]
    list_filter = ["kind"]
    list_export = ["name", "slug", "get_kind_display", "popolo_id"]
    export_headings = {"get_kind_display": _("Tipo")}
    export_filename = "reti"


class MembershipViewSet(NetworkScopedViewSet):
    model = Membership
    policy = membership_policy
    icon = "user"
    menu_label = _("Appartenenze")
    menu_order = 200
    index_view_class = MembershipIndexView
    chooser_viewset_class = MembershipChooserViewSet
    edit_handler = ObjectList(Membership.panels, base_form_class=MembershipForm)
    related = ("person", "organisation", "role", "network", "on_behalf_of", "area")
    list_display = [
        "member",
        "role",
        "network",
        "on_behalf_of",
        "area",
        "start_date",
        "end_date",
        MembershipStatusColumn(),
    ]
    filterset_class = MembershipFilterSet
    search_fields = [
        "person__name",
        "organisation__name",
        "on_behalf_of__name",
        "role__name",
        "network__name",
    ]
    list_export = [
        "member",
        "role",
        "network",
        "on_behalf_of",
        "area",
        "start_date",
        "end_date",
        "registry_status",
        "get_end_reason_display",
        "appointing_act",
        "popolo_id",
    ]
    export_headings = {
        "member": _("Componente"),
        "registry_status": _("Stato"),
        "get_end_reason_display": _("Motivo della cessazione"),
    }
    export_filename = "appartenenze"

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(registry_status=status_on(timezone.localdate()))
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(column_labels={"member": _("Componente")}, **kwargs)


class PersonViewSet(RegistryViewSet):
    model = Person
    icon = "user"
    menu_label = _("Persone")
    menu_order = 300
    list_display = ["name", "role_email"]
    search_fields = ["name", "role_email"]
    # Only public data: the private contacts never leave the edit form.
    list_export = ["name", "role_email"]
    export_filename = "persone"


class OrganisationViewSet(RegistryViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Enti")
    menu_order = 400
    list_display = ["name", "sector", "kind", "parent", "area"]
    list_filter = ["sector", "kind"]
    list_export = [
        "name",
        "get_sector_display",
        "get_kind_display",
        "parent",
        "area",
        "website",
        "public_email",
        "popolo_id",
    ]
    export_headings = {
        "get_sector_display": _("Settore"),
        "get_kind_display": _("Classificazione"),
    }
    export_filename = "enti"

    def get_queryset(self, request):
        return Organisation.objects.select_related("parent", "area")


class AreaViewSet(RegistryViewSet):
    model = Area
    icon = "globe"
    menu_label = _("Aree")
    menu_order = 500
    list_display = ["name", "kind", "parent", "istat_code"]
    filterset_class = AreaFilterSet
    list_export = ["name", "get_kind_display", "parent", "istat_code", "popolo_id"]
    export_headings = {"get_kind_display": _("Tipo")}
    export_filename = "aree"

    def get_queryset(self, request):
        return Area.objects.select_related("parent")


class RoleViewSet(RegistryViewSet):
    model = Role
    icon = "tag"
    menu_label = _("Ruoli")
    menu_order = 600
    list_display = ["name", "slug"]
    list_export = ["name", "slug", "description"]
    export_filename = "ruoli"


class AttendanceViewSet(NetworkScopedViewSet):
    model = Attendance
    policy = attendance_policy
    icon = "calendar-check"
    menu_label = _("Presenze")
    menu_order = 700
    edit_handler = ObjectList(Attendance.panels, base_form_class=AttendanceForm)
    related = (
        "meeting",
        "membership__person",
        "membership__organisation",
        "membership__role",
        "membership__network",
    )
    list_display = ["membership", "meeting", "status"]
    filterset_class = AttendanceFilterSet
    search_fields = ["membership__person__name", "membership__organisation__name"]


class RegistryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Registro reti")
    menu_icon = "group"
    menu_order = 200
    items = (
        NetworkViewSet,
        MembershipViewSet,
        PersonViewSet,
        OrganisationViewSet,
        AreaViewSet,
        RoleViewSet,
        AttendanceViewSet,
    )
