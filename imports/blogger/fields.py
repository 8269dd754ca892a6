"""The field values of the page a Blogger post becomes.

Defaults for what a post cannot say (docs/imports.md lists them):

* every page: the original publication date is ``first_published_at`` and
  ``last_published_at``; labels are tags; ``intro`` (sommario) stays empty;
* NewsPage: ``date`` is the day of publication (Rome time);
* MinutesPage: ``meeting_date`` from the title (without a year in the title: the last such
  day on or before publication; without a date: the day of publication); ``meeting_body``
  is the network named by the rule (``ufficio-di-piano``); time and place of the meeting
  stay empty; next meeting (date, time, place) from a sentence "Il prossimo … sarà …";
* CallPage: ``issuer`` is the body's name (Impostazioni > Ente, else "Ufficio di Piano"),
  ``call_type`` "Altro", the application deadline from a sentence "entro il …" /
  "scadenza …" if there is one, every other date empty;
* PlanPage: ``kind`` from the title (Piano di Zona, Piano Operativo, else "altro"), the
  years from the title ("2018-2020", "2015/17", "2017"; else the year of publication),
  ``status`` "approvato" unless the title says "bozza" or "consultazione";
* NewsPage about a plan (rule option ``related_plan``): ``related_plan`` is the plan of the
  kind the title names covering the year in the title, else the year of publication
  (``plan_for_news``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from cms.call_state import end_of_day
from cms.models import (
    CallPage,
    CallType,
    MinutesPage,
    NewsPage,
    PlanKind,
    PlanPage,
    PlanStatus,
)
from imports import italian_dates

ROME = ZoneInfo("Europe/Rome")
TITLE_LENGTH = 255
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)?\d{2}))?(?!\d)")


@dataclass
class Context:
    """What the fields need besides the post: the meeting body of each rule, the issuer."""

    networks: dict  # slug → Network
    issuer: str


def local_date(moment: datetime):
    return moment.astimezone(ROME).date()


def page_values(model, title, published, body, text, rule_options, context):
    """Field values for a page of ``model`` (NewsPage, MinutesPage, CallPage, PlanPage or
    StandardPage) from a post."""
    values = {"title": title[:TITLE_LENGTH], "body": body}
    day = local_date(published)
    if model is NewsPage:
        values["date"] = day
    elif model is MinutesPage:
        values.update(minutes_values(title, day, text, rule_options, context))
    elif model is CallPage:
        values.update(call_values(day, text, context))
    elif model is PlanPage:
        values.update(plan_values(title, day))
    return values


def minutes_values(title, day, text, rule_options, context):
    meeting_date = italian_dates.find_date(title, before=day) or day
    values = {
        "meeting_body": context.networks.get(rule_options.get("body")),
        "meeting_date": meeting_date,
        "next_meeting_date": None,
        "next_meeting_time": None,
        "next_meeting_place": "",
    }
    found = italian_dates.find_next_meeting(text, after=meeting_date)
    if found is not None:
        values.update(
            next_meeting_date=found.date,
            next_meeting_time=found.time,
            next_meeting_place=found.place,
        )
    return values


def call_values(day, text, context):
    values = {"issuer": context.issuer, "call_type": CallType.OTHER, "application_deadline": None}
    found = italian_dates.find_deadline(text, after=day)
    if found is not None and found.date >= day:
        if found.time is not None:
            values["application_deadline"] = datetime.combine(found.date, found.time, ROME)
        else:
            values["application_deadline"] = end_of_day(found.date)
    return values


def plan_kind(title):
    lowered = title.lower()
    if "piano di zona" in lowered:
        return PlanKind.PIANO_DI_ZONA
    if "piano operativo" in lowered:
        return PlanKind.PIANO_OPERATIVO
    return PlanKind.OTHER


def plan_values(title, day):
    lowered = title.lower()
    kind = plan_kind(title)
    start, end = plan_years(title, day.year)
    if "consultazione" in lowered:
        status = PlanStatus.CONSULTATION
    elif "bozza" in lowered:
        status = PlanStatus.DRAFT
    else:
        status = PlanStatus.APPROVED
    return {"kind": kind, "start_year": start, "end_year": end, "status": status}


def plan_years(title, default_year):
    """(start, end) from "2018-2020", "2015/17" or "2017" in ``title``."""
    match = _YEARS.search(title)
    if match is None:
        return default_year, default_year
    start = int(match[1])
    if not match[2]:
        return start, start
    end = int(match[2])
    if end < 100:
        end += start // 100 * 100
    return (start, end) if end >= start else (start, start)


def plan_for_news(title, day, plans):
    """The id of the plan a news item titled ``title``, published on ``day``, speaks of:
    among ``plans`` ((id, kind, start_year, end_year) rows), one of the kind the title names
    whose period covers the first year in the title, else the year of ``day``; of several,
    the one that started last. None when no plan fits."""
    kind = plan_kind(title)
    year = plan_years(title, day.year)[0]
    fitting = [
        (start, pk)
        for pk, kind_of_plan, start, end in plans
        if kind_of_plan == kind and start <= year <= end
    ]
    return max(fitting)[1] if fitting else None
