"""HEAD on the JSON API answers like GET without the body: same status, headers and ETag
(django-ninja alone registers GET only, so HEAD would be a 405)."""

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

from tests.factories import NewsPageFactory
from tests.registry_factories import NetworkFactory

pytestmark = pytest.mark.django_db

SAME_HEADERS = ("Content-Type", "ETag", "Cache-Control", "Vary", "Content-Length")


@pytest.fixture
def content(news_index):
    NewsPageFactory(parent=news_index, title="Contributi per l'affitto")
    NetworkFactory(slug="tavolo-sia")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/",
        "/api/v3/content/",
        "/api/v3/search/?q=x",
        "/api/v3/registry/networks/",
        "/api/v3/registry/networks/tavolo-sia/",
        "/api/v2/pages/",
    ],
)
def test_head_answers_like_get_without_a_body(client, content, url):
    head = client.head(url)
    get = client.get(url)

    assert head.status_code == get.status_code == 200
    assert head.content == b""
    for header in SAME_HEADERS:
        assert head[header] == get[header], header
    assert int(head["Content-Length"]) == len(get.content) > 0


def test_head_of_a_missing_page_is_a_404_like_get(client):
    assert client.head("/api/v3/pages/999999/").status_code == 404
    assert client.get("/api/v3/pages/999999/").status_code == 404


def test_head_with_the_etag_is_a_304(client, content):
    etag = client.get("/api/v3/content/")["ETag"]

    assert client.head("/api/v3/content/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_route_without_get_still_refuses_head(client):
    assert client.head("/api/v3/workflow/1/submit/").status_code == 405


def test_the_middleware_itself_drops_the_body(content):
    """The test client strips HEAD bodies on its own: check the middleware's answer."""
    handler = WSGIHandler()
    request = RequestFactory().head("/api/v3/content/")
    response = handler.get_response(request)

    assert response.status_code == 200
    assert response.content == b""
    assert int(response["Content-Length"]) > 0
    assert request.method == "HEAD"
