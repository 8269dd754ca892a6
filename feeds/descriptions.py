"""Plain-text descriptions of the pages in feeds and calendars, in Italian.

Only what the pages publish: titles, dates, places, bodies (networks), never people."""

import html
import re
from datetime import timedelta

from django.utils import dateformat
from django.utils.html import strip_tags
from django.utils.text import Truncator

from cms.call_state import ROME
from cms.models import CallPage, MinutesPage, PlanPage

SUMMARY_WORDS = 60


# Block elements separate words: "<p>a</p><p>b</p>" is "a b", not "ab".
BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|hr|tr|td|th)\b[^>]*>", re.I)


def plain_text(value, words=SUMMARY_WORDS):
    """``value`` (plain or rich text) without markup, on one line, cut at ``words`` words."""
    text = BLOCK_TAG.sub(" ", str(value or ""))
    text = " ".join(html.unescape(strip_tags(text)).split())
    return Truncator(text).words(words, truncate=" …")


def italian_date(day):
    """A day as the site writes it: "4 marzo 2026" (month in lower case)."""
    return dateformat.format(day, "j F Y").lower()


def italian_datetime(instant):
    """An instant in Rome time: "31 marzo 2026, ore 12:00"."""
    local = instant.astimezone(ROME)
    return f"{italian_date(local.date())}, ore {local:%H:%M}"


def summary(page):
    """The intro of ``page``, else the start of its body."""
    return plain_text(getattr(page, "intro", "")) or plain_text(getattr(page, "body", ""))


def deadline_text(call):
    """When applications close, in words; a deadline at 00:00 names the last useful day,
    since "31 March, 00:00" closes at the start of 31 March."""
    deadline = call.application_deadline
    if deadline is None:
        return "Nessuna scadenza per le domande."
    text = f"Scadenza per le domande: {italian_datetime(deadline)}"
    local = deadline.astimezone(ROME)
    if (local.hour, local.minute) == (0, 0):
        last_day = dateformat.format(local.date() - timedelta(days=1), "j F").lower()
        text += f" (ultimo giorno utile: {last_day})"
    return f"{text}."


def meeting_text(page):
    """The meeting of a minutes page: "Ufficio di Piano, seduta del 4 marzo 2026, ore 09:00".

    The body's name comes first, with no preposition: "di" would need the article the name
    takes ("dell'Ufficio di Piano"), which the registry does not know."""
    text = f"{page.meeting_body.name}, seduta del {italian_date(page.meeting_date)}"
    if page.meeting_time:
        text += f", ore {page.meeting_time:%H:%M}"
    if page.place:
        text += f", {page.place}"
    text += "."
    if page.next_meeting_date:
        text += f" Prossima seduta: {italian_date(page.next_meeting_date)}."
    return text


def item_description(page):
    """What a feed says of ``page``: its key facts, then its summary."""
    facts = ""
    if isinstance(page, CallPage):
        facts = (
            f"{deadline_text(page)} Stato: {str(page.state_label).lower()}. Ente: {page.issuer}."
        )
    elif isinstance(page, MinutesPage):
        facts = meeting_text(page)
    elif isinstance(page, PlanPage):
        years = str(page.start_year)
        if page.end_year != page.start_year:
            years += f"–{page.end_year}"
        facts = (
            f"{page.get_kind_display()} {years}, stato: {str(page.get_status_display()).lower()}."
        )
    return " ".join(part for part in (facts, summary(page)) if part)
