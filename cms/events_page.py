"""What the events page shows: the public calendar's meetings and call deadlines
(feeds/events.py), split into the coming ones and those of the last days."""

from django.utils import timezone

from feeds.events import calendar_events, sort_instant


def upcoming_and_recent(page, request, now=None):
    """(coming events in order, recent past events latest first) of the site ``page`` is in."""
    from feeds import publications

    now = now or timezone.now()
    root = publications.site_root(request)
    events = calendar_events(
        root,
        publications.site_hostname(request),
        lambda source: source.get_url(request),
        today=timezone.localdate(now),
    )
    upcoming = [event for event in events if sort_instant(event.end) >= now]
    recent = [event for event in events if sort_instant(event.end) < now]
    return upcoming, list(reversed(recent))
