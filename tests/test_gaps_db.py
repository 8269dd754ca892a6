"""Gaps read from the database: how memberships map to sub-areas and bodies, attendance from
minutes, and a query count that does not grow with the registry."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.gaps import find_gaps
from network.matrix import representation_matrix
from network.models import AreaKind, AttendanceStatus, EndReason, OrganisationKind, RuleKind, Sector
from tests.factories import MinutesPageFactory
from tests.registry_factories import (
    AreaFactory,
    AttendanceFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    RoleFactory,
    RuleFactory,
    SubareaFactory,
)

TODAY = date(2026, 11, 23)


@pytest.fixture
def district(db):
    district = AreaFactory(name="Ambito di Crema", kind=AreaKind.DISTRICT)
    north = SubareaFactory(name="Sub-ambito Nord", parent=district)
    south = SubareaFactory(name="Sub-ambito Sud", parent=district)
    crema = AreaFactory(name="Crema", parent=north)
    return {"district": district, "north": north, "south": south, "crema": crema}


def coverage_areas(network, as_of=TODAY):
    return sorted(
        gap.missing["area"] for gap in find_gaps(as_of, [network]) if gap.rule == RuleKind.COVERAGE
    )


def test_a_member_for_a_comune_covers_its_sub_area(district):
    network = NetworkFactory()
    RuleFactory(network=network, kind=RuleKind.COVERAGE, min_count=1)
    assert coverage_areas(network) == ["Sub-ambito Nord", "Sub-ambito Sud"]

    MembershipFactory(network=network, area=district["crema"])

    assert coverage_areas(network) == ["Sub-ambito Sud"]


def test_without_an_area_the_member_represents_the_area_of_the_body_it_sits_for(district):
    network = NetworkFactory()
    RuleFactory(network=network, kind=RuleKind.COVERAGE, min_count=1)
    comune = OrganisationFactory(name="Comune di Crema", area=district["crema"])

    MembershipFactory(network=network, on_behalf_of=comune)
    MembershipFactory(
        network=network, person=None, organisation=OrganisationFactory(area=district["south"])
    )

    assert coverage_areas(network) == []


def test_dates_decide_who_counts(district):
    network = NetworkFactory()
    RuleFactory(network=network, kind=RuleKind.COVERAGE, min_count=1)
    MembershipFactory(
        network=network,
        area=district["north"],
        start_date=date(2025, 1, 1),
        end_date=date(2025, 12, 31),
    )
    MembershipFactory(network=network, area=district["south"], start_date=date(2027, 1, 1))

    assert coverage_areas(network, date(2025, 6, 1)) == ["Sub-ambito Sud"]
    assert coverage_areas(network, date(2026, 6, 1)) == ["Sub-ambito Nord", "Sub-ambito Sud"]
    assert coverage_areas(network, date(2027, 6, 1)) == ["Sub-ambito Nord"]


def test_an_ended_membership_without_a_reason_is_reported_until_closed(db):
    network = NetworkFactory()
    RuleFactory(network=network, kind=RuleKind.EXPIRY, min_count=None, days=30)
    expired = MembershipFactory(
        network=network,
        person=None,
        organisation=OrganisationFactory(name="Caritas Crema"),
        end_date=date(2026, 9, 30),
    )

    gaps = find_gaps(TODAY, [network])
    assert [gap.missing["member"] for gap in gaps] == ["Caritas Crema"]
    assert gaps[0].missing["state"] == "expired"

    expired.end_reason = EndReason.TERM_ENDED
    expired.save()
    assert find_gaps(TODAY, [network]) == []


def test_quota_reads_the_sector_of_the_body_a_person_sits_for(db):
    network = NetworkFactory()
    RuleFactory(
        network=network,
        kind=RuleKind.QUOTA,
        min_count=2,
        max_count=None,
        sector=Sector.THIRD_SECTOR,
        label="Terzo settore",
    )
    association = OrganisationFactory(sector=Sector.THIRD_SECTOR, kind=OrganisationKind.ASSOCIATION)
    MembershipFactory(network=network, on_behalf_of=association)

    gaps = find_gaps(TODAY, [network])

    assert gaps[0].message == "Quota «Terzo settore» non raggiunta: 1 su 2 (ne manca 1)."


def test_absences_come_from_the_minutes_of_the_network(db, minutes_index):
    network = NetworkFactory()
    RuleFactory(network=network, kind=RuleKind.ATTENDANCE, min_count=None, absences=2, meetings=2)
    member = MembershipFactory(
        network=network, person=None, organisation=OrganisationFactory(name="ACLI")
    )
    for offset, status in [
        (60, AttendanceStatus.PRESENT),
        (30, AttendanceStatus.ABSENT),
        (10, AttendanceStatus.ABSENT),
    ]:
        meeting = MinutesPageFactory(
            parent=minutes_index, meeting_body=network, meeting_date=TODAY - timedelta(days=offset)
        )
        AttendanceFactory(meeting=meeting, membership=member, status=status)

    assert [gap.message for gap in find_gaps(TODAY, [network])] == [
        "ACLI: assente a 2 delle ultime 2 sedute."
    ]
    # Before the last meeting, the window holds one presence and one absence.
    assert find_gaps(TODAY - timedelta(days=20), [network]) == []


def test_gaps_never_name_a_person(db):
    network = NetworkFactory()
    RuleFactory(network=network, kind=RuleKind.EXPIRY, min_count=None, days=365)
    membership = MembershipFactory(
        network=network, end_date=TODAY, on_behalf_of=OrganisationFactory(name="Comune di Izano")
    )

    gap = find_gaps(TODAY, [network])[0]

    assert membership.person.name not in str(gap.as_dict())
    assert gap.missing["member"] == f"{membership.role.name} per Comune di Izano"


def build_network(district, members, minutes_index):
    network = NetworkFactory()
    role = RoleFactory(name="Referente", slug="referente")
    for kind, extra in [
        (RuleKind.COVERAGE, {"min_count": 1}),
        (RuleKind.REQUIRED_ROLE, {"min_count": 1, "role": role}),
        (RuleKind.QUOTA, {"min_count": 3, "organisation_kind": OrganisationKind.MUNICIPALITY}),
        (RuleKind.EXPIRY, {"min_count": None, "days": 30}),
        (RuleKind.ATTENDANCE, {"min_count": None, "absences": 1, "meetings": 2}),
    ]:
        RuleFactory(network=network, kind=kind, **extra)
    body = OrganisationFactory(area=district["crema"])
    memberships = [
        MembershipFactory(
            network=network, role=role, on_behalf_of=body, end_date=TODAY + timedelta(days=i)
        )
        for i in range(members)
    ]
    meeting = MinutesPageFactory(parent=minutes_index, meeting_body=network, meeting_date=TODAY)
    for membership in memberships:
        AttendanceFactory(meeting=meeting, membership=membership)
    return network


def test_the_number_of_queries_does_not_grow_with_networks_and_members(district, minutes_index):
    build_network(district, 1, minutes_index)
    with CaptureQueriesContext(connection) as small:
        small_gaps = find_gaps(TODAY)
    for _ in range(5):
        build_network(district, 12, minutes_index)
    with CaptureQueriesContext(connection) as large:
        large_gaps = find_gaps(TODAY)

    assert len(large_gaps) > len(small_gaps)
    assert len(large.captured_queries) == len(small.captured_queries) <= 6


def test_matrix_counts_members_per_network_and_sub_area(district):
    covered = NetworkFactory(name="A rete")
    RuleFactory(network=covered, kind=RuleKind.COVERAGE, min_count=2)
    MembershipFactory(network=covered, area=district["crema"])
    MembershipFactory(network=covered, area=district["north"])
    free = NetworkFactory(name="B rete")

    matrix = representation_matrix(TODAY, [covered, free])

    assert [area.name for area in matrix.subareas] == ["Sub-ambito Nord", "Sub-ambito Sud"]
    first, second = matrix.rows
    assert [(c.count, c.status, c.label) for c in first.cells] == [
        (2, "ok", "2 componenti"),
        (0, "missing", "nessuno"),
    ]
    assert [(c.count, c.status) for c in second.cells] == [
        (0, "none_required"),
        (0, "none_required"),
    ]
    assert first.missing == 1


def test_matrix_reads_a_role_limited_coverage_rule_with_its_role(district):
    network = NetworkFactory()
    referent = RoleFactory(name="Referente", slug="referente")
    RuleFactory(network=network, kind=RuleKind.COVERAGE, min_count=1, role=referent)
    MembershipFactory(network=network, area=district["north"], role=referent)
    MembershipFactory(network=network, area=district["south"])  # another role

    cells = representation_matrix(TODAY, [network]).rows[0].cells

    assert [(c.area.name, c.count, c.status) for c in cells] == [
        ("Sub-ambito Nord", 1, "ok"),
        ("Sub-ambito Sud", 1, "missing"),
    ]
