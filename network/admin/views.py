"""Admin views of the registry: the snippet views narrowed to the user's networks, the
composition page of a network and its attendance sheet."""

from itertools import groupby

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser, snippets

from network.gaps import find_gaps
from network.matrix import representation_matrix
from network.models import Membership, Network

from .attendance import meetings_of, members_at, record_attendance, recorded_statuses
from .forms import AttendanceSheetForm
from .gap_display import gap_rows
from .permissions import (
    ANY_ACTION,
    NetworkScopedPermissionPolicy,
    attendance_policy,
    can_record_attendance,
    can_see_members,
    networks_with_visible_members,
)
from .status import active_on, status_label


class InstancePermissionMixin:
    """Refuse the view when the user may not act on this very row (Wagtail's generic views
    check only the model permission)."""

    instance_actions = ("change",)

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, self.instance_actions, instance
        ):
            raise PermissionDenied
        return instance


class ScopedEditView(InstancePermissionMixin, snippets.EditView):
    instance_actions = ("change",)


class ScopedDeleteView(InstancePermissionMixin, snippets.DeleteView):
    instance_actions = ("delete",)


class ScopedHistoryView(InstancePermissionMixin, snippets.HistoryView):
    instance_actions = ("add", "change", "delete")


class ScopedUsageView(InstancePermissionMixin, snippets.UsageView):
    instance_actions = ("change", "view")


class ScopedRevisionsCompareView(InstancePermissionMixin, snippets.RevisionsCompareView):
    instance_actions = ("change",)


class RegistryChooserMixin:
    """Wagtail's choosers ask for no permission at all. The registry's ask for what its
    listings ask (any permission on the model), and offer and return only the rows the
    listing shows (the user's networks for memberships and attendance): a page editor
    cannot read the directory of people through a chooser, nor a coordinator another
    network's rows."""

    related = ()

    def dispatch(self, request, *args, **kwargs):
        if not self.registry_policy.user_has_any_permission(request.user, ANY_ACTION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def registry_policy(self):
        return policy_registry.get_by_type(self.model_class) or ModelPermissionPolicy(
            self.model_class
        )

    def visible_rows(self):
        policy = self.registry_policy
        if isinstance(policy, NetworkScopedPermissionPolicy):
            rows = policy.instances_user_has_any_permission_for(self.request.user, ANY_ACTION)
        else:
            rows = self.model_class._default_manager.all()
        return rows.select_related(*self.related)


class RegistryChooseView(RegistryChooserMixin, chooser.ChooseView):
    def get_object_list(self):
        return self.visible_rows()


class RegistryChooseResultsView(RegistryChooserMixin, chooser.ChooseResultsView):
    def get_object_list(self):
        return self.visible_rows()


class RegistryChosenView(RegistryChooserMixin, chooser.SnippetChosenView):
    def get_object(self, pk):
        return self.visible_rows().get(pk=pk)


class RegistryChosenMultipleView(RegistryChooserMixin, chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.visible_rows().filter(pk__in=pks)


class RegistryChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = RegistryChooseView
    choose_results_view_class = RegistryChooseResultsView
    chosen_view_class = RegistryChosenView
    chosen_multiple_view_class = RegistryChosenMultipleView
    related = ()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(related=self.related, **kwargs)


class MembershipChooserViewSet(RegistryChooserViewSet):
    related = ("person", "organisation", "role", "network")


class LabelledIndexView(snippets.IndexView):
    """Italian headings for columns that show a model property rather than a field."""

    column_labels = {}

    def _get_custom_column(self, field_name, *args, **kwargs):
        column = super()._get_custom_column(field_name, *args, **kwargs)
        if field_name in self.column_labels:
            column.label = self.column_labels[field_name]
        return column


class MembershipIndexView(LabelledIndexView):
    # The status is annotated as a code; people read it in Italian.
    custom_field_preprocess = {
        "registry_status": {"csv": status_label, "xlsx": status_label},
    }


def parse_as_of(value):
    """The day asked for in ``?as_of=YYYY-MM-DD`` and an error message, or today."""
    today = timezone.localdate()
    if not value:
        return today, None
    try:
        day = parse_date(value)
    except ValueError:
        day = None
    if day is None:
        return today, _(
            "La data «%(value)s» non è valida (usare il formato AAAA-MM-GG): "
            "si mostra la situazione di oggi."
        ) % {"value": value[:40]}
    return day, None


class NetworkAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.network = get_object_or_404(Network, pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_open():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_may_open(self):
        return can_see_members(self.request.user, self.network)

    def get_page_subtitle(self):
        return self.network.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_network_network:list"), "label": _("Reti")},
            {"url": self.composition_url, "label": self.network.name},
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def composition_url(self):
        return reverse("network_composition", args=[self.network.pk])


class CompositionView(NetworkAdminView):
    template_name = "network/admin/composition.html"

    def get_page_title(self):
        return _("Composizione")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_network_network:list"), "label": _("Reti")},
            {"url": "", "label": _("Composizione"), "sublabel": self.network.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        as_of, date_error = parse_as_of(self.request.GET.get("as_of", ""))
        members = (
            Membership.objects.filter(network=self.network)
            .filter(active_on(as_of))
            .select_related("person", "organisation", "role", "on_behalf_of", "area")
            .order_by("role__name", "person__name", "organisation__name", "pk")
        )
        may_record = can_record_attendance(self.request.user, self.network)
        context.update(
            network=self.network,
            as_of=as_of,
            is_today=as_of == timezone.localdate(),
            date_error=date_error,
            roles=[(role, list(group)) for role, group in groupby(members, lambda m: m.role)],
            gaps=gap_rows(find_gaps(as_of, networks=[self.network])),
            matrix=representation_matrix(
                as_of, networks=networks_with_visible_members(self.request.user)
            ),
            meetings=list(meetings_of(self.network)[:50]) if may_record else [],
            may_record=may_record,
            edit_url=reverse("wagtailsnippets_network_network:edit", args=[self.network.pk])
            if self.request.user.has_perm("network.change_network")
            else None,
            memberships_url=reverse("wagtailsnippets_network_membership:list")
            + f"?network={self.network.pk}",
        )
        return context


class AttendanceSheetView(NetworkAdminView):
    template_name = "network/admin/attendance_sheet.html"

    def user_may_open(self):
        return can_record_attendance(self.request.user, self.network)

    def get_page_title(self):
        return _("Registra presenze")

    @cached_property
    def meeting(self):
        meeting_id = self.request.GET.get("seduta", "")
        if not meeting_id.isdigit():
            return None
        return get_object_or_404(meetings_of(self.network), pk=int(meeting_id))

    def get_form(self):
        memberships = list(members_at(self.meeting))
        return AttendanceSheetForm(
            self.request.POST if self.request.method == "POST" else None,
            memberships=memberships,
            recorded=recorded_statuses(self.meeting, memberships),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            network=self.network,
            meeting=self.meeting,
            meetings=meetings_of(self.network) if self.meeting is None else [],
            composition_url=self.composition_url,
        )
        if self.meeting is not None and "form" not in context:
            context["form"] = self.get_form()
        return context

    def post(self, request, *args, **kwargs):
        if self.meeting is None:
            return redirect(request.path)
        form = self.get_form()
        if not form.is_valid():
            messages.error(request, _("Le presenze non sono state salvate: correggere gli errori."))
            return self.render_to_response(self.get_context_data(form=form))
        changed = record_attendance(
            self.meeting,
            form.statuses(),
            user=request.user,
            allow_delete=attendance_policy.user_has_permission(request.user, "delete"),
        )
        messages.success(
            request,
            ngettext(
                "Presenze salvate per la seduta del %(date)s (%(count)d modifica).",
                "Presenze salvate per la seduta del %(date)s (%(count)d modifiche).",
                changed,
            )
            % {"date": self.meeting.meeting_date.strftime("%d/%m/%Y"), "count": changed},
        )
        return redirect(f"{self.composition_url}?as_of={self.meeting.meeting_date.isoformat()}")
