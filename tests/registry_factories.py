"""factory-boy factories for the registry (network app)."""

import factory

from network.models import (
    Area,
    AreaKind,
    Attendance,
    AttendanceStatus,
    CompositionRule,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    RuleKind,
    Sector,
)
from tests.factories import NetworkFactory  # noqa: F401  (re-exported for registry tests)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    name = factory.Sequence(lambda n: f"Area {n}")
    kind = AreaKind.MUNICIPALITY


class SubareaFactory(AreaFactory):
    name = factory.Sequence(lambda n: f"Sub-ambito {n}")
    kind = AreaKind.SUBAREA


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Ente {n}")
    sector = Sector.PUBLIC
    kind = OrganisationKind.MUNICIPALITY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Persona {n}")
    private_email = factory.Sequence(lambda n: f"persona{n}@privato.example")
    private_phone = factory.Sequence(lambda n: f"+39 333 000 {n:04d}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Ruolo {n}")
    slug = factory.Sequence(lambda n: f"ruolo-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    """A person sitting as a member; pass organisation=... and person=None for a body."""

    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    person = factory.SubFactory(PersonFactory)
    role = factory.SubFactory(RoleFactory)


class RuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompositionRule

    network = factory.SubFactory(NetworkFactory)
    kind = RuleKind.COVERAGE
    min_count = 1


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    status = AttendanceStatus.ABSENT
