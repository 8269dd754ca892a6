"""Memberships: impossible dates and overlapping seats are refused by model validation (what
admin forms run) and by the database itself, on SQLite and PostgreSQL alike."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from network.models import Membership
from tests.registry_factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    SubareaFactory,
)


@pytest.fixture
def seat(db):
    """The first membership of a person as referent, for 2024."""
    return MembershipFactory(start_date=date(2024, 1, 1), end_date=date(2024, 12, 31))


def same_seat(existing, **dates):
    return Membership(
        network=existing.network,
        person=existing.person,
        role=existing.role,
        area=existing.area,
        **dates,
    )


def refused_by_database(membership):
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize(
    "dates",
    [
        {"start_date": date(2024, 6, 1), "end_date": date(2025, 6, 1)},
        {"start_date": date(2024, 12, 31)},
        {"end_date": date(2024, 1, 1)},
        {},
    ],
    ids=["inside", "starts-on-last-day", "ends-on-first-day", "undated"],
)
def test_overlapping_dates_for_the_same_seat_are_refused(seat, dates):
    clash = same_seat(seat, **dates)

    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "si sovrappongono" in str(error.value)
    assert refused_by_database(same_seat(seat, **dates))
    assert Membership.objects.count() == 1


def test_the_next_term_can_start_the_day_after(seat):
    following = same_seat(seat, start_date=date(2025, 1, 1))

    following.full_clean()
    following.save()

    assert Membership.objects.count() == 2


def test_moving_a_membership_onto_another_is_refused_on_update(seat):
    later = MembershipFactory(
        network=seat.network, person=seat.person, role=seat.role, start_date=date(2026, 1, 1)
    )
    later.start_date = date(2024, 6, 1)

    with pytest.raises(ValidationError):
        later.full_clean()
    assert refused_by_database(later)
    later.refresh_from_db()
    assert later.start_date == date(2026, 1, 1)


@pytest.mark.parametrize(
    "change",
    [
        {"role": "other"},
        {"network": "other"},
        {"area": "other"},
        {"person": "other"},
    ],
)
def test_a_different_role_network_area_or_member_may_overlap(seat, change):
    fields = {
        "network": seat.network,
        "person": seat.person,
        "role": seat.role,
        "start_date": date(2024, 3, 1),
    }
    key = next(iter(change))
    fields[key] = {
        "role": RoleFactory,
        "network": NetworkFactory,
        "area": SubareaFactory,
        "person": PersonFactory,
    }[key]()
    membership = Membership(**fields)

    membership.full_clean()
    membership.save()


def test_end_before_start_is_refused(db):
    membership = MembershipFactory.build(
        network=NetworkFactory(),
        person=PersonFactory(),
        role=RoleFactory(),
        start_date=date(2025, 5, 1),
        end_date=date(2025, 4, 30),
    )

    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "La data di fine non può precedere la data di inizio." in str(error.value)
    assert refused_by_database(membership)


def test_a_member_is_a_person_or_an_organisation_never_both_nor_neither(db):
    network, role = NetworkFactory(), RoleFactory()
    both = Membership(
        network=network, role=role, person=PersonFactory(), organisation=OrganisationFactory()
    )
    neither = Membership(network=network, role=role)

    for membership in (both, neither):
        with pytest.raises(ValidationError) as error:
            membership.full_clean()
        assert "Indicare una persona oppure un ente" in str(error.value)
        assert refused_by_database(membership)
    assert not Membership.objects.exists()
