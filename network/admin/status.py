"""A membership's standing on a given day, as the admin lists and exports it."""

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("in carica")
    ENDED = "ended", _("cessata")
    EXPIRED = "expired", _("scaduta non chiusa")
    UPCOMING = "upcoming", _("non ancora in carica")


def active_on(day) -> Q:
    """Memberships in office on ``day`` (both bounds inclusive, an unknown bound open)."""
    return (Q(start_date__isnull=True) | Q(start_date__lte=day)) & (
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )


def status_on(day) -> Case:
    """The MembershipStatus value of each row on ``day``, as a database expression.
    A membership past its end date is "cessata" once a reason for the end is recorded,
    "scaduta non chiusa" until then."""
    return Case(
        When(end_date__lt=day, end_reason="", then=Value(MembershipStatus.EXPIRED.value)),
        When(end_date__lt=day, then=Value(MembershipStatus.ENDED.value)),
        When(start_date__gt=day, then=Value(MembershipStatus.UPCOMING.value)),
        default=Value(MembershipStatus.ACTIVE.value),
        output_field=models.CharField(),
    )


def status_label(value) -> str:
    return str(MembershipStatus(value).label) if value in MembershipStatus.values else ""
