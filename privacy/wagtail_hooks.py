from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from . import guard
from .admin import ConfirmationViewSet, confirmation_policy
from .admin_publishing import GuardedPageViewSet, GuardedPublishBulkAction
from .models import Confirmation
from .publishing import GuardedPublishPageRevisionAction

register_permission_policy(Confirmation, confirmation_policy)


@hooks.register("register_admin_viewset")
def register_privacy_viewsets():
    # GuardedPageViewSet: for every page type, after Wagtail's own (registered at order -1).
    return [ConfirmationViewSet(), GuardedPageViewSet()]


# In place of Wagtail's bulk «Pubblica» (same action type, registered later).
hooks.register("register_bulk_action", GuardedPublishBulkAction, order=100)


@hooks.register("register_actions", order=100)
def register_guarded_publish(registry):
    # API v3's actions/publish takes the page publish action from this registry.
    registry.register(Page, GuardedPublishPageRevisionAction)


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        guard.CONFIRM_ACTION,
        _("Dati personali: conferma"),
        _("Pubblicazione di dati personali confermata"),
    )
    actions.register_action(
        guard.HOLD_ACTION,
        _("Dati personali: pubblicazione trattenuta"),
        _("Pubblicazione programmata trattenuta: dati personali non confermati"),
    )
    actions.register_action(
        guard.EXPIRE_ACTION,
        _("Dati personali: ritiro alla scadenza"),
        _("Ritirata alla scadenza della pubblicazione dei dati personali"),
    )


@hooks.register("before_publish_page")
def guard_admin_publish(request, page):
    """The admin's create and edit views publish with Wagtail's action directly, after the
    form (privacy/forms.py) has asked for the confirmation. Here a page created and
    published at once gets its confirmation recorded (it has an id only now), and anything
    the form did not see is stopped: the revision stays a draft."""
    pending = getattr(page, "_privacy_pending_confirmation", None)
    if pending:
        guard.confirm(page, **pending)
        page._privacy_pending_confirmation = None
    missing = guard.unconfirmed(page, guard.findings_for(page))
    if missing:
        messages.error(request, str(guard.UnconfirmedPersonalData(missing).args[0]))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
