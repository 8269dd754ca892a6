"""The pure gap engine: each rule kind, and the invariants that must hold for any registry
(hypothesis)."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from network.gap_engine import (
    Body,
    Meeting,
    NetworkInfo,
    Registry,
    Rule,
    Seat,
    SubArea,
    evaluate,
)

TODAY = date(2026, 11, 23)
NET = NetworkInfo(1, "rete-contatto", "Rete ConTatto")
SUBAREAS = tuple(SubArea(100 + i, f"Sub-ambito {i}", frozenset({99})) for i in range(1, 7))
MUNICIPALITY = Body(500, "public", "municipality")
ASSOCIATION = Body(501, "third_sector", "association")
PROVINCE = Body(502, "public", "province")
REFERENT, COORDINATOR = 10, 11


def seat(pk, **fields):
    values = {
        "id": pk,
        "network_id": NET.id,
        "label": f"Seggio {pk}",
        "role_id": REFERENT,
        "member": ("person", pk),
    }
    values.update(fields)
    return Seat(**values)


def registry(rules=(), seats=(), **more):
    return Registry(
        networks=(NET,), rules=tuple(rules), seats=tuple(seats), subareas=SUBAREAS, **more
    )


def kinds(gaps):
    return [gap.rule for gap in gaps]


# ---------------------------------------------------------------- rule by rule


def test_coverage_reports_each_sub_area_without_an_active_member():
    rule = Rule(1, NET.id, "coverage", severity="high", min_count=1)
    seats = [seat(1, subarea_id=101), seat(2, subarea_id=102), seat(3, subarea_id=103)]

    gaps = evaluate(registry([rule], seats), TODAY)

    assert [gap.missing["area"] for gap in gaps] == ["Sub-ambito 4", "Sub-ambito 5", "Sub-ambito 6"]
    assert all(gap.severity == "high" and gap.network == "rete-contatto" for gap in gaps)
    assert gaps[0].message == "Sub-ambito 4 non è rappresentato: nessun componente in carica."


def test_coverage_counts_only_the_rule_role_and_reports_under_representation():
    rule = Rule(1, NET.id, "coverage", min_count=2, role_id=COORDINATOR, role_name="Coordinatore")
    seats = [seat(1, subarea_id=101, role_id=COORDINATOR)] + [
        seat(10 + i, subarea_id=area.id) for i, area in enumerate(SUBAREAS)
    ]

    gaps = evaluate(registry([rule], seats), TODAY)

    assert len(gaps) == 6
    first = gaps[0]
    assert first.missing == {
        "area": "Sub-ambito 1",
        "required": 2,
        "found": 1,
        "role": "Coordinatore",
    }
    assert "sottorappresentato" in first.message


def test_coverage_limited_to_the_sub_areas_of_one_area():
    other = SubArea(200, "Altro sub-ambito", frozenset({199}))
    rule = Rule(1, NET.id, "coverage", min_count=1, area_id=199)
    reg = Registry(networks=(NET,), rules=(rule,), subareas=SUBAREAS + (other,))

    assert [gap.missing["area"] for gap in evaluate(reg, TODAY)] == ["Altro sub-ambito"]


def test_required_member_is_met_by_the_body_itself_or_by_someone_sitting_for_it():
    rule = Rule(
        1,
        NET.id,
        "required_member",
        organisation_id=PROVINCE.id,
        organisation_name="Provincia di Cremona",
    )

    assert kinds(evaluate(registry([rule]), TODAY)) == ["required_member"]
    assert (
        evaluate(registry([rule]), TODAY)[0].message
        == "Manca l'ente obbligatorio Provincia di Cremona."
    )
    as_member = seat(1, member=("organisation", PROVINCE.id), bodies=(PROVINCE,))
    for_it = seat(2, bodies=(PROVINCE,))
    assert evaluate(registry([rule], [as_member]), TODAY) == []
    assert evaluate(registry([rule], [for_it]), TODAY) == []


def test_required_role_counts_active_holders():
    rule = Rule(
        1, NET.id, "required_role", min_count=1, role_id=COORDINATOR, role_name="Coordinatore"
    )
    former = seat(1, role_id=COORDINATOR, end=TODAY - timedelta(days=1), closed=True)
    future = seat(2, role_id=COORDINATOR, start=TODAY + timedelta(days=1))

    gaps = evaluate(registry([rule], [former, future]), TODAY)

    assert gaps[0].message == "Manca il ruolo «Coordinatore»: nessun componente in carica."
    assert evaluate(registry([rule], [replace(future, start=TODAY)]), TODAY) == []


def test_quota_of_the_training_cohort():
    administrators = Rule(
        1,
        NET.id,
        "quota",
        label="Amministratori locali",
        min_count=10,
        max_count=10,
        organisation_kind="municipality",
    )
    seats = [seat(i, bodies=(MUNICIPALITY,)) for i in range(9)] + [seat(50, bodies=(ASSOCIATION,))]

    gaps = evaluate(registry([administrators], seats), TODAY)

    assert len(gaps) == 1
    assert gaps[0].message == "Quota «Amministratori locali» non raggiunta: 9 su 10 (ne manca 1)."
    assert gaps[0].missing == {
        "quota": "Amministratori locali",
        "short": 1,
        "min": 10,
        "max": 10,
        "found": 9,
    }
    too_many = seats + [seat(60, bodies=(MUNICIPALITY,)), seat(61, bodies=(MUNICIPALITY,))]
    assert evaluate(registry([administrators], too_many), TODAY)[0].missing["excess"] == 1


def test_quota_matches_sector_and_kind_on_the_same_body():
    rule = Rule(
        1, NET.id, "quota", min_count=1, sector="third_sector", organisation_kind="municipality"
    )
    mixed = seat(1, bodies=(MUNICIPALITY, ASSOCIATION))

    assert kinds(evaluate(registry([rule], [mixed]), TODAY)) == ["quota"]


def test_expiry_flags_ending_soon_and_ended_but_not_closed():
    rule = Rule(1, NET.id, "expiry", days=30)
    seats = [
        seat(1, end=TODAY + timedelta(days=30)),
        seat(2, end=TODAY + timedelta(days=31)),
        seat(3, end=TODAY - timedelta(days=3)),
        seat(4, end=TODAY - timedelta(days=3), closed=True),
        seat(5),
    ]

    gaps = evaluate(registry([rule], seats), TODAY)

    assert [(gap.missing["membership"], gap.missing["state"]) for gap in gaps] == [
        (3, "expired"),
        (1, "ending"),
    ]
    assert gaps[0].message == (
        "Seggio 3: appartenenza scaduta il 20 novembre 2026 e non chiusa "
        "(manca il motivo della cessazione)."
    )
    assert (
        gaps[1].message == "Seggio 1: appartenenza in scadenza il 23 dicembre 2026 (tra 30 giorni)."
    )


def test_attendance_counts_absences_in_the_last_meetings_only():
    rule = Rule(1, NET.id, "attendance", absences=2, meetings=3)
    meetings = tuple(Meeting(900 + i, NET.id, TODAY - timedelta(days=30 * i)) for i in range(5))
    # seat 1: absent at the two oldest meetings (outside the window) and at one recent one.
    # seat 2: absent twice in the last three; seat 3: excused twice (not an absence).
    attendance = {
        (904, 1): "absent",
        (903, 1): "absent",
        (900, 1): "absent",
        (900, 2): "absent",
        (902, 2): "absent",
        (900, 3): "excused",
        (901, 3): "excused",
    }
    reg = registry([rule], [seat(1), seat(2), seat(3)], meetings=meetings, attendance=attendance)

    gaps = evaluate(reg, TODAY)

    assert [gap.missing["membership"] for gap in gaps] == [2]
    assert gaps[0].message == "Seggio 2: assente a 2 delle ultime 3 sedute."


def test_gaps_are_ordered_by_severity_within_a_network():
    rules = [
        Rule(1, NET.id, "expiry", severity="low", days=10),
        Rule(
            2,
            NET.id,
            "required_role",
            severity="high",
            min_count=1,
            role_id=COORDINATOR,
            role_name="Coordinatore",
        ),
    ]
    gaps = evaluate(registry(rules, [seat(1, end=TODAY)]), TODAY)

    assert [gap.severity for gap in gaps] == ["high", "low"]


# ---------------------------------------------------------------- invariants

days = st.integers(min_value=-400, max_value=400).map(lambda n: TODAY + timedelta(days=n))
optional_day = st.none() | days


@st.composite
def seats_strategy(draw, max_size=25):
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from([None] + [area.id for area in SUBAREAS]),
                st.sampled_from([REFERENT, COORDINATOR]),
                st.sampled_from(
                    [(), (MUNICIPALITY,), (ASSOCIATION,), (PROVINCE,), (MUNICIPALITY, PROVINCE)]
                ),
                optional_day,
                optional_day,
                st.booleans(),
            ),
            max_size=max_size,
        )
    )
    built = []
    for pk, (subarea, role, bodies, start, end, closed) in enumerate(rows, start=1):
        if start and end and end < start:
            start, end = end, start
        built.append(
            seat(
                pk,
                subarea_id=subarea,
                role_id=role,
                bodies=bodies,
                start=start,
                end=end,
                closed=closed,
            )
        )
    return built


ALL_RULES = [
    Rule(1, NET.id, "coverage", min_count=1),
    Rule(2, NET.id, "required_member", organisation_id=PROVINCE.id, organisation_name="Provincia"),
    Rule(3, NET.id, "required_role", min_count=2, role_id=COORDINATOR, role_name="Coordinatore"),
    Rule(4, NET.id, "quota", min_count=2, max_count=4, organisation_kind="municipality"),
    Rule(5, NET.id, "expiry", days=30),
]


@given(seats_strategy(), st.sampled_from(SUBAREAS))
def test_adding_a_member_from_a_missing_sub_area_removes_exactly_that_coverage_gap(seats, area):
    rule = ALL_RULES[0]
    before = evaluate(registry([rule], seats), TODAY)
    newcomer = seat(1000, subarea_id=area.id, start=TODAY)

    after = evaluate(registry([rule], seats + [newcomer]), TODAY)

    missing_before = {gap.missing["area"] for gap in before}
    assert {gap.missing["area"] for gap in after} == missing_before - {area.name}


@given(seats_strategy(), seats_strategy(max_size=5))
def test_more_active_members_never_add_presence_gaps(seats, extra):
    presence_rules = ALL_RULES[:3]
    newcomers = [replace(s, id=2000 + i, start=None, end=None) for i, s in enumerate(extra)]

    before = evaluate(registry(presence_rules, seats), TODAY)
    after = evaluate(registry(presence_rules, seats + newcomers), TODAY)

    assert len(after) <= len(before)
    assert {(g.rule, g.missing.get("area")) for g in after} <= {
        (g.rule, g.missing.get("area")) for g in before
    }


@given(seats_strategy(), st.randoms(use_true_random=False))
def test_the_order_of_memberships_does_not_change_the_gaps(seats, rnd):
    shuffled = list(seats)
    rnd.shuffle(shuffled)

    assert evaluate(registry(ALL_RULES, seats), TODAY) == evaluate(
        registry(ALL_RULES, shuffled), TODAY
    )


@given(seats_strategy(), days)
def test_only_members_active_on_the_date_count(seats, as_of):
    active_only = [s for s in seats if s.active_on(as_of)]
    counting = ALL_RULES[:4]

    assert evaluate(registry(counting, seats), as_of) == evaluate(
        registry(counting, active_only), as_of
    )


@given(
    seats_strategy(), st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=6)
)
def test_a_quota_gap_exists_exactly_when_the_count_is_outside_its_bounds(seats, low, width):
    rule = Rule(
        4, NET.id, "quota", min_count=low, max_count=low + width, organisation_kind="municipality"
    )
    found = sum(1 for s in seats if s.active_on(TODAY) and MUNICIPALITY in s.bodies)

    gaps = evaluate(registry([rule], seats), TODAY)

    assert bool(gaps) == (not low <= found <= low + width)
    for gap in gaps:
        assert gap.missing["found"] == found


@given(seats_strategy(), st.integers(min_value=0, max_value=90))
def test_expiry_flags_exactly_the_unclosed_memberships_ended_or_ending_within_the_window(
    seats, window
):
    rule = Rule(5, NET.id, "expiry", days=window)
    expected = {
        s.id
        for s in seats
        if s.end is not None
        and not s.closed
        and (s.start is None or s.start <= TODAY)
        and (s.end - TODAY).days <= window
    }

    flagged = [gap.missing["membership"] for gap in evaluate(registry([rule], seats), TODAY)]

    assert sorted(flagged) == sorted(expected)


def test_networks_are_evaluated_independently():
    other = NetworkInfo(2, "tavolo-sia", "Tavolo SIA")
    rules = [Rule(1, NET.id, "coverage", min_count=1), Rule(2, other.id, "coverage", min_count=1)]
    seats = [seat(i, network_id=other.id, subarea_id=area.id) for i, area in enumerate(SUBAREAS)]
    reg = Registry(networks=(NET, other), rules=tuple(rules), seats=tuple(seats), subareas=SUBAREAS)

    gaps = evaluate(reg, TODAY)

    assert {gap.network for gap in gaps} == {"rete-contatto"}
    assert len(gaps) == 6
