"""The state of a call (bando), computed from its dates, never stored.

Rules, evaluated at an aware instant ``now``:

1. cancelled, from the day it was cancelled (``cancelled_on``);
2. awarded, from the day the award was published (``awarded_on``);
3. scheduled, until the opening instant;
4. open, until the application deadline instant (a deadline "at midnight" of 31 March
   means 31 March 00:00 in Rome: a call closes at the instant written, never a day later);
5. in evaluation, after the deadline, until the end of the procedure closing day;
6. closed, from the first instant after the closing day in Rome (00:00 of the day after,
   whatever the DST offset of that night).

Days are Europe/Rome days, whatever the server clock's zone is. ``state_q`` expresses the
same rules as a database filter so listings can filter by state without loading every call.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ROME = ZoneInfo("Europe/Rome")

SCHEDULED = "scheduled"
OPEN = "open"
IN_EVALUATION = "in_evaluation"
CLOSED = "closed"
AWARDED = "awarded"
CANCELLED = "cancelled"

STATE_LABELS = {
    SCHEDULED: _("In programma"),
    OPEN: _("Aperto"),
    IN_EVALUATION: _("In valutazione"),
    CLOSED: _("Chiuso"),
    AWARDED: _("Aggiudicato"),
    CANCELLED: _("Annullato"),
}
STATE_CHOICES = list(STATE_LABELS.items())


@dataclass(frozen=True)
class CallDates:
    opening: datetime | None = None
    application_deadline: datetime | None = None
    closing_date: date | None = None
    awarded_on: date | None = None
    cancelled_on: date | None = None


def start_of_day(day: date) -> datetime:
    """The first instant of ``day`` in Rome, as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=ROME)


def end_of_day(day: date) -> datetime:
    """The first instant after ``day`` in Rome (00:00 of the next day, DST-safe)."""
    return start_of_day(day + timedelta(days=1))


def call_state(dates: CallDates, now: datetime) -> str:
    """Return the state key of a call with ``dates`` at the aware instant ``now``."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if dates.cancelled_on and now >= start_of_day(dates.cancelled_on):
        return CANCELLED
    if dates.awarded_on and now >= start_of_day(dates.awarded_on):
        return AWARDED
    if dates.opening and now < dates.opening:
        return SCHEDULED
    if dates.application_deadline is None or now < dates.application_deadline:
        if dates.closing_date and now >= end_of_day(dates.closing_date):
            return CLOSED
        return OPEN
    if dates.closing_date is None or now < end_of_day(dates.closing_date):
        return IN_EVALUATION
    return CLOSED


def state_q(state: str, now: datetime) -> Q:
    """A filter on CallPage fields selecting exactly the calls that ``call_state`` puts in ``state``.

    Date fields compare against the Rome day of ``now``: a date ``d`` is "reached" at the
    start of ``d`` (``d <= today``) and "over" at the end of ``d`` (``d < today``).
    """
    today = now.astimezone(ROME).date()
    cancelled = Q(cancelled_on__isnull=False, cancelled_on__lte=today)
    awarded = Q(awarded_on__isnull=False, awarded_on__lte=today)
    scheduled = Q(opening__isnull=False, opening__gt=now)
    before_deadline = Q(application_deadline__isnull=True) | Q(application_deadline__gt=now)
    closing_over = Q(closing_date__isnull=False, closing_date__lt=today)
    live = ~cancelled & ~awarded & ~scheduled
    if state == CANCELLED:
        return cancelled
    if state == AWARDED:
        return ~cancelled & awarded
    if state == SCHEDULED:
        return ~cancelled & ~awarded & scheduled
    if state == OPEN:
        return live & before_deadline & ~closing_over
    if state == IN_EVALUATION:
        return live & ~before_deadline & ~closing_over
    if state == CLOSED:
        return live & closing_over
    raise ValueError(f"unknown call state: {state}")


def date_order_errors(
    *,
    opening=None,
    questions_deadline=None,
    application_deadline=None,
    closing_date=None,
    awarded_on=None,
) -> dict[str, str]:
    """Field errors for dates in an impossible order; empty when the dates are consistent."""
    errors = {}
    if opening and application_deadline and application_deadline <= opening:
        errors["application_deadline"] = _("La scadenza deve essere successiva all'apertura.")
    if questions_deadline and opening and questions_deadline < opening:
        errors["questions_deadline"] = _(
            "Il termine per i chiarimenti non può precedere l'apertura."
        )
    if questions_deadline and application_deadline and questions_deadline > application_deadline:
        errors["questions_deadline"] = _(
            "Il termine per i chiarimenti non può seguire la scadenza delle domande."
        )
    if closing_date and application_deadline and (end_of_day(closing_date) <= application_deadline):
        errors["closing_date"] = _(
            "La chiusura del procedimento non può precedere la scadenza delle domande."
        )
    if closing_date and opening and end_of_day(closing_date) <= opening:
        errors["closing_date"] = _("La chiusura del procedimento non può precedere l'apertura.")
    if awarded_on and opening and end_of_day(awarded_on) <= opening:
        errors["awarded_on"] = _("L'aggiudicazione non può precedere l'apertura.")
    return errors
