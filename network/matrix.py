"""The representation matrix: networks × sub-areas, how many active members represent each
sub-area on a date, against what the network's coverage rule asks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .gaps import load_snapshot
from .models import Area, Network, RuleKind


@dataclass(frozen=True)
class MatrixCell:
    area: Area
    count: int
    required: int | None
    # False when a coverage rule is not met here (counting only its role, if it names one)
    met: bool = True

    @property
    def status(self) -> str:
        if self.required is None:
            return "none_required"
        return "ok" if self.met else "missing"

    @property
    def label(self) -> str:
        if self.count == 0:
            return _("nessuno")
        return ngettext("%(n)d componente", "%(n)d componenti", self.count) % {"n": self.count}

    @property
    def status_label(self) -> str:
        return {
            "ok": _("coperto"),
            "missing": _("scoperto"),
            "none_required": _("non richiesto"),
        }[self.status]


@dataclass(frozen=True)
class MatrixRow:
    network: Network
    cells: list[MatrixCell]

    @property
    def missing(self) -> int:
        return sum(1 for cell in self.cells if cell.status == "missing")


@dataclass(frozen=True)
class Matrix:
    as_of: date
    subareas: list[Area]
    rows: list[MatrixRow]


def representation_matrix(as_of: date | None = None, networks=None) -> Matrix:
    snapshot = load_snapshot(as_of, networks)
    registry = snapshot.registry
    ancestors = {area.id: area.ancestor_ids for area in registry.subareas}
    active = [
        seat
        for seat in registry.seats
        if seat.subarea_id is not None and seat.active_on(snapshot.as_of)
    ]
    counts = Counter((seat.network_id, seat.subarea_id) for seat in active)
    by_role = Counter((seat.network_id, seat.subarea_id, seat.role_id) for seat in active)
    rows = []
    for network in snapshot.networks:
        coverage = [
            rule
            for rule in registry.rules
            if rule.network_id == network.pk and rule.kind == RuleKind.COVERAGE
        ]
        cells = []
        for area in snapshot.subareas:
            applicable = [
                rule
                for rule in coverage
                if rule.area_id is None or rule.area_id in ancestors[area.pk] | {area.pk}
            ]
            count = counts.get((network.pk, area.pk), 0)
            met = all(
                (
                    count
                    if rule.role_id is None
                    else by_role.get((network.pk, area.pk, rule.role_id), 0)
                )
                >= (rule.min_count or 1)
                for rule in applicable
            )
            required = max((rule.min_count or 1 for rule in applicable), default=None)
            cells.append(MatrixCell(area, count, required, met))
        rows.append(MatrixRow(network, cells))
    return Matrix(snapshot.as_of, snapshot.subareas, rows)
