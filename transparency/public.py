"""What the transparency section fills itself with, from data the site already publishes.

Each builder runs a fixed number of queries whatever the number of rows, and hands the
templates plain values: registry seats are network/public.py's PublicSeat (public label,
role, sub-area, and the person's name only when not hidden), never a Person; a grant's
beneficiary is its public label (art. 26 c. 4), never the name of a protected beneficiary.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from cms import call_state, site_structure
from cms.models import CallPage, CallType, PlanApprovalStep, PlanPage
from network.gaps import load_snapshot
from network.models import Network, NetworkKind
from network.public import PublicSeat, network_index_page, plain_text, public_seats

from . import sections
from .models import Grant, TransparencyIndexPage

GOVERNING_KINDS = (
    NetworkKind.ASSEMBLY,
    NetworkKind.COMMITTEE,
    NetworkKind.BOARD,
    NetworkKind.STEERING,
)
OFFICE_KINDS = (
    NetworkKind.PLANNING_OFFICE,
    NetworkKind.SERVICE,
    NetworkKind.TABLE,
    NetworkKind.NETWORK,
    NetworkKind.OTHER,
)
CONTRACT_CALL_TYPES = (
    CallType.SUPPLIES,
    CallType.EXPRESSION_OF_INTEREST,
    CallType.CO_DESIGN,
    CallType.OTHER,
)
GRANT_CALL_TYPES = (CallType.GRANTS,)


def section_page():
    """The live, public "Amministrazione trasparente" page (for the footer link), or None."""
    return site_structure.public_page_of_type(TransparencyIndexPage)


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class PublicBody:
    network: Network
    kind: str
    url: str
    purpose: str
    seats: list[PublicSeat]


def registry_bodies(kinds, as_of: date | None = None) -> list[PublicBody]:
    """The networks of ``kinds`` with their members in office on ``as_of`` (today), by
    public label: the same seats, labels and hidden-name rule as the networks' pages."""
    as_of = as_of or timezone.localdate()
    snapshot = load_snapshot(as_of, Network.objects.filter(kind__in=kinds))
    if not snapshot.networks:
        return []
    # Contacts, even role mailboxes, stay on the networks' pages.
    seats = {
        network_id: [replace(seat, role_email="") for seat in found]
        for network_id, found in public_seats(snapshot, as_of).items()
    }
    index = network_index_page()
    base = index.url if index is not None else None
    return [
        PublicBody(
            network=network,
            kind=network.get_kind_display(),
            url=index.network_url(network.slug, base) if index is not None else "",
            purpose=plain_text(network.purpose),
            seats=sorted(
                seats.get(network.pk, []), key=lambda s: (s.role.casefold(), s.label.casefold())
            ),
        )
        for network in snapshot.networks
    ]


# --------------------------------------------------------------------------- calls and plans


@dataclass(frozen=True)
class PublicCall:
    page: CallPage
    state: str
    state_label: str


@dataclass(frozen=True)
class CallGroup:
    type: str
    title: str
    calls: list


def calls_by_type(types, now=None) -> list[CallGroup]:
    """The live, public calls of ``types``, grouped by type, newest first (one query)."""
    now = now or timezone.now()
    calls = site_structure.public(CallPage.objects.live()).filter(call_type__in=types)
    groups = defaultdict(list)
    for call in calls.order_by(F("opening").desc(nulls_last=True), "-pk"):
        state = call.state_at(now)
        groups[call.call_type].append(PublicCall(call, state, call_state.STATE_LABELS[state]))
    return [
        CallGroup(kind, str(CallType(kind).label), groups[kind]) for kind in types if groups[kind]
    ]


def plan_acts() -> list:
    """The approval acts of the live, public plans, newest first (one query)."""
    public_plans = site_structure.public(PlanPage.objects.live()).values("pk")
    return list(
        PlanApprovalStep.objects.filter(page__in=public_plans)
        .select_related("page", "body")
        .order_by("-date", "-pk")
    )


# --------------------------------------------------------------------------- grants


@dataclass
class GrantYear:
    year: int
    grants: list = field(default_factory=list)
    total: Decimal = Decimal("0")


def grants_by_year() -> list[GrantYear]:
    """Published grants by year, newest first, with each year's total (one query)."""
    years: dict[int, GrantYear] = {}
    grants = Grant.objects.filter(live=True).select_related("call", "project_document")
    for grant in grants.order_by("-granted_on", "-pk"):
        year = years.setdefault(grant.year, GrantYear(grant.year))
        year.grants.append(grant)
        year.total += grant.amount
    return list(years.values())


# --------------------------------------------------------------------------- dispatch


@dataclass(frozen=True)
class Automatic:
    kind: str
    bodies: list = field(default_factory=list)
    call_groups: list = field(default_factory=list)
    acts: list = field(default_factory=list)
    grant_years: list = field(default_factory=list)


def automatic_content(kind: str) -> Automatic | None:
    """The list a section page with ``automatic_content == kind`` shows, or None."""
    if kind == sections.GOVERNING_BODIES:
        return Automatic(kind, bodies=registry_bodies(GOVERNING_KINDS))
    if kind == sections.OFFICES:
        return Automatic(kind, bodies=registry_bodies(OFFICE_KINDS))
    if kind == sections.CONTRACT_CALLS:
        return Automatic(kind, call_groups=calls_by_type(CONTRACT_CALL_TYPES))
    if kind == sections.GRANT_CALLS:
        return Automatic(kind, call_groups=calls_by_type(GRANT_CALL_TYPES))
    if kind == sections.PLAN_ACTS:
        return Automatic(kind, acts=plan_acts())
    if kind == sections.GRANTS:
        return Automatic(kind, grant_years=grants_by_year())
    return None
