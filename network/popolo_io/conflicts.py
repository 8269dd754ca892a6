"""What a plan would break in the registry as it is, found before anything is written:
a network name or ISTAT code already taken by another row, and memberships overlapping
ones the file does not touch. Reads only."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.utils.translation import gettext as _

from network.models import Area, Network

from .matching import Matches, member_keys, row_keys
from .reader import Plan


def registry_conflicts(plan: Plan, matches: Matches) -> list[str]:
    return [
        *_taken(
            plan.networks,
            matches.networks,
            Network,
            "name",
            _("esiste già nel registro un'altra rete con questo nome (id Popolo %(other)r)"),
        ),
        *_taken(
            plan.areas,
            matches.areas,
            Area,
            "istat_code",
            _("codice ISTAT già usato nel registro dall'area %(name)r (id Popolo %(other)r)"),
        ),
        *_overlaps(plan, matches),
    ]


def _taken(records, matched, model, key, message):
    wanted = {record[key]: record for record in records if record[key]}
    problems = []
    for row in model.objects.filter(**{f"{key}__in": list(wanted)}):
        record = wanted[row.__dict__[key]]
        mine = matched.get(record["id"])
        if mine is None or mine.pk != row.pk:
            problems.append(
                f"{record['where']}.{key}: "
                + message % {"other": row.popolo_id or "", "name": str(row)}
            )
    return problems


def _overlaps(plan, matches):
    untouched = defaultdict(list)
    for row in matches.untouched_memberships:
        untouched[row_keys(row)].append(row)
    problems = []
    for record in plan.memberships:
        keys = member_keys(record, matches)
        if keys is None:
            continue
        for row in untouched.get(keys, []):
            if (record["start_date"] or date.min) <= (row.end_date or date.max) and (
                row.start_date or date.min
            ) <= (record["end_date"] or date.max):
                problems.append(
                    _(
                        "%(where)s: si sovrappone a un'appartenenza già nel registro "
                        "(%(row)s, %(start)s – %(end)s; una data mancante è un estremo aperto)"
                    )
                    % {
                        "where": record["where"],
                        "row": row,
                        "start": row.start_date or "?",
                        "end": row.end_date or "?",
                    }
                )
                break
    return problems
