"""Grants in the admin (Impostazioni > Atti di concessione): list, filters, CSV/XLSX export.

The admin sees the beneficiary's name, hardship or not: the rule of art. 26 c. 4 is about
what is published.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import GrantForm
from .models import Grant

GRANT_ACTIONS = {"add", "change", "delete", "publish", "view"}


class GrantStaffOnly:
    """Wagtail's choosers ask for no permission; this one asks for what the grants' listing
    asks, so registry staff cannot read beneficiaries' names through it."""

    def dispatch(self, request, *args, **kwargs):
        if not ModelPermissionPolicy(Grant).user_has_any_permission(request.user, GRANT_ACTIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GrantChooseView(GrantStaffOnly, chooser.ChooseView):
    pass


class GrantChooseResultsView(GrantStaffOnly, chooser.ChooseResultsView):
    pass


class GrantChosenView(GrantStaffOnly, chooser.SnippetChosenView):
    pass


class GrantChosenMultipleView(GrantStaffOnly, chooser.SnippetChosenMultipleView):
    pass


class GrantChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = GrantChooseView
    choose_results_view_class = GrantChooseResultsView
    chosen_view_class = GrantChosenView
    chosen_multiple_view_class = GrantChosenMultipleView


class GrantViewSet(SnippetViewSet):
    model = Grant
    icon = "doc-full"
    menu_label = _("Atti di concessione")
    menu_order = 300
    add_to_admin_menu = True
    search_backend_name = None
    search_fields = ["beneficiary_name", "protocol_number", "legal_basis"]
    chooser_viewset_class = GrantChooserViewSet
    edit_handler = ObjectList(Grant.panels, base_form_class=GrantForm)
    list_display = [
        "beneficiary_name",
        "amount",
        "granted_on",
        "reveals_hardship",
        "live",
        "expire_at",
    ]
    # "Scaduto": withdrawn at the end of its publication period, to be reviewed.
    list_filter = ["granted_on", "beneficiary_kind", "reveals_hardship", "live", "expired", "call"]
    list_export = [
        "granted_on",
        "beneficiary_name",
        "get_beneficiary_kind_display",
        "beneficiary_tax_code",
        "reveals_hardship",
        "protocol_number",
        "public_beneficiary",
        "amount",
        "legal_basis",
        "office",
        "official",
        "selection_method",
        "call",
        "project_url",
        "live",
        "expire_at",
        "expired",
    ]
    export_headings = {
        "get_beneficiary_kind_display": _("Tipo di beneficiario"),
        "public_beneficiary": _("Beneficiario come pubblicato"),
        "reveals_hardship": _("Rivela salute o disagio"),
        "live": _("Pubblicato"),
        "expire_at": _("Fine della pubblicazione"),
        "expired": _("Scaduto"),
    }
    export_filename = "atti-di-concessione"
    ordering = ["-granted_on", "-pk"]
