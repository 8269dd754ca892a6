"""Dates and times written in Italian prose, as old posts write them: pure functions.

"Verbale ufficio di piano - 15 marzo 2017", "mercoledì 1° febbraio alle ore 9.30 presso la
sede di via Manini", "entro le ore 12 del 31/03/2017". Weekday optional, day with or without
"°", month by name or number, year optional (then inferred from a reference date), accents
and capitals as they come ("MERCOLEDI'", "mercoledí").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

MONTHS = {
    "gennaio": 1,
    "febbraio": 2,
    "marzo": 3,
    "aprile": 4,
    "maggio": 5,
    "giugno": 6,
    "luglio": 7,
    "agosto": 8,
    "settembre": 9,
    "ottobre": 10,
    "novembre": 11,
    "dicembre": 12,
}
# Monday is 0, as date.weekday(); the keys are the weekday names without accent.
WEEKDAYS = {
    "lunedi": 0,
    "martedi": 1,
    "mercoledi": 2,
    "giovedi": 3,
    "venerdi": 4,
    "sabato": 5,
    "domenica": 6,
}

# "lunedì", "lunedi", "lunedí", "lunedi'" (the apostrophe of old keyboards).
_WEEKDAY = r"(?P<weekday>(?:lun|mart|mercol|giov|vener)ed[iìí]['’]?|sabato|domenica)"
_MONTH_NAME = "|".join(MONTHS)
# A day of the month: "1", "01", "1°", "1º".
_DAY = r"(?P<day>[0-3]?\d)\s*[°º]?"
_NAMED = rf"{_DAY}\s+(?P<month>{_MONTH_NAME})(?:\s+(?:del\s+)?(?P<year>\d{{4}}))?"
_NUMERIC = r"(?P<nday>[0-3]?\d)\s*[/.\-]\s*(?P<nmonth>[01]?\d)\s*[/.\-]\s*(?P<nyear>\d{4}|\d{2})\b"
DATE_PATTERN = rf"(?:{_WEEKDAY}\s*,?\s+)?(?:{_NAMED}|{_NUMERIC})"


def _time_pattern(prefix=""):
    """ "alle 9", "alle ore 9.30", "ore 9:30", "h. 9"; groups ``<prefix>hour``/``minute``."""
    return (
        r"(?:alle\s+ore|alle|dalle\s+ore|dalle|ore|h\.?)\s*"
        rf"(?P<{prefix}hour>[0-2]?\d)(?:\s*[.:,]\s*(?P<{prefix}minute>[0-5]\d))?(?!\d)"
    )


TIME_PATTERN = _time_pattern()
_DATE = re.compile(rf"(?<!\d){DATE_PATTERN}", re.IGNORECASE)
_TIME = re.compile(rf"\b{TIME_PATTERN}", re.IGNORECASE)
# "Il prossimo ufficio di piano sarà mercoledì 01 febbraio alle 9 in via Manini":
# "prossimo"/"prossima", then within the same sentence a date, then optionally a time and
# a place introduced by a preposition.
_NEXT = re.compile(
    rf"\bprossim[oa]\b[^.;\n]{{0,120}}?(?<!\d){DATE_PATTERN}"
    rf"(?:\s*,?\s*(?:a\s+partire\s+)?{TIME_PATTERN})?",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\s*,?\s*(?:presso|nella\s+sede\s+di|nella|nel|nell['’]|alla|al|all['’]|in|a)\s+"
    r"(?P<place>[^;\n]+)",
    re.IGNORECASE,
)
# The end of a sentence in a place: a dot followed by space and a capital, or by the end
# of the text; not the dot of an initial ("via G. Verdi 3").
_SENTENCE_END = re.compile(r"(?<!\b[^\W\d_])\.(?=\s+[A-ZÀ-Ý]|\s*$)")
_LEADING_ARTICLE = re.compile(r"^(?:il|lo|la|i|gli|le|l['’])\s*", re.IGNORECASE)
# "entro il 31 marzo 2017 alle ore 12", "entro e non oltre le ore 12 del 31/03/2017",
# "scadenza: 31 marzo 2017", "scadenza delle domande il 3 aprile".
_DEADLINE = re.compile(
    r"\b(?:entro(?:\s+e\s+non\s+oltre)?|scadenz[ae](?:\s+(?:del\s+bando|delle\s+domande))?)"
    rf"\s*[:\-–]?\s*(?:(?:le\s+)?{_time_pattern('lead')}\s+(?:del|di)\s+)?(?:(?:il|al)\s+)?(?:giorno\s+)?"
    rf"(?<!\d){DATE_PATTERN}(?:\s*,?\s*{TIME_PATTERN})?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateParts:
    """A date as written: ``year`` is None when the text leaves it out."""

    day: int
    month: int
    year: int | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class NextMeeting:
    date: date
    time: time | None = None
    place: str = ""


@dataclass(frozen=True)
class Deadline:
    date: date
    time: time | None = None


def weekday_number(name: str) -> int | None:
    """0 for "lunedì" (any accent, case or trailing apostrophe) … 6 for "domenica"."""
    key = name.lower().rstrip("'’").replace("ì", "i").replace("í", "i")
    return WEEKDAYS.get(key)


def _parts(match: re.Match) -> DateParts | None:
    groups = match.groupdict()
    weekday = weekday_number(groups["weekday"]) if groups.get("weekday") else None
    if groups.get("month"):
        day, month = int(groups["day"]), MONTHS[groups["month"].lower()]
        year = int(groups["year"]) if groups.get("year") else None
    else:
        day, month, year = int(groups["nday"]), int(groups["nmonth"]), int(groups["nyear"])
        if year < 100:
            year += 2000
    if year is not None:
        try:
            date(year, month, day)
        except ValueError:
            return None
    elif not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return DateParts(day, month, year, weekday)


def parse_date_parts(text: str) -> DateParts | None:
    """The first date written in ``text`` (by name or in figures), year optional."""
    for match in _DATE.finditer(text):
        parts = _parts(match)
        if parts is not None:
            return parts
    return None


def find_date(text: str, before: date | None = None) -> date | None:
    """The first date in ``text``. Without a year, the last such date on or before
    ``before`` (a post reports a meeting already held); None when that cannot be known."""
    parts = parse_date_parts(text)
    if parts is None:
        return None
    if parts.year is not None:
        return date(parts.year, parts.month, parts.day)
    if before is None:
        return None
    for year in (before.year, before.year - 1):
        candidate = _safe_date(year, parts.month, parts.day)
        if candidate is not None and candidate <= before:
            return candidate
    return None


def date_after(parts: DateParts, after: date) -> date | None:
    """The date ``parts`` stands for, the first one after ``after`` when the year is left
    out; of the next two candidates the one on the weekday named wins, if one is."""
    if parts.year is not None:
        return date(parts.year, parts.month, parts.day)
    candidates = [
        candidate
        for year in range(after.year, after.year + 5)  # 29 February: the next leap year
        if (candidate := _safe_date(year, parts.month, parts.day)) is not None and candidate > after
    ][:2]
    if not candidates:
        return None
    if parts.weekday is not None:
        for candidate in candidates:
            if candidate.weekday() == parts.weekday:
                return candidate
    return candidates[0]


def parse_time(hour: str | int, minute: str | int | None = None) -> time | None:
    """``time`` for "9", "9.30", "09:30"; None for an impossible hour."""
    hour = int(hour)
    minute = int(minute) if minute not in (None, "") else 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def find_time(text: str) -> time | None:
    """The first "alle 9", "alle ore 9.30", "ore 9:30" in ``text``."""
    for match in _TIME.finditer(text):
        found = parse_time(match["hour"], match["minute"])
        if found is not None:
            return found
    return None


def find_next_meeting(text: str, after: date) -> NextMeeting | None:
    """The next meeting announced in ``text`` ("Il prossimo ufficio di piano sarà mercoledì
    01 febbraio alle 9 in via Manini"), a date after ``after`` (the meeting of the minutes).
    None when no such sentence is found or its date is not after ``after``."""
    for match in _NEXT.finditer(text):
        parts = _parts(match)
        if parts is None:
            continue
        day = date_after(parts, after)
        if day is None or day <= after:
            continue
        hour = match["hour"]
        meeting_time = parse_time(hour, match["minute"]) if hour is not None else None
        return NextMeeting(day, meeting_time, _place_after(text, match.end()))
    return None


def find_deadline(text: str, after: date | None = None) -> Deadline | None:
    """The deadline of a call: "entro il 31 marzo 2017 alle ore 12", "entro le ore 12 del
    31/03/2017", "scadenza: 31 marzo 2017". A date without year is the first after
    ``after`` (the day the call was published)."""
    for match in _DEADLINE.finditer(text):
        parts = _parts(match)
        if parts is None:
            continue
        if parts.year is None:
            if after is None:
                continue
            day = date_after(parts, after)
        else:
            day = date(parts.year, parts.month, parts.day)
        if day is None:
            continue
        if match["leadhour"] is not None:
            found_time = parse_time(match["leadhour"], match["leadminute"])
        elif match["hour"] is not None:
            found_time = parse_time(match["hour"], match["minute"])
        else:
            found_time = None
        return Deadline(day, found_time)
    return None


def _place_after(text: str, position: int) -> str:
    match = _PLACE.match(text, position)
    if match is None:
        return ""
    place = match["place"]
    end = _SENTENCE_END.search(place)
    if end is not None:
        place = place[: end.start()]
    place = _LEADING_ARTICLE.sub("", place.strip().rstrip(",:")).strip()
    return (place[:1].upper() + place[1:])[:255]


def _safe_date(year, month, day):
    try:
        return date(year, month, day)
    except ValueError:
        return None
