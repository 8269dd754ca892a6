"""Which page type each Blogger post becomes: one table, read from the top.

Each row is ``Rule(pattern, page_type, options)``. ``pattern`` is a regular expression
searched in the post's title, ignoring case; ``{date}`` in it stands for a date written in
Italian ("15 marzo 2017", "mercoledì 1° febbraio 2017", "18/01/2017",
imports/italian_dates.py). The first row that matches decides; the last row matches
everything. Page types:

* ``minutes`` → MinutesPage (Verbali); option ``body``: the slug of the network that met
  (registry), ``meeting_date`` comes from the date in the title;
* ``plan`` → PlanPage (Piani): the plan itself, kind and years from the title;
* ``call`` → CallPage (Bandi);
* ``news`` → NewsPage (Notizie); option ``related_plan``: link the news item to the plan it
  speaks of (the live PlanPage of the kind named in the title whose years cover the year in
  the title, else the year of publication).

(Blogger *pages*, not posts, become generic pages, StandardPage, under the home page.)

Another table can replace this one: ``BLOGGER_IMPORT_RULES = "package.module.RULES"`` in
the settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from imports.italian_dates import DATE_PATTERN

MINUTES, PLAN, CALL, NEWS = "minutes", "plan", "call", "news"
PAGE_TYPES = (MINUTES, PLAN, CALL, NEWS)


@dataclass(frozen=True)
class Rule:
    pattern: str
    page_type: str
    options: dict = field(default_factory=dict)


RULES = [
    # "Verbale ufficio di piano - 15 marzo 2017", "Ufficio di Piano - 18 gennaio 2017",
    # "Verbale della seduta dell'Ufficio di Piano del 1° febbraio 2017"
    Rule(
        r"^\W*(?:verbale\s+(?:della\s+seduta\s+)?(?:dell['’]\s*|del(?:la)?\s+)?)?"
        r"ufficio\s+di\s+piano\W+(?:seduta\s+)?(?:del\s+|di\s+)?{date}",
        MINUTES,
        {"body": "ufficio-di-piano"},
    ),
    # The plan itself: "Piano di Zona 2018-2020", "Piano Operativo 2017 approvato";
    # not "Presentazione del Piano di Zona" (a news item, below).
    Rule(
        r"^\W*(?:il\s+)?(?:nuovo\s+)?piano\s+(?:di\s+zona|operativo)(?:\s+annuale)?\W*"
        r"(?:\d{4}(?:\s*[-–/]\s*\d{2,4})?)\W*"
        r"(?:(?:testo\s+|documento\s+)?(?:approvato|definitivo|adottato|in\s+consultazione|bozza))?"
        r"\W*$",
        PLAN,
    ),
    # "Bando per…", "Avviso pubblico per…", "Manifestazione di interesse…"
    Rule(r"\b(?:bando|bandi|avviso\s+pubblico|manifestazione\s+di\s+interesse)\b", CALL),
    # Anything else about a plan ("Incontro sul Piano di Zona") is news.
    Rule(r"\bpiano\s+(?:di\s+zona|operativo)\b", NEWS, {"related_plan": True}),
    Rule(r"", NEWS),
]


def active_rules() -> list[Rule]:
    """The table in force: ``settings.BLOGGER_IMPORT_RULES`` if set, else ``RULES``."""
    dotted = getattr(settings, "BLOGGER_IMPORT_RULES", None)
    return import_string(dotted) if dotted else RULES


@cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern.replace("{date}", DATE_PATTERN), re.IGNORECASE)


def classify(title: str, rules: list[Rule] | None = None) -> Rule:
    """The first rule of ``rules`` (default: the table in force) matching ``title``."""
    for rule in active_rules() if rules is None else rules:
        if _compiled(rule.pattern).search(title or ""):
            return rule
    return Rule("", NEWS)
