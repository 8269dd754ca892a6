"""export_popolo: a deterministic document without private data; exported and imported into
an empty registry it gives the same data and the same gaps."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from network.gaps import find_gaps
from network.models import (
    Area,
    AreaKind,
    CompositionRule,
    EndReason,
    Membership,
    Network,
    NetworkKind,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    RuleKind,
    Sector,
    Severity,
)
from network.models.people import PRIVATE_PERSON_FIELDS
from network.popolo_io import export_document
from tests.registry_factories import (
    AreaFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    RuleFactory,
    SubareaFactory,
)

TODAY = date(2026, 11, 23)
REGISTRY_MODELS = (Area, Organisation, Role, Network, CompositionRule, Person, Membership)
# Not data a Popolo file can carry: keys of this database, the coordinators' group (made
# again from the network), revisions, the appointing act's uploaded document.
NOT_COMPARED = {"id", "popolo_id", "coordinators", "latest_revision", "appointing_document"}


@pytest.fixture
def full_registry(db):
    """A registry exercising every feature the export must carry."""
    district = AreaFactory(name="Ambito di Crema", kind=AreaKind.DISTRICT, popolo_id="ambito")
    north = SubareaFactory(name="Nord", parent=district)
    SubareaFactory(name="Sud", parent=district)  # nobody represents it: a coverage gap
    crema = AreaFactory(name="Crema", parent=north, istat_code="019035")
    AreaFactory(name="Ward 1", kind=AreaKind.OTHER, source_kind="ward", parent=crema)
    province = OrganisationFactory(name="Provincia di Cremona", kind=OrganisationKind.PROVINCE)
    comune = OrganisationFactory(
        name="Comune di Crema",
        area=crema,
        website="https://www.comune.crema.cr.it/",
        popolo_id="comune/crema",
    )
    association = OrganisationFactory(
        name="Donne Contro la Violenza",
        sector=Sector.THIRD_SECTOR,
        kind=OrganisationKind.ASSOCIATION,
        source_kind="party",  # imported as a party, reclassified by hand since
        parent=province,
        public_email="info@associazione.example",
    )
    OrganisationFactory(
        name="Partito", sector=Sector.OTHER, kind=OrganisationKind.OTHER, source_kind="party"
    )
    network = NetworkFactory(
        name="Rete ConTatto",
        slug="rete-contatto",
        kind=NetworkKind.NETWORK,
        purpose="<p>Rete antiviolenza</p>",
    )
    NetworkFactory(name="Tavolo SIA", slug="tavolo-sia", popolo_id="tavolo/sia'1")
    coordinator = RoleFactory(name="Coordinatore", slug="coordinatore", description="Guida")
    referent = RoleFactory(name="Referente", slug="referente")
    RoleFactory(name="Osservatore", slug="osservatore")  # on no seat
    person = PersonFactory(
        name="Giulia Verdi", role_email="rete@udp.example", private_notes="Nota riservata su Giulia"
    )
    MembershipFactory(
        network=network,
        person=person,
        role=coordinator,
        on_behalf_of=association,
        start_date=date(2025, 1, 1),
    )
    MembershipFactory(
        network=network,
        person=None,
        organisation=comune,
        role=referent,
        area=north,
        start_date=date(2024, 1, 1),
        end_date=date(2026, 10, 31),  # expired, not closed: an expiry gap
    )
    MembershipFactory(
        network=network,
        person=None,
        organisation=province,
        role=referent,
        end_date=date(2025, 12, 31),
        end_reason=EndReason.TERM_ENDED,
        appointing_act="Decreto 12/2024",
        popolo_id="m/provincia",
    )
    MembershipFactory(
        network=network,
        person=PersonFactory(name="Marco Neri"),
        role=referent,
        area=north,
        start_date=date(2026, 12, 1),  # not yet in office on TODAY
    )
    rules = [
        (RuleKind.COVERAGE, {"min_count": 1, "area": district, "severity": Severity.HIGH}),
        (RuleKind.REQUIRED_MEMBER, {"min_count": None, "organisation": province}),
        (RuleKind.REQUIRED_ROLE, {"min_count": 2, "role": coordinator}),
        (
            RuleKind.QUOTA,
            {"min_count": 2, "max_count": 5, "sector": Sector.THIRD_SECTOR, "label": "TS"},
        ),
        (RuleKind.EXPIRY, {"min_count": None, "days": 60, "severity": Severity.LOW}),
        (RuleKind.ATTENDANCE, {"min_count": None, "absences": 2, "meetings": 3}),
    ]
    for order, (kind, extra) in enumerate(rules):
        RuleFactory(network=network, kind=kind, sort_order=order, **extra)
    return network


def identity(row):
    """A row named by what it is rather than by its key in this database."""
    if row is None:
        return None
    if isinstance(row, Membership):
        return (
            row.network.slug,
            identity(row.member),
            row.role.name,
            identity(row.area),
            row.start_date,
        )
    if isinstance(row, CompositionRule):
        return (row.network.slug, row.sort_order)
    return getattr(row, "slug", None) if isinstance(row, Network) else row.name


def registry_snapshot():
    """Every field of every registry row except keys and private data, relations by identity."""
    snapshot = {}
    for model in REGISTRY_MODELS:
        rows = {}
        for row in model.objects.all():
            values = {}
            for field in model._meta.concrete_fields:
                if field.name in NOT_COMPARED or field.name in PRIVATE_PERSON_FIELDS:
                    continue
                value = getattr(row, field.name)
                values[field.name] = identity(value) if field.is_relation else value
            rows[identity(row)] = values
        snapshot[model.__name__] = rows
    return snapshot


def comparable_gaps():
    # A gap about one membership names it by primary key (missing["membership"]), which
    # differs between two databases by nature; everything else must be equal.
    return [
        {
            **{key: value for key, value in gap.as_dict().items() if key != "rule_id"},
            "missing": {k: v for k, v in gap.missing.items() if k != "membership"},
        }
        for gap in find_gaps(TODAY)
    ]


def empty_the_registry():
    Membership.objects.all().delete()
    Network.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.update(parent=None)
    Organisation.objects.all().delete()
    while Area.objects.exists():
        Area.objects.filter(children__isnull=True).delete()
    Role.objects.all().delete()
    assert all(not model.objects.exists() for model in REGISTRY_MODELS)


def export_text(*args):
    out = StringIO()
    call_command("export_popolo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_export_then_import_into_an_empty_registry_gives_the_same_data_and_gaps(
    full_registry, tmp_path
):
    path = tmp_path / "export.json"
    call_command("export_popolo", str(path), stderr=StringIO())
    snapshot, gaps = registry_snapshot(), comparable_gaps()
    assert {gap["rule"] for gap in gaps} >= {"coverage", "required_role", "quota", "expiry"}

    empty_the_registry()
    call_command("import_popolo", str(path), stdout=StringIO())

    assert registry_snapshot() == snapshot
    assert comparable_gaps() == gaps
    assert json.loads(path.read_text(encoding="utf-8")) == export_document()


def test_private_fields_do_not_survive_a_round_trip_by_design(full_registry, tmp_path):
    path = tmp_path / "export.json"
    call_command("export_popolo", str(path), stderr=StringIO())
    empty_the_registry()

    call_command("import_popolo", str(path), stdout=StringIO())

    person = Person.objects.get(name="Giulia Verdi")
    assert (person.private_email, person.private_phone, person.private_notes) == ("", "", "")
    assert person.role_email == "rete@udp.example"


def test_the_export_carries_no_private_field(full_registry):
    people = list(Person.objects.all())

    text = export_text()

    for person in people:
        for name in PRIVATE_PERSON_FIELDS:
            if getattr(person, name):
                assert getattr(person, name) not in text
    exported = json.loads(text)["persons"]
    assert {key for person in exported for key in person} == {"id", "name", "role_email"}
    assert "rete@udp.example" in text  # the public role mailbox travels


def test_the_export_is_sorted_and_identical_each_time(full_registry, tmp_path):
    first, second = export_text(), export_text()
    path = tmp_path / "export.json"
    call_command("export_popolo", str(path), stderr=StringIO())

    assert first == second == path.read_text(encoding="utf-8")
    document = json.loads(first)
    for key in ("areas", "organizations", "persons", "memberships"):
        ids = [item["id"] for item in document[key]]
        assert ids == sorted(ids)
        assert len(set(ids)) == len(ids)


def test_the_export_carries_networks_rules_and_our_extension_keys(full_registry):
    document = json.loads(export_text())

    network = next(org for org in document["organizations"] if org["name"] == "Rete ConTatto")
    assert network["id"] == "network/rete-contatto"
    assert (network["classification"], network["slug"]) == ("network", "rete-contatto")
    assert network["purpose"] == "<p>Rete antiviolenza</p>"
    assert [rule["kind"] for rule in network["composition"]] == list(RuleKind.values)
    assert network["composition"][1] == {
        "kind": "required_member",
        "severity": "medium",
        "organization_id": next(
            org["id"] for org in document["organizations"] if org["name"] == "Provincia di Cremona"
        ),
    }
    sia = next(org for org in document["organizations"] if org["name"] == "Tavolo SIA")
    assert (sia["id"], sia["composition"]) == ("tavolo/sia'1", [])
    association = next(
        org for org in document["organizations"] if org["name"] == "Donne Contro la Violenza"
    )
    assert (association["classification"], association["source_kind"]) == ("association", "party")
    assert association["sector"] == "third_sector"
    crema = next(area for area in document["areas"] if area["name"] == "Crema")
    assert crema["identifiers"] == [{"scheme": "istat", "identifier": "019035"}]
    assert {"name": "Coordinatore", "slug": "coordinatore", "description": "Guida"} in document[
        "roles"
    ]
    by_body = next(m for m in document["memberships"] if m["id"] == "m/provincia")
    assert by_body["member"]["@type"] == "Organization"
    assert (by_body["end_reason"], by_body["appointing_act"]) == ("term_ended", "Decreto 12/2024")
    assert "start_date" not in by_body  # an unknown date stays unknown


def test_rows_without_popolo_id_get_stable_ids_that_the_import_keeps(full_registry, tmp_path):
    area = Area.objects.get(name="Nord")
    document = export_document()
    assert {
        "id": f"area/{area.pk}",
        "name": "Nord",
        "classification": "subarea",
        "parent_id": "ambito",
    } in document["areas"]

    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    empty_the_registry()
    call_command("import_popolo", str(path), stdout=StringIO())

    assert Area.objects.get(name="Nord").popolo_id == f"area/{area.pk}"
    assert export_document() == document


def test_a_generated_id_never_takes_one_another_row_wears(db):
    first = AreaFactory(name="Prima")
    AreaFactory(name="Seconda", popolo_id=f"area/{first.pk}")

    ids = [area["id"] for area in export_document()["areas"]]

    assert sorted(ids) == [f"area/{first.pk}", f"area/{first.pk}-2"]


def test_importing_its_own_export_into_the_same_registry_creates_nothing(full_registry, tmp_path):
    path = tmp_path / "export.json"
    call_command("export_popolo", str(path), stderr=StringIO())
    snapshot = registry_snapshot()

    out = StringIO()
    call_command("import_popolo", str(path), stdout=out)

    assert " 0 create" in out.getvalue()
    assert all(
        line.split(": ")[1].startswith("0 create")
        for line in out.getvalue().splitlines()
        if not line.startswith("nota")
    )
    assert registry_snapshot() == snapshot
    assert Person.objects.get(name="Giulia Verdi").private_notes == "Nota riservata su Giulia"
