"""Who may do what through the API, in one table: anonymous, page editor, moderator, and the
coordinators of network A and of network B, for pages and for memberships. Each role gets
exactly the answers in EXPECTED, and a refused action changes nothing."""

import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import APIToken

from cms.models import NewsPage
from network.models import Membership
from tests.factories import NewsPageFactory
from tests.registry_factories import MembershipFactory, NetworkFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "moderator", "coordinator_a", "coordinator_b"]

# action: expected status per role, in the order of ROLES
EXPECTED = {
    "read_pages": [200, 200, 200, 200, 200],
    "read_gaps_a": [200, 200, 200, 200, 200],
    "create_draft": [401, 201, 201, 403, 403],
    "edit_page": [401, 200, 200, 403, 403],
    "submit_page": [401, 200, 200, 403, 403],
    "publish_page": [401, 403, 200, 403, 403],
    "add_member_a": [401, 403, 403, 201, 403],
    "add_member_b": [401, 403, 403, 403, 201],
    "change_member_a": [401, 403, 403, 200, 403],
    "end_member_a": [401, 403, 403, 200, 403],
}


@pytest.fixture
def setting(news_index, editor, moderator):
    network_a = NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")
    network_b = NetworkFactory(name="Rete ConTatto", slug="rete-contatto")
    role = RoleFactory(name="Referente", slug="referente")
    users = {"anonymous": None, "editor": editor, "moderator": moderator}
    for name, network in (("coordinator_a", network_a), ("coordinator_b", network_b)):
        user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw-x-12345")
        user.groups.add(network.coordinators)
        users[name] = user
    return {
        "news_index": news_index,
        "news": NewsPageFactory(parent=news_index, title="Notizia pubblicata"),
        "seat_a": MembershipFactory(network=network_a, role=role, start_date=date(2024, 1, 1)),
        "users": users,
    }


def request(client, method, url, user, body=None):
    headers = {}
    if user is not None:
        _token, raw = APIToken.create_token(user=user, name="prova")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    if method == "get":
        return client.get(url, **headers)
    return getattr(client, method)(
        url, data=json.dumps(body or {}), content_type="application/json", **headers
    )


def perform(client, action, user, setting):
    news, seat = setting["news"], setting["seat_a"]
    person = PersonFactory().pk
    member = {"person": person, "role": "referente", "start_date": "2025-01-01"}
    match action:
        case "read_pages":
            return request(client, "get", "/api/v3/pages/", user)
        case "read_gaps_a":
            return request(client, "get", "/api/v3/registry/networks/tavolo-sia/gaps/", user)
        case "create_draft":
            body = {
                "meta": {"type": "cms.NewsPage", "parent_id": setting["news_index"].pk},
                "title": "Bozza",
                "date": "2026-11-20",
            }
            return request(client, "post", "/api/v3/pages/", user, body)
        case "edit_page":
            return request(client, "patch", f"/api/v3/pages/{news.pk}/", user, {"title": "Nuovo"})
        case "submit_page":
            return request(client, "post", f"/api/v3/workflow/{news.pk}/submit/", user)
        case "publish_page":
            return request(client, "post", f"/api/v3/pages/{news.pk}/actions/publish/", user)
        case "add_member_a":
            body = {**member, "network": "tavolo-sia"}
            return request(client, "post", "/api/v3/registry/memberships/", user, body)
        case "add_member_b":
            body = {**member, "network": "rete-contatto"}
            return request(client, "post", "/api/v3/registry/memberships/", user, body)
        case "change_member_a":
            url = f"/api/v3/registry/memberships/{seat.pk}/"
            return request(client, "patch", url, user, {"appointing_act": "Delibera 7"})
        case "end_member_a":
            url = f"/api/v3/registry/memberships/{seat.pk}/end/"
            body = {"end_date": "2026-01-31", "end_reason": "term_ended"}
            return request(client, "post", url, user, body)
    raise AssertionError(action)


def state():
    """What a refused action must leave untouched."""
    return (
        sorted(NewsPage.objects.values_list("title", "live", "latest_revision_id")),
        sorted(
            Membership.objects.values_list("pk", "network_id", "end_date", "appointing_act"),
        ),
    )


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_its_rights(client, setting, role, action):
    expected = EXPECTED[action][ROLES.index(role)]
    before = state()

    response = perform(client, action, setting["users"][role], setting)

    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 400:
        assert state() == before, (role, action)
