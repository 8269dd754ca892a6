"""The registry through the JSON API (`/api/v3/registry/`): what anyone may read, with a
fixed number of queries, and what a token may write: a coordinator's token acts on their own
network only, with the admin's validation, revisions and history."""

import json
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken, ModelLogEntry

from network.gaps import find_gaps
from network.models import AreaKind, EndReason, Membership, RuleKind
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

pytestmark = pytest.mark.django_db

API = "/api/v3/registry"
TODAY = date.today()


def token_for(user):
    _token, raw = APIToken.create_token(user=user, name="gestionale della rete")
    return raw


def send(client, method, url, token=None, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return getattr(client, method)(
        url, data=json.dumps(body or {}), content_type="application/json", **headers
    )


@pytest.fixture
def world():
    """Two networks; Tavolo SIA must cover both sub-areas and has a member in the north."""
    district = AreaFactory(name="Ambito di Crema", kind=AreaKind.DISTRICT)
    north = SubareaFactory(name="Sub-ambito Nord", parent=district)
    south = SubareaFactory(name="Sub-ambito Sud", parent=district)
    sia = NetworkFactory(name="Tavolo SIA", slug="tavolo-sia", purpose="<p>Inclusione.</p>")
    contatto = NetworkFactory(name="Rete ConTatto", slug="rete-contatto")
    referente = RoleFactory(name="Referente", slug="referente")
    crema = OrganisationFactory(name="Comune di Crema", area=north)
    bagnolo = OrganisationFactory(name="Comune di Bagnolo", area=south)
    RuleFactory(network=sia, kind=RuleKind.COVERAGE, min_count=1)
    seated = MembershipFactory(
        network=sia,
        person=PersonFactory(name="Anna Bianchi", role_email="sia@comune.crema.it"),
        role=referente,
        on_behalf_of=crema,
        start_date=date(2024, 1, 1),
    )
    other = MembershipFactory(network=contatto, role=referente, start_date=date(2024, 1, 1))
    return {
        "sia": sia,
        "contatto": contatto,
        "north": north,
        "south": south,
        "referente": referente,
        "crema": crema,
        "bagnolo": bagnolo,
        "seated": seated,
        "other": other,
    }


@pytest.fixture
def coordinator_sia(world):
    user = get_user_model().objects.create_user("coord-sia", "c@example.org", "pw-coord-123")
    user.groups.add(world["sia"].coordinators)
    return user


@pytest.fixture
def coordinator_contatto(world):
    user = get_user_model().objects.create_user("coord-ct", "d@example.org", "pw-coord-456")
    user.groups.add(world["contatto"].coordinators)
    return user


# --- reading -------------------------------------------------------------------------------


def test_the_networks_list_counts_members_and_gaps(client, world):
    response = client.get(f"{API}/networks/")

    assert response.status_code == 200
    by_slug = {item["slug"]: item for item in response.json()}
    assert by_slug["tavolo-sia"]["active_members"] == 1
    assert by_slug["tavolo-sia"]["gaps"] == len(find_gaps(networks=[world["sia"]])) == 1
    assert by_slug["tavolo-sia"]["purpose"] == "Inclusione."
    assert by_slug["rete-contatto"]["gaps"] == 0


def test_a_network_shows_its_members_rules_gaps_and_coverage_on_a_date(client, world):
    data = client.get(f"{API}/networks/tavolo-sia/").json()

    assert [m["person_name"] for m in data["members"]] == ["Anna Bianchi"]
    assert data["members"][0]["label"] == "Referente per Comune di Crema"
    assert data["members"][0]["role_email"] == "sia@comune.crema.it"
    assert [rule["kind"] for rule in data["rules"]] == ["coverage"]
    assert [gap["rule"] for gap in data["gap_list"]] == ["coverage"]
    assert "Sub-ambito Sud" in data["gap_list"][0]["message"]
    coverage = {cell["area"]["name"]: cell["status"] for cell in data["coverage"]}
    assert coverage == {"Sub-ambito Nord": "ok", "Sub-ambito Sud": "missing"}

    before = client.get(f"{API}/networks/tavolo-sia/", {"as_of": "2023-06-30"}).json()
    assert before["as_of"] == "2023-06-30"
    assert before["members"] == []
    assert before["active_members"] == 0


@pytest.mark.parametrize("as_of", ["2024-02-30", "ieri", "2024-1-1x"])
def test_a_bad_date_is_a_clear_4xx(client, world, as_of):
    response = client.get(f"{API}/networks/tavolo-sia/gaps/", {"as_of": as_of})

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_an_unknown_network_is_a_404(client, world):
    assert client.get(f"{API}/networks/non-esiste/").status_code == 404
    assert client.get(f"{API}/networks/non-esiste/gaps/").status_code == 404


def test_the_gaps_of_all_networks_filter_by_severity(client, world):
    everything = client.get(f"{API}/gaps/").json()
    severity = everything[0]["severity"]

    assert [gap["network"] for gap in everything] == ["tavolo-sia"]
    assert client.get(f"{API}/gaps/", {"severity": severity}).json() == everything
    assert client.get(f"{API}/gaps/", {"severity": "nessuna"}).status_code == 400


def test_the_matrix_has_a_row_per_network_and_a_cell_per_subarea(client, world):
    data = client.get(f"{API}/matrix/").json()

    assert [area["name"] for area in data["subareas"]] == ["Sub-ambito Nord", "Sub-ambito Sud"]
    rows = {row["network"]: row for row in data["rows"]}
    assert rows["tavolo-sia"]["missing"] == 1
    assert [cell["count"] for cell in rows["tavolo-sia"]["cells"]] == [1, 0]


def test_memberships_filter_by_network_role_organisation_and_date(client, world):
    def ids(**params):
        return [item["id"] for item in client.get(f"{API}/memberships/", params).json()["items"]]

    seated, other = world["seated"].pk, world["other"].pk
    assert sorted(ids()) == sorted([seated, other])
    assert ids(network="tavolo-sia") == [seated]
    assert ids(organisation=world["crema"].pk) == [seated]
    assert sorted(ids(role="referente")) == sorted([seated, other])
    assert ids(active_on="2023-12-31") == []
    assert client.get(f"{API}/memberships/", {"limit": 0}).status_code == 400
    assert client.get(f"{API}/memberships/", {"limit": 101}).status_code == 400


def test_areas_organisations_and_roles(client, world):
    areas = client.get(f"{API}/areas/", {"kind": "subarea"}).json()
    organisations = client.get(f"{API}/organisations/", {"q": "crema"}).json()
    roles = client.get(f"{API}/roles/").json()

    assert [area["name"] for area in areas["items"]] == ["Sub-ambito Nord", "Sub-ambito Sud"]
    assert areas["items"][0]["parent"]["name"] == "Ambito di Crema"
    assert [org["name"] for org in organisations["items"]] == ["Comune di Crema"]
    assert {role["slug"] for role in roles} == {"referente"}
    assert client.get(f"{API}/areas/", {"kind": "galassia"}).status_code == 400


def test_a_hidden_name_stays_out_of_every_registry_answer(client, world):
    person = world["seated"].person
    person.hidden_from_public = True
    person.save()

    membership = client.get(f"{API}/memberships/{world['seated'].pk}/").json()
    popolo = client.get(f"{API}/popolo/").json()
    detail = client.get(f"{API}/networks/tavolo-sia/").content.decode()

    assert membership["person_name"] is None
    assert membership["label"] == "Referente per Comune di Crema"
    assert "Anna Bianchi" not in detail
    assert "Anna Bianchi" not in json.dumps(popolo)
    hidden_seat = [m for m in popolo["memberships"] if m.get("label")]
    assert len(hidden_seat) == 1 and "person_id" not in hidden_seat[0]
    assert hidden_seat[0]["label"] == "Referente per Comune di Crema"


def test_registry_answers_carry_an_etag_and_revalidate(client, world):
    first = client.get(f"{API}/networks/tavolo-sia/")
    again = client.get(f"{API}/networks/tavolo-sia/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert "public" in first["Cache-Control"]
    assert again.status_code == 304


def count_queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(queries)


def test_the_list_query_counts_do_not_grow_with_the_page_size(client, world):
    for n in range(110):
        MembershipFactory(
            network=world["sia"],
            person=PersonFactory(),
            role=world["referente"],
            on_behalf_of=world["bagnolo"],
            area=world["south"] if n % 2 else None,
        )
        OrganisationFactory(area=world["north"], parent=world["crema"])
        AreaFactory(parent=world["north"])

    for url in ("memberships", "organisations", "areas"):
        assert count_queries(client, f"{API}/{url}/", limit=10) == count_queries(
            client, f"{API}/{url}/", limit=100
        ), url


def test_network_queries_do_not_grow_with_members_or_networks(client, world):
    small_detail = count_queries(client, f"{API}/networks/tavolo-sia/")
    small_list = count_queries(client, f"{API}/networks/")
    small_popolo = count_queries(client, f"{API}/popolo/")

    for _ in range(40):
        MembershipFactory(network=world["sia"], role=world["referente"], area=world["south"])
    for _ in range(5):
        network = NetworkFactory()
        RuleFactory(network=network, kind=RuleKind.COVERAGE)
        MembershipFactory(network=network, role=world["referente"])

    assert count_queries(client, f"{API}/networks/tavolo-sia/") == small_detail
    assert count_queries(client, f"{API}/networks/") == small_list
    assert count_queries(client, f"{API}/popolo/") == small_popolo


# --- writing -------------------------------------------------------------------------------


def new_seat(world, **changes):
    return {
        "network": "tavolo-sia",
        "person": PersonFactory(name="Bruno Verdi").pk,
        "role": "referente",
        "on_behalf_of": world["bagnolo"].pk,
        "start_date": str(TODAY - timedelta(days=1)),
        **changes,
    }


def test_a_coordinator_adds_a_member_from_the_missing_subarea_and_the_gap_goes(
    client, world, coordinator_sia
):
    token = token_for(coordinator_sia)
    assert [gap["rule"] for gap in client.get(f"{API}/networks/tavolo-sia/gaps/").json()] == [
        "coverage"
    ]

    response = send(client, "post", f"{API}/memberships/", token, new_seat(world))

    assert response.status_code == 201, response.content
    created = Membership.objects.get(pk=response.json()["id"])
    assert response.json()["person_name"] == "Bruno Verdi"
    assert response.json()["label"] == "Referente per Comune di Bagnolo"
    assert client.get(f"{API}/networks/tavolo-sia/gaps/").json() == []
    # The admin's history: a revision and a "created" entry by the coordinator.
    assert created.revisions.count() == 1
    entry = ModelLogEntry.objects.get(object_id=str(created.pk), action="wagtail.create")
    assert entry.user == coordinator_sia


def test_a_coordinator_cannot_touch_another_network(
    client, world, coordinator_sia, coordinator_contatto
):
    token = token_for(coordinator_contatto)
    before = Membership.objects.count()

    added = send(client, "post", f"{API}/memberships/", token, new_seat(world))
    changed = send(
        client, "patch", f"{API}/memberships/{world['seated'].pk}/", token, {"area": None}
    )
    ended = send(
        client,
        "post",
        f"{API}/memberships/{world['seated'].pk}/end/",
        token,
        {"end_date": str(TODAY), "end_reason": "resigned"},
    )
    # Nor move their own seat into a network that is not theirs.
    moved = send(
        client,
        "patch",
        f"{API}/memberships/{world['other'].pk}/",
        token,
        {"network": "tavolo-sia"},
    )

    assert [r.status_code for r in (added, changed, ended, moved)] == [403] * 4
    assert Membership.objects.count() == before
    world["seated"].refresh_from_db()
    world["other"].refresh_from_db()
    assert world["seated"].end_date is None
    assert world["other"].network == world["contatto"]


def test_a_coordinator_changes_and_ends_a_seat_of_their_network(client, world, coordinator_sia):
    token = token_for(coordinator_sia)
    seat = world["seated"]

    changed = send(
        client, "patch", f"{API}/memberships/{seat.pk}/", token, {"appointing_act": "Delibera 12"}
    )
    ended = send(
        client,
        "post",
        f"{API}/memberships/{seat.pk}/end/",
        token,
        {"end_date": str(TODAY - timedelta(days=1)), "end_reason": EndReason.RESIGNED},
    )

    assert changed.status_code == 200, changed.content
    assert changed.json()["appointing_act"] == "Delibera 12"
    assert ended.status_code == 200, ended.content
    assert ended.json()["end_reason_label"] == "Dimissioni"
    seat.refresh_from_db()
    assert seat.end_date == TODAY - timedelta(days=1)
    assert seat.revisions.count() == 2
    assert client.get(f"{API}/networks/tavolo-sia/").json()["members"] == []


@pytest.mark.parametrize("who", ["anonymous", "editor", "moderator"])
def test_only_coordinators_and_managers_write_memberships(client, world, who, editor, moderator):
    token = {"anonymous": None, "editor": token_for(editor), "moderator": token_for(moderator)}
    response = send(client, "post", f"{API}/memberships/", token[who], new_seat(world))

    assert response.status_code == (401 if who == "anonymous" else 403)
    assert not Membership.objects.filter(person__name="Bruno Verdi").exists()


def test_a_registry_manager_writes_in_every_network(client, world):
    manager = get_user_model().objects.create_user("registro", "r@example.org", "pw-reg-123")
    manager.groups.add(Group.objects.get(name="Registro delle reti"))
    token = token_for(manager)

    for network in ("tavolo-sia", "rete-contatto"):
        response = send(
            client, "post", f"{API}/memberships/", token, new_seat(world, network=network)
        )
        assert response.status_code == 201, response.content


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"start_date": "2024-05-01", "end_date": "2024-04-01"}, "non può precedere"),
        ({"organisation": "crema"}, None),  # both a person and an organisation
        ({"role": "presidente-inesistente"}, "role"),
        ({"network": None}, "network"),
        ({"end_reason": "stanchezza"}, "end_reason"),
    ],
)
def test_invalid_memberships_are_refused_and_nothing_is_written(
    client, world, coordinator_sia, changes, message
):
    if changes.get("organisation") == "crema":
        changes = {"organisation": world["crema"].pk}
    before = Membership.objects.count()

    response = send(
        client,
        "post",
        f"{API}/memberships/",
        token_for(coordinator_sia),
        new_seat(world, **changes),
    )

    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    if message:
        assert message in response.content.decode()
    assert Membership.objects.count() == before


def test_an_overlapping_seat_is_refused(client, world, coordinator_sia):
    seat = world["seated"]
    body = {
        "network": "tavolo-sia",
        "person": seat.person_id,
        "role": "referente",
        "on_behalf_of": world["crema"].pk,
        "start_date": "2025-01-01",
    }

    response = send(client, "post", f"{API}/memberships/", token_for(coordinator_sia), body)

    assert response.status_code == 422
    assert "sovrappongono" in response.content.decode()
    assert Membership.objects.filter(person=seat.person).count() == 1


def test_a_malformed_body_is_a_4xx(client, world, coordinator_sia):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(coordinator_sia)}"}
    for data in ("{", "[]", '{"start_date": "31/12/2024", "network": "tavolo-sia"}'):
        response = client.post(
            f"{API}/memberships/", data=data, content_type="application/json", **headers
        )
        assert 400 <= response.status_code < 500, data


def test_people_are_found_by_name_with_a_token_and_without_private_data(
    client, world, coordinator_sia, editor
):
    PersonFactory(name="Carla Bruni Tedeschi", private_email="carla@privato.example")

    found = client.get(
        f"{API}/people/",
        {"q": "bruni"},
        HTTP_AUTHORIZATION=f"Bearer {token_for(coordinator_sia)}",
    )
    refused = client.get(
        f"{API}/people/", {"q": "bruni"}, HTTP_AUTHORIZATION=f"Bearer {token_for(editor)}"
    )

    assert found.status_code == 200
    assert [p["name"] for p in found.json()] == ["Carla Bruni Tedeschi"]
    assert "privato" not in found.content.decode()
    assert "private" not in found.content.decode()
    assert refused.status_code == 403
    assert client.get(f"{API}/people/", {"q": "bruni"}).status_code == 401
