"""Who may change what in the registry admin: a coordinator acts only on their own
network(s); registry managers and superusers on all; page editors and moderators only see
networks. Every refusal is Wagtail's permission-denied response and changes nothing."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from network.admin.permissions import attendance_policy, membership_policy
from network.models import Attendance, AttendanceStatus, Membership
from tests.factories import MinutesPageFactory
from tests.registry_factories import (
    AttendanceFactory,
    MembershipFactory,
    NetworkFactory,
    PersonFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db

MEETING_DAY = date(2024, 3, 14)


def url(name, *args):
    return reverse(f"wagtailsnippets_network_{name}", args=args)


def assert_refused(response):
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.fixture
def network_a():
    return NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")


@pytest.fixture
def network_b():
    return NetworkFactory(name="Rete ConTatto", slug="rete-contatto")


@pytest.fixture
def role():
    return RoleFactory(name="Referente", slug="referente")


@pytest.fixture
def membership_a(network_a, role):
    return MembershipFactory(network=network_a, role=role, start_date=date(2024, 1, 1))


@pytest.fixture
def membership_b(network_b, role):
    return MembershipFactory(network=network_b, role=role, start_date=date(2024, 1, 1))


@pytest.fixture
def coordinator(network_a):
    user = get_user_model().objects.create_user("coord", "coord@example.org", "pw-coord-123")
    user.groups.add(network_a.coordinators)
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def registry_manager(db):
    user = get_user_model().objects.create_user("registro", "reg@example.org", "pw-reg-123")
    user.groups.add(Group.objects.get(name="Registro delle reti"))
    return user


@pytest.fixture
def meeting_a(minutes_index, network_a):
    return MinutesPageFactory(
        parent=minutes_index, meeting_body=network_a, meeting_date=MEETING_DAY
    )


@pytest.fixture
def meeting_b(minutes_index, network_b):
    return MinutesPageFactory(
        parent=minutes_index, meeting_body=network_b, meeting_date=MEETING_DAY
    )


def membership_post(membership, **changes):
    data = {
        "network": membership.network_id,
        "person": membership.person_id or "",
        "organisation": membership.organisation_id or "",
        "role": membership.role_id,
        "on_behalf_of": "",
        "area": "",
        "start_date": membership.start_date.strftime("%d/%m/%Y") if membership.start_date else "",
        "end_date": "",
        "end_reason": "",
        "appointing_act": "",
        "appointing_document": "",
        "popolo_id": "",
    }
    data.update(changes)
    return data


# The listing


def test_coordinator_lists_only_the_memberships_of_their_network(
    coordinator_client, membership_a, membership_b
):
    response = coordinator_client.get(url("membership:list"))

    assert response.status_code == 200
    listed = set(response.context["object_list"])
    assert listed == {membership_a}
    assert membership_b.person.name not in response.content.decode()


def test_coordinator_membership_chooser_offers_only_their_network(
    coordinator_client, membership_a, membership_b
):
    response = coordinator_client.get(
        reverse("wagtailsnippetchoosers_network_membership:choose_results")
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert membership_a.person.name in content
    assert membership_b.person.name not in content


def test_coordinator_network_filter_offers_only_their_networks(
    coordinator_client, network_a, network_b
):
    response = coordinator_client.get(url("membership:list"))

    choices = set(response.context["filters"].form.fields["network"].queryset)
    assert choices == {network_a}


def test_coordinator_export_holds_only_their_network(
    coordinator_client, membership_a, membership_b
):
    response = coordinator_client.get(url("membership:list") + "?export=csv")

    body = b"".join(response.streaming_content).decode()
    assert membership_a.person.name in body
    assert membership_b.person.name not in body


# Memberships of another network: refused, nothing changes


def test_coordinator_cannot_open_the_edit_form_of_another_networks_membership(
    coordinator_client, membership_b
):
    assert_refused(coordinator_client.get(url("membership:edit", membership_b.pk)))


def test_coordinator_cannot_edit_another_networks_membership(coordinator_client, membership_b):
    data = membership_post(membership_b, end_date="31/03/2024", end_reason="resigned")

    response = coordinator_client.post(url("membership:edit", membership_b.pk), data)

    assert_refused(response)
    membership_b.refresh_from_db()
    assert membership_b.end_date is None
    assert membership_b.end_reason == ""


def test_coordinator_cannot_create_a_membership_in_another_network(
    coordinator_client, network_b, role
):
    person = PersonFactory()
    before = Membership.objects.count()

    response = coordinator_client.post(
        url("membership:add"),
        {
            "network": network_b.pk,
            "person": person.pk,
            "organisation": "",
            "role": role.pk,
            "start_date": "01/02/2024",
            "end_date": "",
            "end_reason": "",
            "on_behalf_of": "",
            "area": "",
            "appointing_act": "",
            "appointing_document": "",
            "popolo_id": "",
        },
    )

    assert response.status_code == 200  # the form comes back with the error
    assert "network" in response.context["form"].errors
    assert Membership.objects.count() == before
    assert not Membership.objects.filter(network=network_b, person=person).exists()


def test_coordinator_cannot_move_their_membership_to_another_network(
    coordinator_client, membership_a, network_b
):
    data = membership_post(membership_a, network=network_b.pk)

    response = coordinator_client.post(url("membership:edit", membership_a.pk), data)

    assert response.status_code == 200
    assert "network" in response.context["form"].errors
    membership_a.refresh_from_db()
    assert membership_a.network_id != network_b.pk


@pytest.mark.parametrize("method", ["get", "post"])
def test_coordinator_cannot_delete_another_networks_membership(
    coordinator_client, membership_b, method
):
    response = getattr(coordinator_client, method)(url("membership:delete", membership_b.pk))

    assert_refused(response)
    assert Membership.objects.filter(pk=membership_b.pk).exists()


def test_coordinator_cannot_read_the_history_of_another_networks_membership(
    coordinator_client, membership_b
):
    assert_refused(coordinator_client.get(url("membership:history", membership_b.pk)))


# Attendance of another network


def test_coordinator_cannot_edit_attendance_of_another_network(
    coordinator_client, meeting_b, membership_b
):
    attendance = AttendanceFactory(meeting=meeting_b, membership=membership_b)

    response = coordinator_client.post(
        url("attendance:edit", attendance.pk),
        {"meeting": meeting_b.pk, "membership": membership_b.pk, "status": "present"},
    )

    assert_refused(response)
    attendance.refresh_from_db()
    assert attendance.status == AttendanceStatus.ABSENT


def test_coordinator_cannot_create_attendance_in_another_network(
    coordinator_client, meeting_b, membership_b
):
    response = coordinator_client.post(
        url("attendance:add"),
        {"meeting": meeting_b.pk, "membership": membership_b.pk, "status": "present"},
    )

    assert response.status_code == 200
    assert {"meeting", "membership"} <= set(response.context["form"].errors)
    assert not Attendance.objects.exists()


def test_coordinator_cannot_open_or_save_the_attendance_sheet_of_another_network(
    coordinator_client, network_b, meeting_b, membership_b
):
    sheet = reverse("network_attendance", args=[network_b.pk]) + f"?seduta={meeting_b.pk}"

    assert_refused(coordinator_client.get(sheet))
    assert_refused(coordinator_client.post(sheet, {f"status-{membership_b.pk}": "present"}))
    assert not Attendance.objects.exists()


def test_coordinator_cannot_open_the_composition_of_another_network(coordinator_client, network_b):
    assert_refused(coordinator_client.get(reverse("network_composition", args=[network_b.pk])))


# Their own network: allowed


def test_coordinator_opens_and_saves_their_own_membership(coordinator_client, membership_a):
    assert coordinator_client.get(url("membership:edit", membership_a.pk)).status_code == 200

    data = membership_post(membership_a, end_date="31/03/2024", end_reason="resigned")
    response = coordinator_client.post(url("membership:edit", membership_a.pk), data)

    assert response.status_code == 302
    assert response.url == url("membership:list")
    membership_a.refresh_from_db()
    assert membership_a.end_date == date(2024, 3, 31)
    assert membership_a.end_reason == "resigned"


def test_coordinator_creates_a_membership_in_their_own_network(coordinator_client, network_a, role):
    person = PersonFactory()

    response = coordinator_client.post(
        url("membership:add"),
        {
            "network": network_a.pk,
            "person": person.pk,
            "organisation": "",
            "role": role.pk,
            "start_date": "01/02/2024",
            "end_date": "",
            "end_reason": "",
            "on_behalf_of": "",
            "area": "",
            "appointing_act": "Decreto 12/2024",
            "appointing_document": "",
            "popolo_id": "",
        },
    )

    assert response.status_code == 302
    created = Membership.objects.get(network=network_a, person=person)
    assert created.start_date == date(2024, 2, 1)
    assert created.appointing_act == "Decreto 12/2024"


def test_coordinator_records_attendance_in_their_own_network(
    coordinator_client, meeting_a, membership_a
):
    response = coordinator_client.post(
        url("attendance:add"),
        {"meeting": meeting_a.pk, "membership": membership_a.pk, "status": "present"},
    )

    assert response.status_code == 302
    assert Attendance.objects.get().status == AttendanceStatus.PRESENT


def test_coordinator_may_not_delete_memberships_even_in_their_network(
    coordinator_client, membership_a
):
    # Memberships are ended (end date and reason), not deleted: history stays.
    assert_refused(coordinator_client.post(url("membership:delete", membership_a.pk)))
    assert Membership.objects.filter(pk=membership_a.pk).exists()


# Managers of every network


def test_registry_manager_edits_any_network(client, registry_manager, membership_b):
    client.force_login(registry_manager)
    data = membership_post(membership_b, end_date="31/03/2024", end_reason="term_ended")

    response = client.post(url("membership:edit", membership_b.pk), data)

    assert response.status_code == 302
    membership_b.refresh_from_db()
    assert membership_b.end_reason == "term_ended"


def test_superuser_deletes_a_membership(client, superuser, membership_b):
    client.force_login(superuser)

    response = client.post(url("membership:delete", membership_b.pk))

    assert response.status_code == 302
    assert response.url == url("membership:list")
    assert not Membership.objects.filter(pk=membership_b.pk).exists()


# Page editors and moderators


@pytest.mark.parametrize("who", ["editor", "moderator"])
@pytest.mark.parametrize(
    "view", ["membership:list", "person:list", "attendance:list", "organisation:list"]
)
def test_page_staff_are_refused_on_the_registry(client, request, who, view):
    client.force_login(request.getfixturevalue(who))

    assert_refused(client.get(url(view)))


@pytest.mark.parametrize("who", ["editor", "moderator"])
def test_page_staff_cannot_edit_a_membership_or_see_a_composition(
    client, request, who, membership_a
):
    client.force_login(request.getfixturevalue(who))

    assert_refused(client.get(url("membership:edit", membership_a.pk)))
    assert_refused(client.get(reverse("network_composition", args=[membership_a.network_id])))


@pytest.mark.parametrize("who", ["editor", "moderator"])
def test_page_staff_still_see_the_networks(client, request, who, network_a):
    client.force_login(request.getfixturevalue(who))

    response = client.get(url("network:list"))

    assert response.status_code == 200
    assert network_a.name in response.content.decode()
    assert_refused(client.get(url("network:edit", network_a.pk)))


# The policy itself


def test_policy_narrows_instances_to_the_coordinators_networks(
    coordinator, membership_a, membership_b, meeting_a, meeting_b
):
    own = AttendanceFactory(meeting=meeting_a, membership=membership_a)
    AttendanceFactory(meeting=meeting_b, membership=membership_b)

    assert set(membership_policy.instances_user_has_permission_for(coordinator, "change")) == {
        membership_a
    }
    assert set(attendance_policy.instances_user_has_permission_for(coordinator, "change")) == {own}
    assert membership_policy.user_has_permission_for_instance(coordinator, "change", membership_a)
    assert not membership_policy.user_has_permission_for_instance(
        coordinator, "change", membership_b
    )


def test_policy_lists_the_users_who_may_change_a_membership(
    coordinator, registry_manager, superuser, editor, membership_a, membership_b
):
    for_a = set(membership_policy.users_with_permission_for_instance("change", membership_a))
    for_b = set(membership_policy.users_with_permission_for_instance("change", membership_b))

    assert for_a == {coordinator, registry_manager, superuser}
    assert for_b == {registry_manager, superuser}
