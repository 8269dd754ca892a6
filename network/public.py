"""What the public may see of the registry: networks, their seats by public label, gaps,
sub-area coverage and meeting attendance.

Each builder runs a fixed number of queries whatever the number of members, and hands the
templates plain values: a seat is its public label, role, public role mailbox, sub-area and
the person's name unless it is hidden, so no template ever holds a Person and cannot print a
hidden name or a private contact by mistake.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .gap_engine import Gap, evaluate
from .gaps import load_snapshot
from .labels import public_label
from .matrix import Matrix, MatrixRow, representation_matrix
from .models import Attendance, AttendanceStatus, Membership, Network, Severity

LATEST_MINUTES = 5


@dataclass(frozen=True)
class PublicSeat:
    label: str
    role: str
    role_email: str
    subarea: str
    # The person's name, unless hidden (Person.hidden_from_public); empty for a body
    name: str = ""


@dataclass(frozen=True)
class SeatGroup:
    title: str
    seats: list[PublicSeat]


@dataclass(frozen=True)
class PublicGap:
    gap: Gap

    @property
    def severity(self) -> str:
        return self.gap.severity

    @property
    def severity_label(self) -> str:
        if self.gap.severity in Severity.values:
            return str(Severity(self.gap.severity).label)
        return self.gap.severity

    @property
    def message(self) -> str:
        return self.gap.message


@dataclass(frozen=True)
class NetworkSummary:
    network: Network
    url: str
    purpose: str
    active_members: int
    gaps: int


@dataclass(frozen=True)
class Overview:
    as_of: date
    networks: list[NetworkSummary]
    matrix: Matrix

    @property
    def matrix_rows(self) -> list[tuple[str, MatrixRow]]:
        """The matrix rows with the address of each network's page."""
        urls = {summary.network.pk: summary.url for summary in self.networks}
        return [(urls.get(row.network.pk, ""), row) for row in self.matrix.rows]


@dataclass(frozen=True)
class NetworkProfile:
    network: Network
    as_of: date
    seats: list[PublicSeat]
    by_role: list[SeatGroup]
    by_subarea: list[SeatGroup]
    gaps: list[PublicGap]
    matrix: Matrix
    latest_minutes: list

    @property
    def matrix_row(self) -> MatrixRow | None:
        return self.matrix.rows[0] if self.matrix.rows else None


def plain_text(rich_text: str) -> str:
    """Rich text as one line of plain text (for summaries)."""
    return " ".join(html.unescape(strip_tags(rich_text or "")).split())


def network_overview(url_for: Callable[[str], str], as_of: date | None = None) -> Overview:
    """Every network with its number of active members and of gaps, and the representation
    matrix of all networks. ``url_for(slug)`` gives a network's public address."""
    snapshot = load_snapshot(as_of)
    gaps = defaultdict(int)
    for gap in evaluate(snapshot.registry, snapshot.as_of):
        gaps[gap.network] += 1
    active = defaultdict(int)
    for seat in snapshot.registry.seats:
        if seat.active_on(snapshot.as_of):
            active[seat.network_id] += 1
    summaries = [
        NetworkSummary(
            network=network,
            url=url_for(network.slug),
            purpose=plain_text(network.purpose),
            active_members=active[network.pk],
            gaps=gaps[network.slug],
        )
        for network in snapshot.networks
    ]
    return Overview(snapshot.as_of, summaries, representation_matrix(snapshot.as_of))


def public_seats(snapshot, as_of: date) -> defaultdict[int, list[PublicSeat]]:
    """The seats in office on ``as_of`` of the snapshot's networks, by network id, as the
    public may read them: the seat's label, role, role mailbox and sub-area, and the person's
    name unless hidden from public listings (one query)."""
    subarea_names = {area.pk: area.name for area in snapshot.subareas}
    active = [seat for seat in snapshot.registry.seats if seat.active_on(as_of)]
    details = {
        pk: (role, role_email or "", "" if hidden else name or "")
        for pk, role, role_email, name, hidden in Membership.objects.filter(
            pk__in=[seat.id for seat in active]
        ).values_list(
            "pk", "role__name", "person__role_email", "person__name", "person__hidden_from_public"
        )
    }
    seats = defaultdict(list)
    for seat in active:
        if seat.id in details:
            role, role_email, name = details[seat.id]
            seats[seat.network_id].append(
                PublicSeat(
                    label=seat.label,
                    role=role,
                    role_email=role_email,
                    subarea=subarea_names.get(seat.subarea_id, ""),
                    name=name,
                )
            )
    return seats


def network_profile(slug: str, as_of: date | None = None) -> NetworkProfile | None:
    """The public profile of the network ``slug`` on ``as_of`` (today), or None."""
    from cms import site_structure
    from cms.models import MinutesPage

    as_of = as_of or timezone.localdate()
    snapshot = load_snapshot(as_of, Network.objects.filter(slug=slug))
    if not snapshot.networks:
        return None
    network = snapshot.networks[0]
    seats = sorted(
        public_seats(snapshot, as_of)[network.pk],
        key=lambda seat: (seat.label.casefold(), seat.role.casefold()),
    )
    minutes = list(
        site_structure.public(MinutesPage.objects.live())
        .filter(meeting_body=network)
        .order_by("-meeting_date", "-pk")[:LATEST_MINUTES]
    )
    return NetworkProfile(
        network=network,
        as_of=as_of,
        seats=seats,
        by_role=_by_role(seats),
        by_subarea=_by_subarea(seats, [area.name for area in snapshot.subareas]),
        gaps=[PublicGap(gap) for gap in evaluate(snapshot.registry, as_of)],
        matrix=representation_matrix(as_of, [network]),
        latest_minutes=minutes,
    )


def _by_role(seats: list[PublicSeat]) -> list[SeatGroup]:
    """Roles with fewer holders first, so a network's coordinator or president leads."""
    groups = defaultdict(list)
    for seat in seats:
        groups[seat.role].append(seat)
    order = sorted(groups, key=lambda role: (len(groups[role]), role.casefold()))
    return [SeatGroup(role, groups[role]) for role in order]


def _by_subarea(seats: list[PublicSeat], subareas: list[str]) -> list[SeatGroup]:
    groups = defaultdict(list)
    for seat in seats:
        groups[seat.subarea].append(seat)
    result = [SeatGroup(name, groups[name]) for name in subareas if groups.get(name)]
    if groups.get(""):
        result.append(SeatGroup(_("Tutto l'ambito o nessun sub-ambito indicato"), groups[""]))
    return result


@dataclass(frozen=True)
class AttendanceGroup:
    status: str
    title: str
    labels: list[str]


ATTENDANCE_TITLES = {
    AttendanceStatus.PRESENT: gettext_lazy("Presenti"),
    AttendanceStatus.ABSENT: gettext_lazy("Assenti"),
    AttendanceStatus.EXCUSED: gettext_lazy("Assenti giustificati"),
}


def meeting_attendance(meeting) -> list[AttendanceGroup]:
    """Who was present, absent or excused at ``meeting`` (a MinutesPage), by public label,
    in one query; empty when no attendance was recorded."""
    rows = (
        Attendance.objects.filter(meeting_id=meeting.pk)
        .order_by()
        .values_list(
            "status",
            "membership__role__name",
            "membership__organisation__name",
            "membership__on_behalf_of__name",
        )
    )
    labels = defaultdict(list)
    for status, role, organisation, body in rows:
        labels[status].append(public_label(role, organisation, body))
    return [
        AttendanceGroup(str(status), str(title), sorted(labels[status], key=str.casefold))
        for status, title in ATTENDANCE_TITLES.items()
        if labels.get(status)
    ]


def network_index_page():
    """The live public page listing the networks, or None."""
    from cms.site_structure import public_page_of_type

    from .models.pages import NetworkIndexPage

    return public_page_of_type(NetworkIndexPage)


@dataclass(frozen=True)
class PublicSubarea:
    name: str
    municipalities: tuple[str, ...]


def public_territory() -> tuple[list[str], list[PublicSubarea]]:
    """The districts' names and their sub-areas with their comuni, by name, in one query.

    Comuni outside any sub-area come last, in a sub-area with an empty name."""
    from .models import Area, AreaKind

    areas = list(Area.objects.order_by("name").values("pk", "name", "kind", "parent_id"))
    by_pk = {area["pk"]: area for area in areas}
    districts = [area["name"] for area in areas if area["kind"] == AreaKind.DISTRICT]
    comuni = defaultdict(list)
    for area in areas:
        if area["kind"] != AreaKind.MUNICIPALITY:
            continue
        parent = by_pk.get(area["parent_id"])
        in_subarea = parent is not None and parent["kind"] == AreaKind.SUBAREA
        comuni[parent["pk"] if in_subarea else None].append(area["name"])
    subareas = [
        PublicSubarea(area["name"], tuple(comuni[area["pk"]]))
        for area in areas
        if area["kind"] == AreaKind.SUBAREA
    ]
    if comuni[None]:
        subareas.append(PublicSubarea("", tuple(comuni[None])))
    return districts, subareas
