"""import_popolo: a document is checked whole before anything is written, written in one
transaction, and importing it again changes nothing."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import (
    Area,
    AreaKind,
    CompositionRule,
    Membership,
    Network,
    NetworkKind,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    RuleKind,
    Sector,
)
from tests.registry_factories import MembershipFactory, NetworkFactory, RoleFactory


def write(tmp_path, data, name="registry.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def import_file(path, *args):
    out = StringIO()
    call_command("import_popolo", str(path), *args, stdout=out)
    return out.getvalue()


def import_document(tmp_path, document, *args):
    return import_file(write(tmp_path, document), *args)


def refused(tmp_path, document):
    """The error message of an import that must fail."""
    with pytest.raises(CommandError) as error:
        import_document(tmp_path, document)
    return str(error.value)


def registry_rows():
    return {
        model.__name__: model.objects.count()
        for model in (Area, Organisation, Network, Person, Role, Membership, CompositionRule)
    }


def writes(queries):
    return [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def minimal(**membership):
    return {
        "areas": [{"id": "nord", "name": "Nord", "classification": "sub-ambito"}],
        "organizations": [
            {"id": "tavolo", "name": "Tavolo SIA", "classification": "table"},
            {"id": "comune", "name": "Comune di Crema", "classification": "comune"},
        ],
        "persons": [{"id": "p1", "name": "Anna Bianchi", "email": "anna@privato.example"}],
        "memberships": [
            {"person_id": "p1", "organization_id": "tavolo", "role": "Referente", **membership}
        ],
    }


def membership(person="p1", **fields):
    return {"person_id": person, "organization_id": "tavolo", "role": "Referente", **fields}


def test_a_minimal_document_becomes_network_body_person_and_membership(db, tmp_path):
    import_document(tmp_path, minimal(on_behalf_of_id="comune", start_date="2026-01-01"))

    seat = Membership.objects.select_related("network", "on_behalf_of", "person", "area").get()
    assert (seat.network.name, seat.network.kind) == ("Tavolo SIA", NetworkKind.TABLE)
    assert seat.network.slug == "tavolo-sia"
    assert seat.on_behalf_of.kind == OrganisationKind.MUNICIPALITY
    assert seat.on_behalf_of.sector == Sector.PUBLIC
    assert seat.person.private_email == "anna@privato.example"
    assert seat.person.role_email == ""
    assert (seat.start_date, seat.end_date) == (date(2026, 1, 1), None)
    assert seat.role.name == "Referente"
    assert Area.objects.get().kind == AreaKind.SUBAREA


def test_classifications_map_onto_our_kinds_and_keep_unknown_originals(db, tmp_path):
    document = {
        "areas": [
            {"id": "d", "name": "Ambito di Crema", "classification": "ambito"},
            {"id": "s", "name": "Nord", "classification": "subarea", "parent_id": "d"},
            {
                "id": "c",
                "name": "Crema",
                "classification": "Comune",
                "parent_id": "s",
                "identifiers": [{"scheme": "ISTAT", "identifier": "019035"}],
            },
            {"id": "w", "name": "Ward 1", "classification": "ward", "parent_id": "c"},
        ],
        "organizations": [
            {"id": "net", "name": "Rete", "classification": "legislature", "composition": []},
            {"id": "party", "name": "Partito", "classification": "party"},
            {"id": "coop", "name": "Coop", "classification": "cooperative"},
            {"id": "odv", "name": "Odv", "classification": "gruppo", "sector": "third_sector"},
        ],
        "persons": [],
        "memberships": [],
    }

    import_document(tmp_path, document)

    crema = Area.objects.get(popolo_id="c")
    assert (crema.kind, crema.istat_code, crema.parent.name) == (
        AreaKind.MUNICIPALITY,
        "019035",
        "Nord",
    )
    assert Area.objects.get(popolo_id="d").kind == AreaKind.DISTRICT
    ward = Area.objects.get(popolo_id="w")
    assert (ward.kind, ward.source_kind) == (AreaKind.OTHER, "ward")
    party = Organisation.objects.get(popolo_id="party")
    assert (party.kind, party.source_kind, party.sector) == ("other", "party", Sector.OTHER)
    assert Organisation.objects.get(popolo_id="coop").sector == Sector.THIRD_SECTOR
    odv = Organisation.objects.get(popolo_id="odv")
    assert (odv.kind, odv.sector) == (OrganisationKind.OTHER, Sector.THIRD_SECTOR)
    assert Network.objects.get().kind == NetworkKind.OTHER


def test_ids_with_apostrophes_are_kept_and_slugs_derived_unique(db, tmp_path):
    NetworkFactory(name="Altra rete", slug="break-oday-council")
    document = {
        "organizations": [
            {"id": "legislature/break_o'day_council", "name": "Break O'Day Council"},
        ],
        "persons": [{"id": "break_o'day_council/janet", "name": "Janet"}],
        "memberships": [
            {
                "person_id": "break_o'day_council/janet",
                "organization_id": "legislature/break_o'day_council",
            }
        ],
    }

    report = import_document(tmp_path, document)

    council = Network.objects.get(popolo_id="legislature/break_o'day_council")
    assert council.slug == "break-oday-council-2"
    assert Person.objects.get().popolo_id == "break_o'day_council/janet"
    assert Membership.objects.get().role.name == "Componente"  # no role: noted
    assert "1 appartenenze senza ruolo" in report


def test_a_member_may_be_an_organisation_and_roles_match_ignoring_case(db, tmp_path):
    existing = RoleFactory(name="Referente", slug="referente")
    document = minimal()
    document["memberships"] = [
        {
            "member": {"@type": "Organization", "id": "comune"},
            "organization_id": "tavolo",
            "role": "REFERENTE",
            "area_id": "nord",
        },
        {"member": {"@type": "Person", "id": "p1"}, "organization_id": "tavolo", "role": "x"},
    ]

    import_document(tmp_path, document)

    by_organisation = Membership.objects.get(organisation__popolo_id="comune")
    assert by_organisation.person is None
    assert by_organisation.role == existing
    assert by_organisation.area.name == "Nord"
    assert Membership.objects.get(person__popolo_id="p1").role.name == "x"
    assert Role.objects.count() == 2


@pytest.mark.parametrize(
    "document, message",
    [
        ("{ not json", "non è JSON valido (riga 1, colonna 3"),
        ('{"areas": [', "forse il file è troncato"),
        ("[1, 2]", "deve contenere un oggetto JSON"),
        (
            minimal(start_date="2026-01"),
            "memberships[0].start_date: la data '2026-01' ha precisione ridotta",
        ),
        (minimal(end_date="2026"), "serve la data completa AAAA-MM-GG"),
        (minimal(start_date="2026-02-30"), "data '2026-02-30' impossibile"),
        (minimal(start_date="01/02/2026"), "non nel formato AAAA-MM-GG"),
        (minimal(start_date=20260101), "la data deve essere un testo"),
        (
            minimal(start_date="2026-05-01", end_date="2026-04-30"),
            "memberships[0].end_date: la fine (2026-04-30) precede l'inizio (2026-05-01)",
        ),
        (minimal(area_id="sud"), "memberships[0].area_id: area 'sud' inesistente nel file"),
        (minimal(person_id="p9"), "memberships[0].person_id: persona 'p9' inesistente"),
        (minimal(organization_id="nessuna"), "organizzazione 'nessuna' inesistente"),
        (minimal(on_behalf_of_id="tavolo"), "'tavolo' è una rete"),
        (minimal(end_reason="stanco"), "memberships[0].end_reason"),
        (minimal(person_id=None), "memberships[0]: manca il componente"),
    ],
)
def test_a_bad_document_gets_a_clear_message_and_changes_nothing(db, tmp_path, document, message):
    MembershipFactory()
    before = registry_rows()

    assert message in refused(tmp_path, document)
    assert registry_rows() == before


def test_duplicate_ids_and_areas_without_id_are_refused(db, tmp_path):
    document = minimal()
    document["persons"].append({"id": "p1", "name": "Altra Anna"})
    document["areas"].append({"name": "Senza id", "classification": "subarea"})

    message = refused(tmp_path, document)

    assert "persons[1].id: id 'p1' già usato in persons[0]" in message
    assert "areas[1]: manca l'id" in message
    assert registry_rows()["Person"] == 0


def test_field_values_are_checked_without_repeating_private_data(db, tmp_path):
    document = minimal()
    document["persons"][0]["email"] = "non-una-email-segreta"
    document["persons"].append({"id": "p2", "name": "x" * 300})

    message = refused(tmp_path, document)

    assert "persons[0].email" in message
    assert "non-una-email-segreta" not in message
    assert "persons[1].name" in message


def test_only_twenty_problems_are_listed_then_a_count(db, tmp_path):
    document = minimal()
    document["memberships"] = [membership(person=f"ghost{n}") for n in range(25)]

    message = refused(tmp_path, document)

    assert message.count("inesistente nel file") == 20
    assert "… e altri 5 problemi." in message


@pytest.mark.parametrize("name", ["membership.json", "area.json"])
def test_a_single_popolo_object_is_refused_saying_what_it_looks_like(db, tmp_path, name):
    single = {
        "membership.json": {"id": "593", "person_id": "x", "organization_id": "y"},
        "area.json": {"name": "Boston Ward 1", "identifier": "ocd", "classification": "ward"},
    }[name]

    message = refused(tmp_path, single)

    kind = name.removesuffix(".json")
    assert f"sembra un singolo oggetto {kind}, non un documento con " in message
    assert "areas/organizations/persons/memberships" in message


def test_overlapping_memberships_in_the_file_are_all_named(db, tmp_path):
    document = minimal()
    document["memberships"] = [
        membership(start_date="2020-01-01", end_date="2020-12-31"),
        membership(start_date="2020-02-01", end_date="2020-02-28"),
        membership(start_date="2020-06-01", end_date="2020-06-30"),
        membership(start_date="2021-01-01"),
        membership(role="referente", end_date="2020-03-01"),  # open start, same role
    ]

    message = refused(tmp_path, document)

    assert "memberships[1]: si sovrappone a memberships[0]" in message
    assert "memberships[2]: si sovrappone a memberships[0]" in message
    assert "memberships[0]: si sovrappone a memberships[4]" in message
    assert "memberships[3]" not in message
    assert registry_rows()["Membership"] == 0


def test_simultaneous_memberships_for_different_areas_are_kept_and_noted(db, tmp_path):
    document = minimal()
    document["areas"].append({"id": "sud", "name": "Sud", "classification": "subarea"})
    document["memberships"] = [membership(area_id="nord"), membership(area_id="sud")]

    report = import_document(tmp_path, document)

    assert Membership.objects.count() == 2
    assert "1 componenti hanno nello stesso periodo appartenenze" in report


def test_an_overlap_with_the_registry_is_found_before_any_write(db, tmp_path):
    import_document(tmp_path, minimal(id="m1", start_date="2026-01-01"))
    document = minimal(id="m2", start_date="2026-03-01")
    document["persons"].append({"id": "p2", "name": "Nuova Persona"})
    before = registry_rows()

    with CaptureQueriesContext(connection) as queries:
        message = refused(tmp_path, document)

    assert "memberships[0]: si sovrappone a un'appartenenza già nel registro" in message
    assert writes(queries.captured_queries) == []
    assert registry_rows() == before


def test_a_network_name_taken_by_another_network_is_refused(db, tmp_path):
    NetworkFactory(name="Tavolo SIA", slug="sia", popolo_id="altro-tavolo")

    message = refused(tmp_path, minimal())

    assert "organizations[0].name: esiste già nel registro un'altra rete" in message
    assert registry_rows()["Membership"] == 0


def test_dry_run_counts_without_writing(db, tmp_path):
    with CaptureQueriesContext(connection) as queries:
        report = import_document(tmp_path, minimal(on_behalf_of_id="comune"), "--dry-run")

    assert "nessuna modifica salvata" in report
    assert "reti: 1 create" in report
    assert "enti: 1 create" in report
    assert "appartenenze: 1 create" in report
    assert writes(queries.captured_queries) == []
    assert set(registry_rows().values()) == {0}


def test_dry_run_of_a_known_file_counts_what_would_change(db, tmp_path):
    import_document(tmp_path, minimal(start_date="2026-01-01"))

    report = import_document(
        tmp_path, minimal(start_date="2026-01-01", end_date="2026-06-30"), "--dry-run"
    )

    assert "appartenenze: 0 create, 1 aggiornate, 0 invariate" in report
    assert Membership.objects.get().end_date is None


def test_importing_the_same_file_again_changes_nothing(db, tmp_path):
    path = write(tmp_path, minimal(on_behalf_of_id="comune", start_date="2026-01-01"))
    import_file(path)
    before = registry_rows()

    report = import_file(path)

    assert registry_rows() == before
    for line in (
        "aree: 0 create, 0 aggiornate, 1 invariate",
        "persone: 0 create, 0 aggiornate, 1 invariate",
    ):
        assert line in report
    assert "appartenenze: 0 create, 0 aggiornate, 1 invariate" in report


def test_a_membership_without_id_is_found_again_by_its_seat_and_start(db, tmp_path):
    import_document(tmp_path, minimal(start_date="2026-01-01"))
    first = Membership.objects.get()

    report = import_document(
        tmp_path, minimal(start_date="2026-01-01", end_date="2026-12-31", end_reason="resigned")
    )

    first.refresh_from_db()
    assert "appartenenze: 0 create, 1 aggiornate" in report
    assert (first.end_date, first.end_reason) == (date(2026, 12, 31), "resigned")
    assert Membership.objects.count() == 1


def test_a_file_without_private_contacts_does_not_wipe_them(db, tmp_path):
    import_document(tmp_path, minimal())
    document = minimal()
    del document["persons"][0]["email"]

    import_document(tmp_path, document)

    assert Person.objects.get().private_email == "anna@privato.example"


def test_the_report_notes_ignored_keys_dropped_personal_data_and_likely_duplicates(db, tmp_path):
    document = minimal()
    document["warnings"] = {"skipped": ["ward"]}
    document["meta"] = {}
    document["posts"] = [{"id": "post1"}]
    document["organizations"].append({"id": "c2", "name": " comune di crema "})
    document["persons"][0].update(
        birth_date="1970-01-01",
        gender="female",
        contact_details=[
            {"type": "cell", "value": "+39 333 1234567"},
            {"type": "twitter", "value": "anna"},
        ],
    )

    report = import_document(tmp_path, document)

    assert (
        "Chiavi ignorate al primo livello (non fanno parte del registro): meta, warnings." in report
    )
    assert "1 posts ignorati" in report
    assert "birth_date (1), gender (1)" in report
    assert "1 recapiti personali in più" in report
    assert (
        "Possibili enti doppi, tenuti distinti: ' comune di crema ', 'Comune di Crema'." in report
    )
    assert Organisation.objects.count() == 2
    person = Person.objects.get()
    assert person.private_phone == "+39 333 1234567"
    assert "1970" not in str(person.__dict__)


def test_composition_rules_are_imported_with_every_field(db, tmp_path):
    document = minimal(on_behalf_of_id="comune")
    document["organizations"][0]["composition"] = [
        {"kind": "coverage", "min_count": 1, "area_id": "nord", "role": "Referente"},
        {"kind": "required_member", "organization_id": "comune", "severity": "high"},
        {"kind": "required_role", "min_count": 1, "role": "Coordinatore"},
        {"kind": "quota", "min_count": 5, "max_count": 5, "sector": "third_sector", "label": "TS"},
        {"kind": "expiry", "days": 30, "severity": "low"},
        {"kind": "attendance", "absences": 2, "meetings": 3},
    ]

    import_document(tmp_path, document)

    rules = list(CompositionRule.objects.order_by("sort_order"))
    assert [rule.kind for rule in rules] == list(RuleKind.values)
    assert (rules[0].area.name, rules[0].role.name) == ("Nord", "Referente")
    assert (rules[1].organisation.name, rules[1].severity) == ("Comune di Crema", "high")
    assert Role.objects.filter(name="Coordinatore").exists()  # created for the rule
    assert (rules[3].label, rules[3].sector, rules[3].max_count) == ("TS", "third_sector", 5)
    assert (rules[4].days, rules[5].absences, rules[5].meetings) == (30, 2, 3)


def test_an_invalid_composition_rule_is_refused_with_its_place(db, tmp_path):
    document = minimal()
    document["organizations"][0]["composition"] = [
        {"kind": "quota"},
        {"kind": "boh"},
        {"kind": "expiry", "days": 10, "min_count": 2},
        {"kind": "attendance", "absences": 4, "meetings": 3, "colour": "red"},
    ]

    message = refused(tmp_path, document)

    assert "organizations[0].composition[0].min_count" in message
    assert "composition[1].kind: tipo di regola 'boh' sconosciuto" in message
    assert "composition[2].min_count: Non si applica a questo tipo di regola" in message
    assert "composition[3].absences" in message
    assert "composition[3]: chiavi sconosciute: colour" in message
    assert set(registry_rows().values()) == {0}


def test_period_dates_fill_missing_bounds_only_when_asked(db, tmp_path):
    document = minimal(legislative_period_id="term/1")
    document["memberships"].append(
        membership(person="p1", role="Altro", legislative_period_id="term/1", end_date="2019-12-31")
    )
    document["events"] = [
        {
            "id": "term/1",
            "classification": "legislative period",
            "start_date": "2020-01-01",
            "end_date": "2024-12-31",
        }
    ]

    report = import_document(tmp_path, document)
    assert Membership.objects.filter(start_date__isnull=True).count() == 2
    assert "nessuna data inventata" in report

    Membership.objects.all().delete()
    report = import_document(tmp_path, document, "--period-dates")

    filled = Membership.objects.get(role__name="Referente")
    assert (filled.start_date, filled.end_date) == (date(2020, 1, 1), date(2024, 12, 31))
    # A seat that ended before its period began keeps its start unknown.
    assert Membership.objects.get(role__name="Altro").start_date is None
    assert "1 date di inizio e 1 date di fine; 1 lasciate sconosciute" in report


def test_a_file_without_our_extension_keys_keeps_what_staff_set_on_known_rows(db, tmp_path):
    import_document(tmp_path, minimal(on_behalf_of_id="comune"))
    network = Network.objects.get()
    network.purpose = "<p>Finalità scritta in redazione</p>"
    network.save()
    CompositionRule.objects.create(network=network, kind=RuleKind.EXPIRY, days=30)
    Organisation.objects.filter(popolo_id="comune").update(sector=Sector.OTHER)
    Person.objects.update(role_email="ufficio@udp.example")

    report = import_document(tmp_path, minimal(on_behalf_of_id="comune"))

    network.refresh_from_db()
    assert network.purpose == "<p>Finalità scritta in redazione</p>"
    assert CompositionRule.objects.filter(network=network).count() == 1
    assert Organisation.objects.get(popolo_id="comune").sector == Sector.OTHER
    assert Person.objects.get().role_email == "ufficio@udp.example"
    assert "0 create, 0 aggiornate" in report.splitlines()[0]


def test_a_composition_in_the_file_replaces_the_networks_rules(db, tmp_path):
    document = minimal()
    document["organizations"][0]["composition"] = [{"kind": "expiry", "days": 30}]
    import_document(tmp_path, document)
    document["organizations"][0]["composition"] = [{"kind": "expiry", "days": 90}]

    report = import_document(tmp_path, document)

    assert list(CompositionRule.objects.values_list("days", flat=True)) == [90]
    assert "regole: 0 create, 1 aggiornate, 0 invariate" in report
