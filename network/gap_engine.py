"""The gap engine: a network's composition rules evaluated over plain data, as of a date.

Nothing here touches the database. ``network.gaps`` loads a ``Registry`` snapshot in a fixed
number of queries and calls ``evaluate``; tests build snapshots by hand.

Conventions:
- a seat (membership) is active on day D when start <= D <= end, an unknown bound being open;
- a seat represents the sub-area its own area, or else the area of the body it sits for, or
  else its member organisation's area falls in (a comune counts for its sub-area);
- a body "matches" a quota when the member organisation or the organisation it acts for has
  the rule's sector and classification.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, ngettext

SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class NetworkInfo:
    id: int
    slug: str
    name: str


@dataclass(frozen=True)
class Body:
    """An organisation as the rules see it."""

    id: int
    sector: str
    kind: str


@dataclass(frozen=True)
class Seat:
    """A membership, flattened to what the rules read."""

    id: int
    network_id: int
    label: str
    role_id: int
    member: tuple[str, int]
    bodies: tuple[Body, ...] = ()
    subarea_id: int | None = None
    start: date | None = None
    end: date | None = None
    closed: bool = False

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def body_ids(self) -> set[int]:
        return {body.id for body in self.bodies}


@dataclass(frozen=True)
class SubArea:
    id: int
    name: str
    ancestor_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Rule:
    id: int | None
    network_id: int
    kind: str
    severity: str = "medium"
    label: str = ""
    min_count: int | None = None
    max_count: int | None = None
    role_id: int | None = None
    role_name: str = ""
    organisation_id: int | None = None
    organisation_name: str = ""
    area_id: int | None = None
    sector: str = ""
    organisation_kind: str = ""
    days: int | None = None
    absences: int | None = None
    meetings: int | None = None
    order: int = 0


@dataclass(frozen=True)
class Meeting:
    id: int
    network_id: int
    date: date


@dataclass(frozen=True)
class Registry:
    networks: tuple[NetworkInfo, ...]
    rules: tuple[Rule, ...] = ()
    seats: tuple[Seat, ...] = ()
    subareas: tuple[SubArea, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    # (meeting id, seat id) -> "present" | "absent" | "excused"
    attendance: dict[tuple[int, int], str] = field(default_factory=dict)


@dataclass(frozen=True)
class Gap:
    network: str
    network_name: str
    rule: str
    rule_id: int | None
    severity: str
    message: str
    missing: dict

    def as_dict(self) -> dict:
        return {
            "network": self.network,
            "rule": self.rule,
            "rule_id": self.rule_id,
            "severity": self.severity,
            "message": self.message,
            "missing": self.missing,
        }


def evaluate(registry: Registry, as_of: date) -> list[Gap]:
    """Every gap of every network in ``registry`` on ``as_of``, most severe first within
    each network."""
    seats_by_network = defaultdict(list)
    for seat in registry.seats:
        seats_by_network[seat.network_id].append(seat)
    meetings_by_network = defaultdict(list)
    for meeting in registry.meetings:
        meetings_by_network[meeting.network_id].append(meeting)

    gaps = []
    for network in sorted(registry.networks, key=lambda n: n.name.casefold()):
        seats = seats_by_network[network.id]
        active = [seat for seat in seats if seat.active_on(as_of)]
        rules = [rule for rule in registry.rules if rule.network_id == network.id]
        found = []
        for rule in sorted(rules, key=lambda r: (r.order, r.id or 0)):
            check = CHECKS.get(rule.kind)
            if check is None:
                continue
            context = _Context(
                network, rule, seats, active, as_of, registry, meetings_by_network[network.id]
            )
            found.extend(check(context))
        found.sort(key=lambda gap: SEVERITY_RANK.get(gap.severity, 9))
        gaps.extend(found)
    return gaps


@dataclass
class _Context:
    network: NetworkInfo
    rule: Rule
    seats: list[Seat]
    active: list[Seat]
    as_of: date
    registry: Registry
    meetings: list[Meeting]

    def gap(self, message: str, **missing) -> Gap:
        return Gap(
            network=self.network.slug,
            network_name=self.network.name,
            rule=self.rule.kind,
            rule_id=self.rule.id,
            severity=self.rule.severity,
            message=message,
            missing=missing,
        )

    def with_role(self, seats):
        if self.rule.role_id is None:
            return seats
        return [seat for seat in seats if seat.role_id == self.rule.role_id]


# A report can hold thousands of gaps; translating each message template once per language
# (rather than once per gap) keeps evaluation time in the engine's own work.
@lru_cache(maxsize=512)
def _translated(language, singular, plural=None, count=None):
    if plural is None:
        return gettext(singular)
    return ngettext(singular, plural, count)


def _(message: str) -> str:
    return _translated(get_language(), message)


def _n(singular: str, plural: str, count: int) -> str:
    return _translated(get_language(), singular, plural, count)


@lru_cache(maxsize=4096)
def _formatted_day(language, value: date) -> str:
    return date_format(value, "j F Y").lower()


def _members(count: int) -> str:
    return _n("%(n)d componente", "%(n)d componenti", count) % {"n": count}


def _day(value: date) -> str:
    return _formatted_day(get_language(), value)


def check_coverage(ctx: _Context) -> list[Gap]:
    rule = ctx.rule
    required = rule.min_count or 1
    subareas = [
        area
        for area in ctx.registry.subareas
        if rule.area_id is None or rule.area_id in area.ancestor_ids or rule.area_id == area.id
    ]
    counts = Counter(seat.subarea_id for seat in ctx.with_role(ctx.active))
    role = _(" con ruolo «%(role)s»") % {"role": rule.role_name} if rule.role_id is not None else ""
    gaps = []
    for area in sorted(subareas, key=lambda a: a.name.casefold()):
        found = counts.get(area.id, 0)
        if found >= required:
            continue
        if found == 0:
            message = _("%(area)s non è rappresentato: nessun componente%(role)s in carica.") % {
                "area": area.name,
                "role": role,
            }
        else:
            message = _("%(area)s è sottorappresentato: %(found)s%(role)s su %(required)d.") % {
                "area": area.name,
                "found": _members(found),
                "role": role,
                "required": required,
            }
        missing = {"area": area.name, "required": required, "found": found}
        if rule.role_id is not None:
            missing["role"] = rule.role_name
        gaps.append(ctx.gap(message, **missing))
    return gaps


def check_required_member(ctx: _Context) -> list[Gap]:
    rule = ctx.rule
    present = any(
        seat.member == ("organisation", rule.organisation_id)
        or rule.organisation_id in seat.body_ids
        for seat in ctx.active
    )
    if present:
        return []
    message = _("Manca l'ente obbligatorio %(body)s.") % {"body": rule.organisation_name}
    return [ctx.gap(message, organisation=rule.organisation_name)]


def check_required_role(ctx: _Context) -> list[Gap]:
    rule = ctx.rule
    required = rule.min_count or 1
    found = len(ctx.with_role(ctx.active))
    if found >= required:
        return []
    if found == 0:
        message = _("Manca il ruolo «%(role)s»: nessun componente in carica.") % {
            "role": rule.role_name
        }
    else:
        message = _("Ruolo «%(role)s»: %(found)s su %(required)d richiesti.") % {
            "role": rule.role_name,
            "found": _members(found),
            "required": required,
        }
    return [ctx.gap(message, role=rule.role_name, required=required, found=found)]


def _matches_quota(rule: Rule, seat: Seat) -> bool:
    if rule.role_id is not None and seat.role_id != rule.role_id:
        return False
    if not (rule.sector or rule.organisation_kind):
        return True
    return any(
        (not rule.sector or body.sector == rule.sector)
        and (not rule.organisation_kind or body.kind == rule.organisation_kind)
        for body in seat.bodies
    )


def check_quota(ctx: _Context) -> list[Gap]:
    rule = ctx.rule
    found = sum(1 for seat in ctx.active if _matches_quota(rule, seat))
    name = rule.label or _("quota")
    limits = {"min": rule.min_count, "max": rule.max_count, "found": found}
    if rule.min_count is not None and found < rule.min_count:
        short = rule.min_count - found
        message = _n(
            "Quota «%(name)s» non raggiunta: %(found)d su %(min)d (ne manca %(short)d).",
            "Quota «%(name)s» non raggiunta: %(found)d su %(min)d (ne mancano %(short)d).",
            short,
        ) % {"name": name, "found": found, "min": rule.min_count, "short": short}
        return [ctx.gap(message, quota=name, short=short, **limits)]
    if rule.max_count is not None and found > rule.max_count:
        excess = found - rule.max_count
        message = _("Quota «%(name)s» superata: %(found)d componenti, massimo %(max)d.") % {
            "name": name,
            "found": found,
            "max": rule.max_count,
        }
        return [ctx.gap(message, quota=name, excess=excess, **limits)]
    return []


def check_expiry(ctx: _Context) -> list[Gap]:
    rule = ctx.rule
    window = rule.days or 0
    gaps = []
    for seat in sorted(ctx.seats, key=lambda s: (s.end or date.max, s.id)):
        if seat.end is None or seat.closed:
            continue
        if seat.start is not None and seat.start > ctx.as_of:
            continue
        days = (seat.end - ctx.as_of).days
        if days < 0:
            message = _(
                "%(member)s: appartenenza scaduta il %(day)s e non chiusa "
                "(manca il motivo della cessazione)."
            ) % {"member": seat.label, "day": _day(seat.end)}
            state = "expired"
        elif days <= window:
            message = _n(
                "%(member)s: appartenenza in scadenza il %(day)s (tra %(days)d giorno).",
                "%(member)s: appartenenza in scadenza il %(day)s (tra %(days)d giorni).",
                days,
            ) % {"member": seat.label, "day": _day(seat.end), "days": days}
            state = "ending"
        else:
            continue
        gaps.append(
            ctx.gap(
                message,
                membership=seat.id,
                member=seat.label,
                end_date=seat.end.isoformat(),
                days=days,
                state=state,
            )
        )
    return gaps


def check_attendance(ctx: _Context) -> list[Gap]:
    rule = ctx.rule
    if not rule.meetings or not rule.absences:
        return []
    recent = sorted(
        (m for m in ctx.meetings if m.date <= ctx.as_of), key=lambda m: (m.date, m.id), reverse=True
    )[: rule.meetings]
    if not recent:
        return []
    gaps = []
    for seat in ctx.active:
        absent = sum(
            1
            for meeting in recent
            if ctx.registry.attendance.get((meeting.id, seat.id)) == "absent"
        )
        if absent >= rule.absences:
            message = _("%(member)s: assente a %(absent)d delle ultime %(meetings)d sedute.") % {
                "member": seat.label,
                "absent": absent,
                "meetings": len(recent),
            }
            gaps.append(
                ctx.gap(
                    message,
                    membership=seat.id,
                    member=seat.label,
                    absences=absent,
                    meetings=len(recent),
                )
            )
    return gaps


CHECKS = {
    "coverage": check_coverage,
    "required_member": check_required_member,
    "required_role": check_required_role,
    "quota": check_quota,
    "expiry": check_expiry,
    "attendance": check_attendance,
}
