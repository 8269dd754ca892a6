"""The server-side cache of anonymous API answers (cms/response_cache.py): a repeated GET
runs no query, and any change of content (a publication, a registry change) is seen at once;
requests with credentials and error answers are never cached."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken

from tests.factories import NewsPageFactory
from tests.registry_factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def test_a_repeated_anonymous_get_is_served_without_queries(client, news_index):
    news = NewsPageFactory(parent=news_index, title="Contributi affitto")

    first, first_queries = get(client, f"/api/v3/pages/{news.pk}/")
    again, again_queries = get(client, f"/api/v3/pages/{news.pk}/")

    assert first.status_code == again.status_code == 200
    assert first_queries > 0 and again_queries == 0
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert "public" in again["Cache-Control"]
    assert (
        client.get(f"/api/v3/pages/{news.pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    )


def test_publishing_a_change_is_seen_at_once(client, news_index):
    news = NewsPageFactory(parent=news_index, title="Titolo vecchio")
    assert client.get(f"/api/v3/pages/{news.pk}/").json()["title"] == "Titolo vecchio"

    news.title = "Titolo nuovo"
    news.save_revision().publish()

    assert client.get(f"/api/v3/pages/{news.pk}/").json()["title"] == "Titolo nuovo"
    listing = client.get("/api/v3/content/").json()
    assert [item["title"] for item in listing["items"]] == ["Titolo nuovo"]


def test_a_registry_change_is_seen_at_once(client):
    network = NetworkFactory(slug="tavolo-sia")
    url = "/api/v3/registry/networks/tavolo-sia/"
    assert client.get(url).json()["active_members"] == 0

    MembershipFactory(network=network)

    assert client.get(url).json()["active_members"] == 1


def test_credentials_bypass_the_cache(client, news_index, editor):
    news = NewsPageFactory(parent=news_index)
    url = f"/api/v3/pages/{news.pk}/"
    client.get(url)
    _token, raw = APIToken.create_token(user=editor, name="prova")
    client.get(url)  # cached for anonymous callers

    _, with_token = get(client, url, HTTP_AUTHORIZATION=f"Bearer {raw}")
    client.force_login(editor)
    _, with_session = get(client, url)

    assert with_token > 0 and with_session > 0


def test_errors_are_not_cached(client):
    _, first = get(client, "/api/v3/pages/999999/")
    response, again = get(client, "/api/v3/pages/999999/")

    assert response.status_code == 404
    assert first > 0 and again > 0
