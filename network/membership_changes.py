"""Creating, changing and ending memberships outside the admin (the JSON API), with the
admin's rules: the model permission, the user's own networks only, the model's validation
(one member, dates in order, no overlapping seat) and a revision with a history entry, done
by Wagtail's CreateAction / EditAction.

A coordinator may touch a membership only if its network is theirs before and after the
change: moving a seat into, or out of, another network is refused.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction

from .admin.permissions import managed_network_ids
from .models import EndReason, Membership

# What a caller may set; the keys are Membership field names (foreign keys by id).
EDITABLE = (
    "network_id",
    "person_id",
    "organisation_id",
    "role_id",
    "on_behalf_of_id",
    "area_id",
    "start_date",
    "end_date",
    "end_reason",
    "appointing_act",
)


def _check_network(user, network_id):
    ids = managed_network_ids(user)
    if ids is not None and network_id not in ids:
        raise PermissionDenied(_("Puoi modificare solo le appartenenze delle reti che coordini."))


def _saved(action):
    """Run ``action``; an overlap refused by the database (PostgreSQL exclusion constraint,
    SQLite trigger, when two requests race) becomes the same error as the model's own."""
    try:
        with transaction.atomic():
            return action.execute()
    except IntegrityError as error:
        raise ValidationError(
            _("Questo componente ha già questo ruolo in questa rete in date che si sovrappongono."),
            code="overlap",
        ) from error


def create_membership(user, values: dict) -> Membership:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"campi non modificabili: {sorted(unknown)}")
    membership = Membership(**values)
    _check_network(user, membership.network_id)
    return _saved(CreateAction(membership, user=user))


def change_membership(user, membership: Membership, values: dict) -> Membership:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"campi non modificabili: {sorted(unknown)}")
    _check_network(user, membership.network_id)
    for name, value in values.items():
        setattr(membership, name, value)
    _check_network(user, membership.network_id)
    return _saved(EditAction(membership, user=user))


def end_membership(user, membership: Membership, end_date: date, end_reason: str) -> Membership:
    """Close a seat: its last day and why it ended (the gap engine's expiry rule wants both)."""
    if end_reason not in EndReason.values:
        raise ValidationError({"end_reason": _("Motivo della cessazione non valido.")})
    return change_membership(user, membership, {"end_date": end_date, "end_reason": end_reason})
