"""The registry in the Wagtail admin: menu, listings with filters and exports, history,
the composition page of a network and its attendance sheet."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from network.models import (
    AreaKind,
    Attendance,
    AttendanceStatus,
    CompositionRule,
    OrganisationKind,
    RuleKind,
    Sector,
)
from tests.factories import MinutesPageFactory
from tests.registry_factories import (
    AreaFactory,
    AttendanceFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    RuleFactory,
    SubareaFactory,
)

pytestmark = pytest.mark.django_db

PRIVATE_EMAIL = "mario.rossi@casa-privata.example"
PRIVATE_PHONE = "+39 347 555 0101"
PRIVATE_NOTE = "Chiamare solo la sera"


def url(name, *args):
    return reverse(f"wagtailsnippets_network_{name}", args=args)


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def xlsx_cells(response):
    workbook = load_workbook(BytesIO(body_of(response)))
    return [
        "" if value is None else str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
    ]


def exported_text(response, export_format):
    if export_format == "csv":
        return body_of(response).decode()
    return "\n".join(xlsx_cells(response))


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def network():
    return NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")


@pytest.fixture
def private_person():
    return PersonFactory(
        name="Mario Rossi",
        role_email="servizi.sociali@comune.example",
        private_email=PRIVATE_EMAIL,
        private_phone=PRIVATE_PHONE,
        private_notes=PRIVATE_NOTE,
    )


@pytest.fixture
def statuses(network, today):
    """One membership in each standing."""
    role = RoleFactory(name="Componente", slug="componente")
    return {
        "active": MembershipFactory(
            network=network, role=role, person__name="Anna Attiva", start_date=date(2020, 1, 1)
        ),
        "ended": MembershipFactory(
            network=network,
            role=role,
            person__name="Carla Cessata",
            start_date=date(2019, 1, 1),
            end_date=today - timedelta(days=30),
            end_reason="resigned",
        ),
        "expired": MembershipFactory(
            network=network,
            role=role,
            person__name="Elena Scaduta",
            start_date=date(2019, 1, 1),
            end_date=today - timedelta(days=1),
        ),
        "upcoming": MembershipFactory(
            network=network,
            role=role,
            person__name="Franca Futura",
            start_date=today + timedelta(days=10),
        ),
    }


# Menu and listings


def test_registry_menu_groups_every_registry_listing(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    content = response.content.decode()
    assert "Registro reti" in content
    for label in ("Reti", "Appartenenze", "Persone", "Enti", "Aree", "Ruoli", "Presenze"):
        assert label in content
    for model in ("network", "membership", "person", "organisation", "area", "role"):
        assert url(f"{model}:list") in content


@pytest.mark.parametrize(
    "model", ["network", "membership", "person", "organisation", "area", "role", "attendance"]
)
def test_every_registry_listing_opens_for_a_superuser(admin_client, model, statuses):
    response = admin_client.get(url(f"{model}:list"))

    assert response.status_code == 200


def test_membership_listing_shows_the_seat_and_an_italian_status(admin_client, statuses):
    organisation = OrganisationFactory(name="Comune di Crema")
    area = SubareaFactory(name="Sub-ambito Crema")
    statuses["active"].on_behalf_of = organisation
    statuses["active"].area = area
    statuses["active"].save()

    response = admin_client.get(url("membership:list"))

    content = response.content.decode()
    for heading in ("Componente", "Ruolo", "Rete", "Per conto di", "Area rappresentata"):
        assert heading in content
    assert "Comune di Crema" in content and "Sub-ambito Crema" in content
    rows = {m.person.name: m.registry_status for m in response.context["object_list"]}
    assert rows == {
        "Anna Attiva": "active",
        "Carla Cessata": "ended",
        "Elena Scaduta": "expired",
        "Franca Futura": "upcoming",
    }
    for label in ("in carica", "cessata", "scaduta non chiusa", "non ancora in carica"):
        assert label in content


def names(response):
    return {str(membership.member) for membership in response.context["object_list"]}


def test_membership_filter_active_today(admin_client, statuses):
    active = admin_client.get(url("membership:list") + "?active=yes")
    inactive = admin_client.get(url("membership:list") + "?active=no")

    assert names(active) == {"Anna Attiva"}
    assert names(inactive) == {"Carla Cessata", "Elena Scaduta", "Franca Futura"}


def test_membership_filters_by_network_role_area_and_member_kind(admin_client, network):
    other = NetworkFactory(name="Rete ConTatto")
    referent = RoleFactory(name="Referente", slug="referente")
    area = SubareaFactory(name="Sub-ambito Soncino")
    MembershipFactory(network=network, person__name="Paola Persona")
    MembershipFactory(network=other, person__name="Rita Referente", role=referent, area=area)
    MembershipFactory(
        network=network, person=None, organisation=OrganisationFactory(name="Caritas Crema")
    )

    def listed(query):
        return names(admin_client.get(url("membership:list") + query))

    assert listed(f"?network={other.pk}") == {"Rita Referente"}
    assert listed(f"?role={referent.pk}") == {"Rita Referente"}
    assert listed(f"?area={area.pk}") == {"Rita Referente"}
    assert listed("?member_kind=organisation") == {"Caritas Crema"}
    assert listed("?member_kind=person") == {"Paola Persona", "Rita Referente"}


def test_membership_search_finds_the_person(admin_client, statuses):
    response = admin_client.get(url("membership:list") + "?q=scaduta")

    assert names(response) == {"Elena Scaduta"}


def test_organisations_filter_by_sector_and_kind(admin_client):
    OrganisationFactory(name="Comune di Izano", sector=Sector.PUBLIC)
    OrganisationFactory(
        name="Coop Il Seme", sector=Sector.THIRD_SECTOR, kind=OrganisationKind.OTHER
    )

    by_sector = admin_client.get(url("organisation:list") + "?sector=third_sector")
    by_kind = admin_client.get(url("organisation:list") + "?kind=municipality")

    assert [o.name for o in by_sector.context["object_list"]] == ["Coop Il Seme"]
    assert [o.name for o in by_kind.context["object_list"]] == ["Comune di Izano"]


def test_areas_filter_by_kind_and_parent(admin_client):
    subarea = SubareaFactory(name="Sub-ambito Rivolta")
    AreaFactory(name="Rivolta d'Adda", parent=subarea)
    AreaFactory(name="Spino d'Adda", parent=subarea)
    AreaFactory(name="Crema")

    children = admin_client.get(url("area:list") + f"?parent={subarea.pk}")
    subareas = admin_client.get(url("area:list") + "?kind=subarea")

    assert [a.name for a in children.context["object_list"]] == ["Rivolta d'Adda", "Spino d'Adda"]
    assert [a.name for a in subareas.context["object_list"]] == ["Sub-ambito Rivolta"]


# Exports never carry private data


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_people_export_holds_name_and_role_email_only(admin_client, private_person, export_format):
    response = admin_client.get(url("person:list") + f"?export={export_format}")

    assert response.status_code == 200
    text = exported_text(response, export_format)
    assert "Mario Rossi" in text
    assert "servizi.sociali@comune.example" in text
    for private in (PRIVATE_EMAIL, PRIVATE_PHONE, PRIVATE_NOTE):
        assert private not in text


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_membership_export_never_carries_private_contacts(
    admin_client, network, private_person, export_format
):
    MembershipFactory(network=network, person=private_person, start_date=date(2020, 1, 1))

    response = admin_client.get(url("membership:list") + f"?export={export_format}")

    text = exported_text(response, export_format)
    assert "Mario Rossi" in text and "Tavolo SIA" in text
    assert "in carica" in text  # the status, in Italian
    for private in (PRIVATE_EMAIL, PRIVATE_PHONE, PRIVATE_NOTE):
        assert private not in text


@pytest.mark.parametrize("model", ["organisation", "network", "area", "role"])
def test_other_registry_listings_export_csv_and_xlsx(admin_client, model, statuses):
    OrganisationFactory(name="ASST Crema")
    SubareaFactory(name="Sub-ambito Pandino")

    for export_format in ("csv", "xlsx"):
        response = admin_client.get(url(f"{model}:list") + f"?export={export_format}")
        assert response.status_code == 200
        assert len(body_of(response)) > 0


# History and revisions


def test_editing_a_membership_saves_a_revision_and_shows_in_history(admin_client, statuses):
    membership = statuses["active"]
    data = {
        "network": membership.network_id,
        "person": membership.person_id,
        "organisation": "",
        "role": membership.role_id,
        "on_behalf_of": "",
        "area": "",
        "start_date": "01/01/2020",
        "end_date": "",
        "end_reason": "",
        "appointing_act": "Delibera 7/2020",
        "appointing_document": "",
        "popolo_id": "",
    }

    response = admin_client.post(url("membership:edit", membership.pk), data)

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.appointing_act == "Delibera 7/2020"
    assert membership.revisions.count() == 1
    history = admin_client.get(url("membership:history", membership.pk))
    assert history.status_code == 200
    assert ModelLogEntry.objects.filter(
        object_id=str(membership.pk), action="wagtail.edit"
    ).exists()


@pytest.mark.parametrize(
    "model, factory, data",
    [
        ("person", PersonFactory, {"name": "Luca Bianchi", "role_email": "", "popolo_id": ""}),
        (
            "organisation",
            OrganisationFactory,
            {
                "name": "Comune di Vailate",
                "sector": "public",
                "kind": "municipality",
                "parent": "",
                "area": "",
                "website": "",
                "public_email": "",
                "popolo_id": "",
            },
        ),
        (
            "area",
            AreaFactory,
            {"name": "Vailate", "kind": "municipality", "parent": "", "istat_code": "019113"},
        ),
    ],
)
def test_editing_directories_saves_revisions(admin_client, model, factory, data):
    instance = factory()
    data.setdefault("popolo_id", "")
    data.setdefault("private_email", "")
    data.setdefault("private_phone", "")
    data.setdefault("private_notes", "")

    response = admin_client.post(url(f"{model}:edit", instance.pk), data)

    assert response.status_code == 302
    instance.refresh_from_db()
    assert instance.name == data["name"]
    assert instance.revisions.count() == 1
    assert admin_client.get(url(f"{model}:history", instance.pk)).status_code == 200


def test_network_edit_saves_its_composition_rules_inline_with_a_revision(admin_client, network):
    data = nested_form_data(
        {
            "name": "Tavolo SIA",
            "slug": "tavolo-sia",
            "kind": "table",
            "purpose": rich_text("<p>Misura contro la povertà.</p>"),
            "popolo_id": "",
            "rules": inline_formset(
                [
                    {
                        "kind": RuleKind.COVERAGE,
                        "severity": "high",
                        "label": "Un referente per sub-ambito",
                        "min_count": "1",
                    }
                ]
            ),
        }
    )

    response = admin_client.post(url("network:edit", network.pk), data)

    assert response.status_code == 302, response.context["form"].errors
    rule = CompositionRule.objects.get(network=network)
    assert rule.label == "Un referente per sub-ambito"
    network.refresh_from_db()
    assert network.revisions.count() == 1


def test_role_and_attendance_have_a_history(admin_client, network, minutes_index):
    role = RoleFactory(name="Segretario", slug="segretario")
    membership = MembershipFactory(network=network, role=role)
    meeting = MinutesPageFactory(parent=minutes_index, meeting_body=network)
    attendance = AttendanceFactory(meeting=meeting, membership=membership)

    assert admin_client.get(url("role:history", role.pk)).status_code == 200
    assert admin_client.get(url("attendance:history", attendance.pk)).status_code == 200


# Constant SQL on listings


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("model", ["membership", "organisation", "area", "attendance", "network"])
def test_listing_queries_do_not_grow_with_rows(admin_client, network, minutes_index, model):
    def add_rows(count):
        meeting = MinutesPageFactory(parent=minutes_index, meeting_body=network)
        for _ in range(count):
            area = SubareaFactory(parent=AreaFactory(kind=AreaKind.DISTRICT))
            organisation = OrganisationFactory(parent=OrganisationFactory(), area=area)
            membership = MembershipFactory(
                network=NetworkFactory(), on_behalf_of=organisation, area=area
            )
            AttendanceFactory(
                meeting=meeting,
                membership=MembershipFactory(network=network, on_behalf_of=organisation),
            )
            assert membership.pk

    add_rows(2)
    few = count_queries(admin_client, url(f"{model}:list"))
    add_rows(8)
    many = count_queries(admin_client, url(f"{model}:list"))

    assert many == few


# The composition page


@pytest.fixture
def composition(network, today):
    """Tavolo SIA with a coverage rule: Sub-ambito Crema covered, Sub-ambito Soncino not."""
    crema = SubareaFactory(name="Sub-ambito Crema")
    SubareaFactory(name="Sub-ambito Soncino")
    RuleFactory(network=network, kind=RuleKind.COVERAGE, min_count=1, severity="high")
    coordinator_role = RoleFactory(name="Coordinatore", slug="coordinatore")
    member_role = RoleFactory(name="Componente", slug="componente")
    csc = OrganisationFactory(name="Comunità Sociale Cremasca")
    MembershipFactory(
        network=network,
        role=coordinator_role,
        person__name="Giulia Verdi",
        on_behalf_of=csc,
        area=crema,
        start_date=date(2023, 1, 1),
    )
    MembershipFactory(
        network=network, role=member_role, person__name="Paolo Neri", start_date=date(2023, 1, 1)
    )
    MembershipFactory(
        network=network,
        role=member_role,
        person__name="Nuovo Ingresso",
        start_date=today + timedelta(days=60),
    )
    return network


def composition_url(network, query=""):
    return reverse("network_composition", args=[network.pk]) + query


def test_network_listing_links_to_the_composition_page(admin_client, network):
    response = admin_client.get(url("network:list"))

    assert composition_url(network) in response.content.decode()


def test_composition_lists_active_members_by_role_with_their_seat(admin_client, composition):
    response = admin_client.get(composition_url(composition))

    assert response.status_code == 200
    content = response.content.decode()
    roles = [
        (role.name, [str(m.member) for m in members]) for role, members in response.context["roles"]
    ]
    assert roles == [("Componente", ["Paolo Neri"]), ("Coordinatore", ["Giulia Verdi"])]
    assert "Comunità Sociale Cremasca" in content
    assert "01/01/2023" in content
    assert "Nuovo Ingresso" not in content


def test_composition_shows_gaps_with_their_severity(admin_client, composition):
    response = admin_client.get(composition_url(composition))

    content = response.content.decode()
    assert "Sub-ambito Soncino non è rappresentato" in content
    assert "Gravità Alta" in content
    assert "registry-severity--high" in content


def test_composition_matrix_is_an_accessible_table_readable_without_colour(
    admin_client, composition
):
    other = NetworkFactory(name="Rete ConTatto")

    response = admin_client.get(composition_url(composition))

    content = response.content.decode()
    matrix = response.context["matrix"]
    assert [row.network.name for row in matrix.rows] == ["Rete ConTatto", "Tavolo SIA"]
    assert other.name in content
    table = content[content.index('<table class="registry-matrix">') :]
    table = table[: table.index("</table>")]
    assert "<caption>" in table
    assert '<th scope="col">Sub-ambito Crema</th>' in table
    assert '<th scope="row">' in table
    # each cell says the count and the status in words, not only in colour
    assert "1 componente" in table and "coperto" in table
    assert "nessuno" in table and "scoperto" in table
    assert "registry-cell--missing" in table and "registry-cell--ok" in table


def test_composition_as_of_a_past_date(admin_client, composition, today):
    future = (today + timedelta(days=90)).isoformat()
    past = admin_client.get(composition_url(composition, "?as_of=2022-06-01"))
    later = admin_client.get(composition_url(composition, f"?as_of={future}"))

    assert past.context["as_of"] == date(2022, 6, 1)
    assert past.context["roles"] == []
    assert "Nessun componente in carica a questa data" in past.content.decode()
    assert "Nuovo Ingresso" in later.content.decode()


@pytest.mark.parametrize("value", ["2024-02-30", "ieri", "01/02/2024"])
def test_composition_with_an_invalid_date_says_so_and_shows_today(
    admin_client, composition, today, value
):
    response = admin_client.get(composition_url(composition, f"?as_of={value}"))

    assert response.status_code == 200
    assert response.context["as_of"] == today
    assert "non è valida" in response.content.decode()


def test_composition_of_a_missing_network_is_not_found(admin_client):
    assert admin_client.get(reverse("network_composition", args=[999999])).status_code == 404


# The attendance sheet


@pytest.fixture
def meeting(minutes_index, network):
    MinutesPageFactory(parent=minutes_index, meeting_body=network, meeting_date=date(2024, 1, 10))
    return MinutesPageFactory(
        parent=minutes_index, meeting_body=network, meeting_date=date(2024, 3, 14)
    )


@pytest.fixture
def sheet_members(network):
    role = RoleFactory(name="Componente", slug="componente")
    return {
        "present": MembershipFactory(network=network, role=role, person__name="Ada Presente"),
        "absent": MembershipFactory(network=network, role=role, person__name="Bruno Assente"),
        "gone": MembershipFactory(
            network=network,
            role=role,
            person__name="Dario Uscito",
            end_date=date(2024, 2, 1),
            end_reason="resigned",
        ),
    }


def sheet_url(network, meeting=None):
    path = reverse("network_attendance", args=[network.pk])
    return f"{path}?seduta={meeting.pk}" if meeting else path


def test_composition_offers_the_networks_minutes_newest_first(admin_client, network, meeting):
    response = admin_client.get(composition_url(network))

    dates = [m.meeting_date for m in response.context["meetings"]]
    assert dates == [date(2024, 3, 14), date(2024, 1, 10)]
    assert reverse("network_attendance", args=[network.pk]) in response.content.decode()


def test_attendance_sheet_has_a_row_per_member_in_office_prefilled(
    admin_client, network, meeting, sheet_members
):
    AttendanceFactory(meeting=meeting, membership=sheet_members["absent"], status="excused")

    response = admin_client.get(sheet_url(network, meeting))

    assert response.status_code == 200
    form = response.context["form"]
    assert [str(m.member) for m in form.memberships] == ["Ada Presente", "Bruno Assente"]
    content = response.content.decode()
    assert "Dario Uscito" not in content
    field = form[form.field_name(sheet_members["absent"])]
    assert field.initial == "excused"
    assert f'name="status-{sheet_members["absent"].pk}" value="excused"' in content
    assert "checked" in content


def test_saving_the_sheet_writes_every_row_and_logs_it(
    admin_client, superuser, network, meeting, sheet_members
):
    AttendanceFactory(meeting=meeting, membership=sheet_members["absent"], status="present")

    response = admin_client.post(
        sheet_url(network, meeting),
        {
            f"status-{sheet_members['present'].pk}": "present",
            f"status-{sheet_members['absent'].pk}": "absent",
        },
    )

    assert response.status_code == 302
    assert response.url.startswith(composition_url(network))
    recorded = dict(
        Attendance.objects.filter(meeting=meeting).values_list("membership_id", "status")
    )
    assert recorded == {
        sheet_members["present"].pk: AttendanceStatus.PRESENT,
        sheet_members["absent"].pk: AttendanceStatus.ABSENT,
    }
    entry = ModelLogEntry.objects.get(action="network.attendance")
    assert entry.object_id == str(network.pk)
    assert entry.user == superuser
    assert entry.data["meeting"] == meeting.pk
    assert entry.data["present"] == 1 and entry.data["absent"] == 1
    assert "Presenze registrate" in entry.message


def test_sheet_rows_are_saved_together_or_not_at_all(
    network, meeting, sheet_members, superuser, monkeypatch
):
    from network.admin import attendance

    def failing_log(*args, **kwargs):
        raise RuntimeError("log unavailable")

    monkeypatch.setattr(attendance, "log", failing_log)
    statuses = {sheet_members["present"].pk: "present", sheet_members["absent"].pk: "absent"}

    with pytest.raises(RuntimeError):
        attendance.record_attendance(meeting, statuses, user=superuser)

    assert not Attendance.objects.exists()


def test_clearing_a_row_removes_its_record(admin_client, network, meeting, sheet_members):
    AttendanceFactory(meeting=meeting, membership=sheet_members["present"], status="present")

    admin_client.post(sheet_url(network, meeting), {})

    assert not Attendance.objects.exists()


def test_sheet_refuses_an_unknown_status_and_saves_nothing(
    admin_client, network, meeting, sheet_members
):
    response = admin_client.post(
        sheet_url(network, meeting),
        {
            f"status-{sheet_members['present'].pk}": "present",
            f"status-{sheet_members['absent'].pk}": "asleep",
        },
    )

    assert response.status_code == 200
    assert not Attendance.objects.exists()
    assert not ModelLogEntry.objects.filter(action="network.attendance").exists()


def test_sheet_of_a_meeting_of_another_network_is_not_found(admin_client, network, minutes_index):
    elsewhere = MinutesPageFactory(parent=minutes_index, meeting_body=NetworkFactory())

    assert admin_client.get(sheet_url(network, elsewhere)).status_code == 404


def test_sheet_without_a_meeting_lists_the_minutes_to_choose(admin_client, network, meeting):
    response = admin_client.get(sheet_url(network))

    assert response.status_code == 200
    assert f"?seduta={meeting.pk}" in response.content.decode()


def test_people_private_fields_stay_in_the_edit_form_only(admin_client, private_person):
    listing = admin_client.get(url("person:list"))
    edit = admin_client.get(url("person:edit", private_person.pk))

    assert PRIVATE_EMAIL not in listing.content.decode()
    assert PRIVATE_EMAIL in edit.content.decode()
