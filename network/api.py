"""`/api/v3/registry/`: the governance-network registry as JSON, read by anyone.

What the public page of a network shows, with ids: networks with their composition rules,
members in office and gaps on a date, the representation matrix, areas, organisations,
roles, memberships (public fields only: a person appears by name, unless the name is
hidden, and by role; never a private contact) and the Popolo export.

Each endpoint runs a fixed number of queries, whatever the number of networks, members or
items asked for (tests/test_api_registry.py counts them). Writing memberships is in
network/api_write.py.
"""

import datetime

from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from .gap_engine import evaluate
from .gaps import load_snapshot
from .matrix import MatrixCell, representation_matrix
from .models import (
    Area,
    AreaKind,
    CompositionRule,
    EndReason,
    Membership,
    Network,
    NetworkKind,
    Organisation,
    OrganisationKind,
    Role,
    RuleKind,
    Sector,
    Severity,
)
from .popolo_io.writer import export_document
from .public import network_index_page, plain_text

router = Router(tags=["registry"])

MAX_LIMIT = 100


def _label(choices, value):
    return str(choices(value).label) if value in choices.values else value


# --- schemas -------------------------------------------------------------------------------


class Ref(Schema):
    id: int
    name: str


class AreaOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    parent: Ref | None = None
    istat_code: str = ""


class OrganisationOut(Schema):
    id: int
    name: str
    sector: str
    sector_label: str
    kind: str
    kind_label: str
    parent: Ref | None = None
    area: Ref | None = None
    website: str = ""
    public_email: str = Field("", description="La casella istituzionale dell'ente.")


class RoleOut(Schema):
    name: str
    slug: str
    description: str = ""


class RuleOut(Schema):
    id: int
    kind: str
    kind_label: str
    severity: str
    label: str = ""
    min_count: int | None = None
    max_count: int | None = None
    role: str | None = None
    organisation: Ref | None = None
    area: Ref | None = None
    sector: str = ""
    organisation_kind: str = ""
    days: int | None = None
    absences: int | None = None
    meetings: int | None = None


class MembershipOut(Schema):
    id: int
    network: str = Field(description="Lo slug della rete.")
    label: str = Field(description="Come il sito nomina il posto: ente, o «Ruolo per Ente».")
    member_kind: str = Field(description="person o organisation.")
    person_name: str | None = Field(
        None, description="Il nome della persona; null per un ente o se il nome è riservato."
    )
    organisation: Ref | None = Field(None, description="L'ente componente, se è un ente.")
    role: str
    role_slug: str
    on_behalf_of: Ref | None = None
    area: Ref | None = None
    role_email: str = Field("", description="La casella pubblica del ruolo, se indicata.")
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    end_reason: str = ""
    end_reason_label: str = ""
    appointing_act: str = ""


class MembershipList(Schema):
    count: int
    limit: int
    offset: int
    items: list[MembershipOut]


class GapOut(Schema):
    network: str
    network_name: str
    rule: str
    rule_id: int | None = None
    severity: str
    severity_label: str
    message: str
    missing: dict


class NetworkOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    kind_label: str
    purpose: str = Field(description="La finalità, come testo semplice.")
    purpose_html: str
    html_url: str = Field(description="La pagina pubblica della rete, se pubblicata.")
    active_members: int
    gaps: int


class CellOut(Schema):
    area: Ref
    count: int
    required: int | None = None
    status: str = Field(description="ok, missing o none_required.")
    status_label: str


class NetworkDetail(NetworkOut):
    as_of: datetime.date
    rules: list[RuleOut]
    members: list[MembershipOut]
    gap_list: list[GapOut]
    coverage: list[CellOut]


class MatrixRowOut(Schema):
    network: str
    name: str
    missing: int
    cells: list[CellOut]


class MatrixOut(Schema):
    as_of: datetime.date
    subareas: list[Ref]
    rows: list[MatrixRowOut]


class Page(Schema):
    limit: int = Field(20, description=f"Quanti elementi (1–{MAX_LIMIT}).")
    offset: int = 0


class AsOf(Schema):
    as_of: datetime.date | None = Field(None, description="La data (AAAA-MM-GG); oggi se vuota.")


class MembershipFilters(Page):
    network: str | None = Field(None, description="Lo slug della rete.")
    role: str | None = Field(None, description="Lo slug del ruolo.")
    area: int | None = Field(None, description="L'id dell'area rappresentata.")
    organisation: int | None = Field(
        None, description="L'id di un ente, componente o per conto del quale si siede."
    )
    active_on: datetime.date | None = Field(
        None, description="Solo le appartenenze in carica in questa data (AAAA-MM-GG)."
    )


class AreaFilters(Page):
    kind: str | None = Field(None, description="district, subarea, municipality, other.")
    parent: int | None = None


class OrganisationFilters(Page):
    sector: str | None = None
    kind: str | None = None
    area: int | None = None
    q: str | None = Field(None, max_length=100, description="Parte del nome.")


# --- builders ------------------------------------------------------------------------------


def _ref(pk, name):
    return Ref(id=pk, name=name) if pk else None


def _window(page: Page, queryset):
    if not 1 <= page.limit <= MAX_LIMIT:
        raise HttpError(400, f"limit deve essere tra 1 e {MAX_LIMIT}")
    if page.offset < 0:
        raise HttpError(400, "offset non può essere negativo")
    return queryset.count(), list(queryset[page.offset : page.offset + page.limit])


def public_memberships():
    """Memberships with everything their public form needs, in the same query."""
    return Membership.objects.select_related(
        "network", "role", "person", "organisation", "on_behalf_of", "area"
    ).only(
        "id",
        "start_date",
        "end_date",
        "end_reason",
        "appointing_act",
        "network__slug",
        "role__name",
        "role__slug",
        "person__name",
        "person__role_email",
        "person__hidden_from_public",
        "organisation__name",
        "on_behalf_of__name",
        "area__name",
    )


def membership_out(membership: Membership) -> MembershipOut:
    person = membership.person if membership.person_id else None
    return MembershipOut(
        id=membership.pk,
        network=membership.network.slug,
        label=membership.public_label(),
        member_kind="person" if person else "organisation",
        person_name=person.public_name if person else None,
        organisation=_ref(
            membership.organisation_id,
            membership.organisation.name if membership.organisation_id else "",
        ),
        role=membership.role.name,
        role_slug=membership.role.slug,
        on_behalf_of=_ref(
            membership.on_behalf_of_id,
            membership.on_behalf_of.name if membership.on_behalf_of_id else "",
        ),
        area=_ref(membership.area_id, membership.area.name if membership.area_id else ""),
        role_email=person.role_email if person else "",
        start_date=membership.start_date,
        end_date=membership.end_date,
        end_reason=membership.end_reason,
        end_reason_label=_label(EndReason, membership.end_reason) if membership.end_reason else "",
        appointing_act=membership.appointing_act,
    )


def gap_out(gap) -> GapOut:
    return GapOut(
        network=gap.network,
        network_name=gap.network_name,
        rule=gap.rule,
        rule_id=gap.rule_id,
        severity=gap.severity,
        severity_label=_label(Severity, gap.severity),
        message=gap.message,
        missing=gap.missing,
    )


def cell_out(cell: MatrixCell) -> CellOut:
    return CellOut(
        area=Ref(id=cell.area.pk, name=cell.area.name),
        count=cell.count,
        required=cell.required,
        status=cell.status,
        status_label=cell.status_label,
    )


def rule_out(rule: CompositionRule) -> RuleOut:
    return RuleOut(
        id=rule.pk,
        kind=rule.kind,
        kind_label=_label(RuleKind, rule.kind),
        severity=rule.severity,
        label=rule.label,
        min_count=rule.min_count,
        max_count=rule.max_count,
        role=rule.role.name if rule.role_id else None,
        organisation=_ref(
            rule.organisation_id, rule.organisation.name if rule.organisation_id else ""
        ),
        area=_ref(rule.area_id, rule.area.name if rule.area_id else ""),
        sector=rule.sector,
        organisation_kind=rule.organisation_kind,
        days=rule.days,
        absences=rule.absences,
        meetings=rule.meetings,
    )


def _networks_out(request, snapshot) -> list[NetworkOut]:
    as_of = snapshot.as_of
    gaps, active = {}, {}
    for gap in evaluate(snapshot.registry, as_of):
        gaps[gap.network] = gaps.get(gap.network, 0) + 1
    for seat in snapshot.registry.seats:
        if seat.active_on(as_of):
            active[seat.network_id] = active.get(seat.network_id, 0) + 1
    index = network_index_page()
    base = index.get_full_url(request) if index else None
    return [
        NetworkOut(
            id=network.pk,
            slug=network.slug,
            name=network.name,
            kind=network.kind,
            kind_label=_label(NetworkKind, network.kind),
            purpose=plain_text(network.purpose),
            purpose_html=network.purpose,
            html_url=index.network_url(network.slug, base) if index and base else "",
            active_members=active.get(network.pk, 0),
            gaps=gaps.get(network.slug, 0),
        )
        for network in snapshot.networks
    ]


def _today(as_of: AsOf):
    return as_of.as_of or timezone.localdate()


# --- endpoints -----------------------------------------------------------------------------


@router.get("/networks/", response=list[NetworkOut], summary="Le reti, con componenti e lacune")
def list_networks(request: HttpRequest, when: Query[AsOf]):
    return _networks_out(request, load_snapshot(_today(when)))


@router.get(
    "/networks/{slug}/",
    response=NetworkDetail,
    summary="Una rete: regole, componenti in carica, lacune e copertura in una data",
)
def network_detail(request: HttpRequest, slug: str, when: Query[AsOf]):
    as_of = _today(when)
    network = get_object_or_404(Network, slug=slug)
    snapshot = load_snapshot(as_of, [network])
    summary = _networks_out(request, snapshot)[0]
    in_office = (Q(start_date__isnull=True) | Q(start_date__lte=as_of)) & (
        Q(end_date__isnull=True) | Q(end_date__gte=as_of)
    )
    members = public_memberships().filter(in_office, network=network)
    members = sorted(
        (membership_out(m) for m in members), key=lambda m: (m.role.casefold(), m.label.casefold())
    )
    rules = CompositionRule.objects.filter(network=network).select_related(
        "role", "organisation", "area"
    )
    matrix = representation_matrix(as_of, [network])
    return NetworkDetail(
        **summary.dict(),
        as_of=as_of,
        rules=[rule_out(rule) for rule in rules.order_by("sort_order", "pk")],
        members=members,
        gap_list=[gap_out(gap) for gap in evaluate(snapshot.registry, as_of)],
        coverage=[cell_out(cell) for cell in matrix.rows[0].cells] if matrix.rows else [],
    )


@router.get(
    "/networks/{slug}/gaps/",
    response=list[GapOut],
    summary="Le lacune di una rete in una data",
)
def network_gaps(request: HttpRequest, slug: str, when: Query[AsOf]):
    network = get_object_or_404(Network, slug=slug)
    snapshot = load_snapshot(_today(when), [network])
    return [gap_out(gap) for gap in evaluate(snapshot.registry, snapshot.as_of)]


class GapFilters(AsOf):
    severity: str | None = Field(None, description="high, medium o low.")


@router.get("/gaps/", response=list[GapOut], summary="Le lacune di tutte le reti in una data")
def all_gaps(request: HttpRequest, filters: Query[GapFilters]):
    if filters.severity and filters.severity not in Severity.values:
        raise HttpError(400, f"severity deve essere uno di: {', '.join(Severity.values)}")
    snapshot = load_snapshot(_today(filters))
    return [
        gap_out(gap)
        for gap in evaluate(snapshot.registry, snapshot.as_of)
        if not filters.severity or gap.severity == filters.severity
    ]


@router.get(
    "/matrix/",
    response=MatrixOut,
    summary="La matrice di rappresentanza: reti × sub-ambiti in una data",
)
def matrix(request: HttpRequest, when: Query[AsOf]):
    result = representation_matrix(_today(when))
    return MatrixOut(
        as_of=result.as_of,
        subareas=[Ref(id=area.pk, name=area.name) for area in result.subareas],
        rows=[
            MatrixRowOut(
                network=row.network.slug,
                name=row.network.name,
                missing=row.missing,
                cells=[cell_out(cell) for cell in row.cells],
            )
            for row in result.rows
        ],
    )


@router.get("/memberships/", response=MembershipList, summary="Le appartenenze (dati pubblici)")
def list_memberships(request: HttpRequest, filters: Query[MembershipFilters]):
    memberships = public_memberships()
    if filters.network:
        memberships = memberships.filter(network__slug=filters.network)
    if filters.role:
        memberships = memberships.filter(role__slug=filters.role)
    if filters.area:
        memberships = memberships.filter(area_id=filters.area)
    if filters.organisation:
        memberships = memberships.filter(
            Q(organisation_id=filters.organisation) | Q(on_behalf_of_id=filters.organisation)
        )
    if filters.active_on:
        day = filters.active_on
        memberships = memberships.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=day),
            Q(end_date__isnull=True) | Q(end_date__gte=day),
        )
    count, rows = _window(filters, memberships.order_by("network__name", "role__name", "pk"))
    return MembershipList(
        count=count,
        limit=filters.limit,
        offset=filters.offset,
        items=[membership_out(m) for m in rows],
    )


@router.get("/memberships/{membership_id}/", response=MembershipOut, summary="Un'appartenenza")
def membership_detail(request: HttpRequest, membership_id: int):
    return membership_out(get_object_or_404(public_memberships(), pk=membership_id))


class AreaList(Schema):
    count: int
    items: list[AreaOut]


@router.get("/areas/", response=AreaList, summary="Ambito, sub-ambiti e comuni")
def list_areas(request: HttpRequest, filters: Query[AreaFilters]):
    areas = Area.objects.select_related("parent").order_by("name", "pk")
    if filters.kind:
        if filters.kind not in AreaKind.values:
            raise HttpError(400, f"kind deve essere uno di: {', '.join(AreaKind.values)}")
        areas = areas.filter(kind=filters.kind)
    if filters.parent:
        areas = areas.filter(parent_id=filters.parent)
    count, rows = _window(filters, areas)
    return AreaList(
        count=count,
        items=[
            AreaOut(
                id=area.pk,
                name=area.name,
                kind=area.kind,
                kind_label=_label(AreaKind, area.kind),
                parent=_ref(area.parent_id, area.parent.name if area.parent_id else ""),
                istat_code=area.istat_code,
            )
            for area in rows
        ],
    )


class OrganisationList(Schema):
    count: int
    items: list[OrganisationOut]


@router.get("/organisations/", response=OrganisationList, summary="Gli enti")
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilters]):
    organisations = Organisation.objects.select_related("parent", "area").order_by("name", "pk")
    if filters.sector:
        if filters.sector not in Sector.values:
            raise HttpError(400, f"sector deve essere uno di: {', '.join(Sector.values)}")
        organisations = organisations.filter(sector=filters.sector)
    if filters.kind:
        if filters.kind not in OrganisationKind.values:
            raise HttpError(400, "kind non è una classificazione conosciuta")
        organisations = organisations.filter(kind=filters.kind)
    if filters.area:
        organisations = organisations.filter(area_id=filters.area)
    if filters.q:
        organisations = organisations.filter(name__icontains=filters.q)
    count, rows = _window(filters, organisations)
    return OrganisationList(
        count=count,
        items=[
            OrganisationOut(
                id=org.pk,
                name=org.name,
                sector=org.sector,
                sector_label=_label(Sector, org.sector),
                kind=org.kind,
                kind_label=_label(OrganisationKind, org.kind),
                parent=_ref(org.parent_id, org.parent.name if org.parent_id else ""),
                area=_ref(org.area_id, org.area.name if org.area_id else ""),
                website=org.website,
                public_email=org.public_email,
            )
            for org in rows
        ],
    )


@router.get("/roles/", response=list[RoleOut], summary="I ruoli")
def list_roles(request: HttpRequest):
    return [
        RoleOut(name=role.name, slug=role.slug, description=role.description)
        for role in Role.objects.order_by("name")
    ]


@router.get(
    "/popolo/",
    response=dict,
    summary="L'intero registro in formato Popolo (JSON), solo dati pubblici",
)
def popolo(request: HttpRequest):
    return export_document(public=True)
