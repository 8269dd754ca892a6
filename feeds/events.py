"""The events of the public calendar: meetings of the networks and call deadlines.

A meeting is one body on one day, whether a minutes page announced it (its "next meeting"
fields) or records it (its own meeting date); its UID is built from the two, so the
announcement and, later, the minutes are one event and re-subscribing never duplicates it.
A deadline's UID is the call's, so a postponed deadline moves the same event."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from cms.call_state import ROME, end_of_day, start_of_day
from cms.models import CallPage, MinutesPage

from .descriptions import deadline_text, italian_date
from .publications import visible

PAST_DAYS = 30
FUTURE_DAYS = 365
DEADLINE_LENGTH = timedelta(minutes=30)  # a deadline shows as the half hour before it


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: date | datetime  # a date: an all-day event
    end: date | datetime
    stamp: datetime  # when the source page was last published
    url: str = ""
    location: str = ""
    description: str = ""

    @property
    def all_day(self):
        return not isinstance(self.start, datetime)


@dataclass(frozen=True)
class Window:
    first: date
    last: date

    @classmethod
    def around(cls, today=None):
        today = today or timezone.localdate(timezone=ROME)
        return cls(today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS))


def stamp_of(page):
    """DTSTAMP of an event from ``page``: its last publication; a page made live by a script
    has none, and DTSTAMP is required."""
    return (
        page.last_published_at
        or page.first_published_at
        or page.latest_revision_created_at
        or timezone.now()
    )


def meeting_times(day, at):
    """Start and end of a meeting on ``day`` at ``at`` (None: the whole day)."""
    if at is None:
        return day, day + timedelta(days=1)
    start = datetime.combine(day, at, tzinfo=ROME)
    # The minutes record no end time: two hours is what a calendar shows.
    return start, start + timedelta(hours=2)


def meeting_events(root, window, hostname, url_of, network=None, today=None):
    """One event per body and day in ``window``, from the minutes that record or announce it.

    The minutes of the meeting itself win over announcements; among announcements, the most
    recently published one."""
    today = today or timezone.localdate(timezone=ROME)
    minutes = visible(MinutesPage, root).select_related("meeting_body")
    if network is not None:
        minutes = minutes.filter(meeting_body=network)
    held = minutes.filter(meeting_date__range=(window.first, window.last))
    announced = minutes.filter(next_meeting_date__range=(window.first, window.last))

    meetings = {}
    for page in announced.order_by("last_published_at", "pk"):
        meetings[(page.meeting_body_id, page.next_meeting_date)] = (
            page,
            page.next_meeting_time,
            page.next_meeting_place,
            f"Annunciata nel verbale: {page.title}.",
        )
    for page in held.order_by("last_published_at", "pk"):
        meetings[(page.meeting_body_id, page.meeting_date)] = (
            page,
            page.meeting_time,
            page.place,
            f"Verbale della seduta: {page.title}.",
        )

    events = []
    for (body_id, day), (page, at, place, note) in meetings.items():
        start, end = meeting_times(day, at)
        label = "Prossima seduta" if day >= today else "Seduta"
        events.append(
            CalendarEvent(
                uid=f"seduta-{body_id}-{day:%Y%m%d}@{hostname}",
                summary=f"{label}: {page.meeting_body.name}",
                start=start,
                end=end,
                stamp=stamp_of(page),
                url=url_of(page),
                location=place,
                description=f"{page.meeting_body.name}, seduta del {italian_date(day)}. {note}",
            )
        )
    return events


def deadline_events(root, window, hostname, url_of, network=None, today=None):
    """The application deadlines in ``window`` of calls that are not cancelled; with
    ``network``, the calls linked to it."""
    today = today or timezone.localdate(timezone=ROME)
    calls = (
        visible(CallPage, root)
        .filter(application_deadline__gte=start_of_day(window.first))
        .filter(application_deadline__lt=end_of_day(window.last))
        .exclude(cancelled_on__lte=today)
    )
    if network is not None:
        calls = calls.filter(related_networks=network)
    events = []
    for call in calls.order_by("application_deadline", "pk"):
        deadline = call.application_deadline.astimezone(ROME)
        events.append(
            CalendarEvent(
                uid=f"scadenza-bando-{call.pk}@{hostname}",
                summary=f"Scadenza bando: {call.title}",
                start=deadline - DEADLINE_LENGTH,
                end=deadline,
                stamp=stamp_of(call),
                url=url_of(call),
                description=f"{deadline_text(call)} Ente: {call.issuer}.",
            )
        )
    return events


def calendar_events(root, hostname, url_of, network=None, today=None):
    """Meetings and deadlines of the window around ``today``, in order of start."""
    today = today or timezone.localdate(timezone=ROME)
    window = Window.around(today)
    events = meeting_events(root, window, hostname, url_of, network, today)
    events += deadline_events(root, window, hostname, url_of, network, today)
    return sorted(events, key=lambda event: (sort_instant(event.start), event.uid))


def sort_instant(value):
    return value if isinstance(value, datetime) else start_of_day(value)
