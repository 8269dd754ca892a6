"""import_popolo on real Popolo files written by others (/work/shared/samples/popolo; what a
correct importer makes of each is in PROVENANCE.md there). The files are read in place,
never copied into the project."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from network.models import Area, Membership, Network, Organisation, Person, Role
from network.popolo_io import export_document

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "popolo"
ESTONIA = SAMPLES / "everypolitician-estonia-riigikogu.json"
ZIMBABWE = SAMPLES / "everypolitician-zimbabwe-senate.json"
TASMANIA = SAMPLES / "openaustralia-tas-local-councillors.json"
SPEC_EXAMPLES = SAMPLES / "popolo-spec-examples"

pytestmark = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"the shared Popolo samples are not on this machine ({SAMPLES})"
)


def import_file(path, *args):
    out = StringIO()
    call_command("import_popolo", str(path), *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        "areas": Area.objects.count(),
        "networks": Network.objects.count(),
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "memberships": Membership.objects.count(),
    }


def private_values(path):
    """Every email address and phone number the sample gives for a person."""
    values = set()
    for person in json.loads(path.read_text(encoding="utf-8"))["persons"]:
        if person.get("email"):
            values.add(person["email"])
        for detail in person.get("contact_details", []):
            if detail.get("type") in ("email", "phone", "cell"):
                values.add(detail["value"])
    return values


def test_estonia_gives_193_people_8_organisations_12_areas_299_memberships(db):
    report = import_file(ESTONIA)

    assert counts() == {
        "areas": 12,
        "networks": 1,
        "organisations": 7,
        "people": 193,
        "memberships": 299,
    }
    assert Network.objects.get().name == "Riigikogu"
    assert Membership.objects.filter(on_behalf_of__isnull=False).count() == 299
    assert Membership.objects.filter(area__isnull=False).count() == 134
    # Missing dates stay missing: 90 memberships have a start, 97 an end.
    assert Membership.objects.filter(start_date__isnull=False).count() == 90
    assert Membership.objects.filter(end_date__isnull=False).count() == 97
    assert "nessuna data inventata" in report
    assert (
        "Chiavi ignorate al primo livello (non fanno parte del registro): events, meta." in report
    )
    assert "birth_date (193)" in report
    assert Person.objects.filter(name__contains="õ").exists()


def test_estonia_with_period_dates_fills_missing_bounds_and_says_how_many(db):
    report = import_file(ESTONIA, "--period-dates")

    assert counts()["memberships"] == 299
    assert "205 date di inizio e 101 date di fine; 4 lasciate sconosciute" in report
    assert Membership.objects.filter(start_date__isnull=True).count() == 4
    # term/13 is still open, so its memberships without an end stay open.
    assert Membership.objects.filter(end_date__isnull=True).count() == 299 - 97 - 101


@pytest.mark.parametrize("sample", [ESTONIA, ZIMBABWE, TASMANIA], ids=lambda p: p.stem)
def test_contacts_are_kept_only_in_private_fields_and_never_exported(db, sample):
    import_file(sample)
    secrets = private_values(sample)
    assert secrets

    stored = set(Person.objects.values_list("private_email", flat=True)) | set(
        Person.objects.values_list("private_phone", flat=True)
    )
    assert stored & secrets
    assert not Person.objects.exclude(role_email="").exists()
    exported = json.dumps(export_document(), ensure_ascii=False)
    assert not [value for value in secrets if value in exported]


def test_estonia_private_contacts_of_one_member(db):
    import_file(ESTONIA)

    person = Person.objects.get(name="Aadu Must")
    assert (person.private_email, person.private_phone) == ("Aadu.Must@riigikogu.ee", "6316629")


def test_zimbabwe_keeps_undated_memberships_undated_and_the_double_area_seat(db):
    report = import_file(ZIMBABWE)

    assert counts() == {
        "areas": 12,
        "networks": 1,
        "organisations": 3,
        "people": 67,
        "memberships": 68,
    }
    assert not Membership.objects.filter(start_date__isnull=False).exists()
    assert not Membership.objects.filter(end_date__isnull=False).exists()
    assert Membership.objects.filter(area__isnull=True).count() == 1
    double = Membership.objects.filter(person__popolo_id__startswith="088e1e76")
    assert double.count() == 2
    assert double.values("area").distinct().count() == 2
    assert "1 componenti hanno nello stesso periodo appartenenze" in report


def test_tasmania_keeps_apostrophe_ids_and_reports_the_near_duplicate_party(db):
    report = import_file(TASMANIA)

    assert counts() == {
        "areas": 0,
        "networks": 29,
        "organisations": 4,
        "people": 263,
        "memberships": 317,
    }
    assert (
        "Chiavi ignorate al primo livello (non fanno parte del registro): events, warnings."
        in report
    )
    assert "Possibili enti doppi, tenuti distinti: ' Greens', 'Greens'." in report
    assert Organisation.objects.filter(name__in=[" Greens", "Greens"]).count() == 2
    council = Network.objects.get(popolo_id="legislature/break_o'day_council")
    assert council.slug == "break-oday-council"
    assert Person.objects.filter(popolo_id="break_o'day_council/janet_drummond").exists()
    assert sorted(Role.objects.values_list("name", flat=True)) == [
        "Deputy Mayor",
        "Lord Mayor",
        "Mayor",
        "councillor",
    ]
    assert Membership.objects.filter(on_behalf_of__isnull=False).count() == 263


@pytest.mark.parametrize("sample", [ESTONIA, ZIMBABWE, TASMANIA], ids=lambda p: p.stem)
def test_importing_a_sample_twice_changes_nothing(db, sample):
    import_file(sample)
    before = counts(), export_document()

    report = import_file(sample)

    assert (counts(), export_document()) == before
    assert all(
        ": 0 create, 0 aggiornate," in line for line in report.splitlines() if " create" in line
    )


def test_estonia_round_trip_keeps_the_299_memberships_and_their_dates(db, tmp_path):
    import_file(ESTONIA)
    exported = export_document()
    path = tmp_path / "estonia-export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    Membership.objects.all().delete()
    Network.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    Area.objects.all().delete()
    Role.objects.all().delete()

    import_file(path)

    assert counts()["memberships"] == 299
    assert export_document() == exported


@pytest.mark.parametrize("cut", [0.5, 0.999])
def test_a_truncated_sample_changes_nothing(db, tmp_path, cut):
    import_file(ZIMBABWE)
    before = counts(), export_document()
    text = ESTONIA.read_text(encoding="utf-8")
    path = tmp_path / "truncated.json"
    path.write_text(text[: int(len(text) * cut)], encoding="utf-8")

    with pytest.raises(CommandError, match="non è JSON valido .* forse il file è troncato"):
        import_file(path)

    assert (counts(), export_document()) == before


def test_one_bad_date_in_a_real_file_refuses_all_of_it(db, tmp_path):
    document = json.loads(ESTONIA.read_text(encoding="utf-8"))
    document["memberships"][200]["end_date"] = "2015-03"
    path = tmp_path / "estonia-one-bad-date.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        import_file(path)

    assert "memberships[200].end_date: la data '2015-03' ha precisione ridotta" in str(error.value)
    assert set(counts().values()) == {0}


@pytest.mark.parametrize(
    "name, kind",
    [
        ("area.json", "area"),
        ("membership.json", "membership"),
        ("person.json", "person"),
        ("organization.json", "organization"),
        ("post.json", "post"),
        ("embedding-person.json", "person"),
        ("embedding-organization.json", "organization"),
        ("embedding-membership.json", "membership"),
        ("embedding-post.json", "post"),
    ],
)
def test_single_popolo_objects_are_refused_with_a_clear_message(db, name, kind):
    with pytest.raises(CommandError) as error:
        import_file(SPEC_EXAMPLES / name)

    message = str(error.value)
    assert f"sembra un singolo oggetto {kind}, non un documento con" in message
    assert "nessuna modifica" in message
    assert set(counts().values()) == {0}


def test_the_spec_examples_reduced_dates_and_missing_area_id_are_named(db):
    with pytest.raises(CommandError) as membership:
        import_file(SPEC_EXAMPLES / "membership.json")
    with pytest.raises(CommandError) as post:
        import_file(SPEC_EXAMPLES / "post.json")
    with pytest.raises(CommandError) as area:
        import_file(SPEC_EXAMPLES / "area.json")

    assert "start_date: la data '1970-01' ha precisione ridotta" in str(membership.value)
    assert "start_date: la data '1950' ha precisione ridotta" in str(post.value)
    assert "id: manca l'id" in str(area.value)
