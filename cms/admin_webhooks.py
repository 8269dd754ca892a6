"""The log of publish webhooks in the admin (Impostazioni → Notifiche webhook): a read-only
listing with filters, search, export and an inspect view. Deliveries are made by the system,
so nobody adds, changes or deletes them here; superusers and users with the "view"
permission read them."""

import django_filters
from django.contrib.auth import get_permission_codename
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cms.models import WebhookDelivery
from cms.models.webhooks import EVENT_LABELS


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only the "view" permission counts, even for superusers."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(["view"])


webhook_delivery_policy = ReadOnlyPermissionPolicy(WebhookDelivery)


class WebhookDeliveryFilterSet(WagtailFilterSet):
    event = django_filters.ChoiceFilter(label=_("evento"), choices=list(EVENT_LABELS.items()))
    created_at = django_filters.DateFromToRangeFilter(
        label=_("creato il"), widget=DateRangePickerWidget
    )

    class Meta:
        model = WebhookDelivery
        fields = ["status", "event", "created_at"]


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "link-external"
    menu_label = _("Notifiche webhook")
    add_to_settings_menu = True
    menu_order = 900
    name = "webhook_deliveries"

    list_display = [
        "event",
        "status",
        "url",
        "attempts",
        "last_status_code",
        "last_error",
        "created_at",
        "delivered_at",
    ]
    filterset_class = WebhookDeliveryFilterSet
    # Plain ORM search: deliveries are not in the search index.
    search_backend_name = None
    search_fields = ["url"]
    ordering = ["-created_at", "-pk"]
    list_export = [
        "pk",
        "get_event_display",
        "page_id",
        "url",
        "get_status_display",
        "attempts",
        "last_status_code",
        "last_error",
        "created_at",
        "delivered_at",
    ]
    export_headings = {
        "pk": "ID",
        "get_event_display": _("Evento"),
        "get_status_display": _("Esito"),
    }
    export_filename = "notifiche-webhook"

    inspect_view_enabled = True
    inspect_view_fields = [
        "event",
        "status",
        "page_id",
        "url",
        "attempts",
        "last_status_code",
        "last_error",
        "created_at",
        "delivered_at",
        "payload",
    ]
    copy_view_enabled = False

    def get_urlpatterns(self):
        # No add, edit, delete, copy, history or usage screens: the log is written by the system.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename=get_permission_codename("view", self.model_opts))
        )
