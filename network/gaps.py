"""Gaps of the networks as of a date, read from the database in a fixed number of queries
(at most six, however many networks, members and meetings there are) and evaluated by the
pure engine in ``network.gap_engine``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from .gap_engine import (
    Body,
    Gap,
    Meeting,
    NetworkInfo,
    Registry,
    Rule,
    Seat,
    SubArea,
    evaluate,
)
from .labels import public_label
from .models import Area, AreaKind, Attendance, CompositionRule, Membership, Network, RuleKind

__all__ = ["Gap", "Snapshot", "find_gaps", "load_snapshot"]


@dataclass(frozen=True)
class Snapshot:
    """The registry as the engine sees it, plus the model instances pages need to show it."""

    as_of: date
    registry: Registry
    networks: list[Network]
    subareas: list[Area]


def find_gaps(as_of: date | None = None, networks=None) -> list[Gap]:
    """The gaps of ``networks`` (all when None) on ``as_of`` (today when None)."""
    snapshot = load_snapshot(as_of, networks)
    return evaluate(snapshot.registry, snapshot.as_of)


def _network_filter(networks) -> Q:
    if networks is None:
        return Q()
    if isinstance(networks, QuerySet):
        return Q(pk__in=networks.values("pk"))
    return Q(pk__in=[getattr(network, "pk", network) for network in networks])


def _subarea_index(areas: list[Area]) -> tuple[dict[int, int | None], list[Area], dict]:
    by_id = {area.pk: area for area in areas}
    subarea_of: dict[int, int | None] = {}
    ancestors: dict[int, frozenset[int]] = {}
    for area in areas:
        seen, node, found = [], area, None
        while node is not None and node.pk not in seen:
            seen.append(node.pk)
            if node.kind == AreaKind.SUBAREA and found is None:
                found = node.pk
            node = by_id.get(node.parent_id)
        subarea_of[area.pk] = found
        ancestors[area.pk] = frozenset(seen[1:])
    subareas = [area for area in areas if area.kind == AreaKind.SUBAREA]
    return subarea_of, subareas, ancestors


MEMBERSHIP_COLUMNS = (
    "id",
    "network_id",
    "person_id",
    "organisation_id",
    "role_id",
    "role__name",
    "area_id",
    "start_date",
    "end_date",
    "end_reason",
    "organisation__name",
    "organisation__sector",
    "organisation__kind",
    "organisation__area_id",
    "on_behalf_of_id",
    "on_behalf_of__name",
    "on_behalf_of__sector",
    "on_behalf_of__kind",
    "on_behalf_of__area_id",
)


def _seat(row: tuple, subarea_of: dict[int, int | None]) -> Seat:
    (
        pk,
        network_id,
        person_id,
        organisation_id,
        role_id,
        role_name,
        area_id,
        start,
        end,
        end_reason,
        org_name,
        org_sector,
        org_kind,
        org_area,
        body_id,
        body_name,
        body_sector,
        body_kind,
        body_area,
    ) = row
    bodies = []
    if organisation_id:
        bodies.append(Body(organisation_id, org_sector, org_kind))
    if body_id:
        bodies.append(Body(body_id, body_sector, body_kind))
    represented = area_id or body_area or org_area
    return Seat(
        id=pk,
        network_id=network_id,
        label=public_label(role_name, org_name, body_name),
        role_id=role_id,
        member=("person", person_id) if person_id else ("organisation", organisation_id),
        bodies=tuple(bodies),
        subarea_id=subarea_of.get(represented) if represented else None,
        start=start,
        end=end,
        closed=bool(end_reason),
    )


def _rule(rule: CompositionRule) -> Rule:
    return Rule(
        id=rule.pk,
        network_id=rule.network_id,
        kind=rule.kind,
        severity=rule.severity,
        label=rule.label,
        min_count=rule.min_count,
        max_count=rule.max_count,
        role_id=rule.role_id,
        role_name=rule.role.name if rule.role else "",
        organisation_id=rule.organisation_id,
        organisation_name=rule.organisation.name if rule.organisation else "",
        area_id=rule.area_id,
        sector=rule.sector,
        organisation_kind=rule.organisation_kind,
        days=rule.days,
        absences=rule.absences,
        meetings=rule.meetings,
        order=rule.sort_order or 0,
    )


def load_snapshot(as_of: date | None = None, networks=None) -> Snapshot:
    from cms.models import MinutesPage

    as_of = as_of or timezone.localdate()
    network_list = list(Network.objects.filter(_network_filter(networks)).order_by("name"))
    network_ids = [network.pk for network in network_list]
    if not network_ids:
        return Snapshot(as_of, Registry(networks=()), [], [])

    rules = [
        _rule(rule)
        for rule in CompositionRule.objects.filter(network_id__in=network_ids).select_related(
            "role", "organisation"
        )
    ]
    areas = list(Area.objects.only("id", "name", "kind", "parent_id").order_by("name"))
    subarea_of, subareas, ancestors = _subarea_index(areas)

    # Active on the date, or ended and never closed (the expiry rule reports those).
    current = (Q(start_date__isnull=True) | Q(start_date__lte=as_of)) & (
        Q(end_date__isnull=True) | Q(end_date__gte=as_of)
    )
    unclosed = Q(end_date__lt=as_of, end_reason="")
    rows = (
        Membership.objects.filter(network_id__in=network_ids)
        .filter(current | unclosed)
        .order_by("pk")
        .values_list(*MEMBERSHIP_COLUMNS)
    )
    seats = tuple(_seat(row, subarea_of) for row in rows)

    meetings, attendance = (), {}
    window = {
        rule.network_id: max(rule.meetings or 0, 0)
        for rule in rules
        if rule.kind == RuleKind.ATTENDANCE
    }
    if window:
        rows = (
            MinutesPage.objects.filter(meeting_body_id__in=list(window), meeting_date__lte=as_of)
            .order_by("-meeting_date", "-pk")
            .values_list("pk", "meeting_body_id", "meeting_date")
        )
        kept: dict[int, int] = {}
        chosen = []
        for pk, network_id, day in rows:
            if kept.get(network_id, 0) < window[network_id]:
                kept[network_id] = kept.get(network_id, 0) + 1
                chosen.append(Meeting(pk, network_id, day))
        meetings = tuple(chosen)
        if meetings:
            attendance = {
                (meeting_id, membership_id): status
                for meeting_id, membership_id, status in Attendance.objects.filter(
                    meeting_id__in=[m.id for m in meetings]
                ).values_list("meeting_id", "membership_id", "status")
            }

    registry = Registry(
        networks=tuple(NetworkInfo(n.pk, n.slug, n.name) for n in network_list),
        rules=tuple(rules),
        seats=seats,
        subareas=tuple(SubArea(a.pk, a.name, ancestors[a.pk]) for a in subareas),
        meetings=meetings,
        attendance=attendance,
    )
    return Snapshot(as_of, registry, network_list, subareas)
