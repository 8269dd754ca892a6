"""The moderators' report "Dati personali confermati": every confirmation, filterable by
state (in pubblicazione, scaduti da rivedere, rivisti), kind and date, exportable to CSV.
Confirmations come only from the page form: nobody adds or deletes one here; moderators may
change the expiry date, the state (after review) and a note."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .detectors import KIND_LABELS
from .models import Confirmation


class ReviewOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in ("add", "delete")])


confirmation_policy = ReviewOnlyPermissionPolicy(Confirmation)


class ConfirmationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Stato"), choices=Confirmation.Status.choices, empty_label=_("Tutti")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Tipo di dato"),
        choices=[(label, label) for label in KIND_LABELS.values()],
        field_name="kinds",
        lookup_expr="icontains",
        empty_label=_("Tutti"),
    )
    confirmed_at = django_filters.DateFromToRangeFilter(
        label=_("Confermato il"), widget=DateRangePickerWidget
    )
    expires_at = django_filters.DateFromToRangeFilter(
        label=_("Pubblicabile fino al"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Confirmation
        fields = ["status"]


class ConfirmationViewSet(ModelViewSet):
    model = Confirmation
    icon = "warning"
    menu_label = _("Dati personali confermati")
    menu_order = 320
    add_to_admin_menu = True
    name = "privacy_confirmation"
    url_prefix = "privacy/confirmations"
    permission_policy = confirmation_policy
    filterset_class = ConfirmationFilterSet
    list_display = ["object_title", "kinds", "user", "confirmed_at", "expires_at", "status"]
    list_export = [
        "object_title",
        "object_id",
        "kinds",
        "findings_summary",
        "reason",
        "user",
        "confirmed_at",
        "revision_id",
        "expires_at",
        "status",
        "expired_at",
        "review_note",
    ]
    export_filename = "dati-personali-confermati"
    search_fields = ["object_title", "reason", "kinds"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("expires_at"), FieldPanel("status"), FieldPanel("review_note")]
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)

    def get_urlpatterns(self):
        # No add: confirmations come from the page form. Delete stays routed (the edit view
        # links it) but the permission policy refuses it to everyone: they are the record.
        keep = {"index", "index_results", "edit", "delete", "history", "history_results", "usage"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]
