from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin.attendance import ATTENDANCE_LOG_ACTION
from .admin.panels import NetworkGapsPanel
from .admin.permissions import attendance_policy, membership_policy
from .admin.urls import urlpatterns
from .admin.viewsets import RegistryViewSetGroup
from .models import Attendance, Membership

# Before the viewsets are registered, or Wagtail falls back to plain model permissions.
register_permission_policy(Membership, membership_policy)
register_permission_policy(Attendance, attendance_policy)

register_snippet(RegistryViewSetGroup)


@hooks.register("register_admin_urls")
def register_registry_urls():
    return urlpatterns


@hooks.register("construct_homepage_panels")
def add_network_gaps_panel(request, panels):
    if NetworkGapsPanel.is_shown_to(request.user):
        panels.append(NetworkGapsPanel(request))


@hooks.register("register_log_actions")
def register_attendance_log_action(actions):
    @actions.register_action(ATTENDANCE_LOG_ACTION)
    class AttendanceRecorded(LogFormatter):
        label = _("Registrazione presenze")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            try:
                day = date_format(date.fromisoformat(data["date"]), "j F Y")
            except (KeyError, TypeError, ValueError):
                return _("Presenze registrate")
            return _(
                "Presenze registrate per la seduta del %(date)s: %(present)d presenti, "
                "%(absent)d assenti, %(excused)d giustificati"
            ) % {
                "date": day,
                "present": data.get("present", 0),
                "absent": data.get("absent", 0),
                "excused": data.get("excused", 0),
            }
