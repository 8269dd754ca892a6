"""iCalendar (RFC 5545) text of a list of ``CalendarEvent``: the icalendar package escapes
text, folds lines at 75 octets and ends them with CRLF."""

from datetime import UTC, timedelta

from icalendar import Calendar, Event, Timezone, vText

PRODID = "-//Ufficio di Piano//Calendario delle sedute e delle scadenze//IT"
REFRESH = timedelta(hours=6)

# Rome's rules since 1996 as two yearly rules: calendar apps read this more reliably than
# the list of transitions icalendar would generate from the tz database.
ROME_VTIMEZONE = "\r\n".join(
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Rome",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
        "",
    ]
)


def calendar_bytes(events, *, name, description=""):
    """The calendar ``name`` holding ``events``, as bytes ready to serve."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # Text values wrapped in vText: icalendar escapes only the properties it knows as text.
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    if description:
        calendar.add("description", vText(description))
        calendar.add("x-wr-caldesc", vText(description))
    calendar.add("x-wr-timezone", "Europe/Rome")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    if any(not event.all_day for event in events):
        calendar.add_component(Timezone.from_ical(ROME_VTIMEZONE))
    for event in events:
        calendar.add_component(vevent(event))
    return calendar.to_ical()


def vevent(event):
    component = Event()
    component.add("uid", event.uid)
    component.add("dtstamp", event.stamp.astimezone(UTC))
    component.add("summary", vText(event.summary))
    component.add("dtstart", event.start)
    component.add("dtend", event.end)
    if event.all_day:
        component.add("transp", "TRANSPARENT")
    if event.location:
        component.add("location", vText(event.location))
    if event.url:
        component.add("url", event.url)
    if event.description:
        component.add("description", vText(event.description))
    return component
