"""Gzip of public answers (cms/compression.py): what an anonymous visitor gets is compressed
when the client accepts gzip, once, into the response cache; what may hold a secret (the admin,
a page with a CSRF token, a request with credentials) and documents are sent as they are."""

import gzip

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import BodyIdentity
from tests.factories import DocumentFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def varies_on_encoding(response):
    return "accept-encoding" in response.get("Vary", "").lower()


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Contributi per l'affitto")


def test_a_public_page_is_gzipped_for_a_client_that_accepts_it(client, news):
    plain = client.get(news.url)
    compressed = client.get(news.url, **GZIP)

    assert compressed["Content-Encoding"] == "gzip"
    assert varies_on_encoding(compressed)
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert int(compressed["Content-Length"]) == len(compressed.content)


def test_a_client_that_does_not_accept_gzip_gets_the_page_as_it_is(client, news):
    response = client.get(news.url)

    assert not response.has_header("Content-Encoding")
    assert varies_on_encoding(response)
    assert "Contributi per l&#x27;affitto" in response.content.decode()


def test_the_compressed_page_is_the_same_bytes_every_time(client, news):
    """No random padding: every worker sends the same bytes, so the ETag computed outside the
    compression holds from one request to the next."""
    first = client.get(news.url, **GZIP)
    second = client.get(news.url, **GZIP)

    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert client.get(news.url, HTTP_IF_NONE_MATCH=first["ETag"], **GZIP).status_code == 304


def test_the_api_and_the_feeds_are_gzipped(client, news):
    for url in ("/api/v3/content/", "/feed/rss/"):
        response = client.get(url, **GZIP)

        assert response.status_code == 200, url
        assert response["Content-Encoding"] == "gzip", url
        gzip.decompress(response.content)


def test_a_cached_page_is_served_already_compressed(client, news, settings):
    settings.PAGE_RESPONSE_CACHE = True
    BodyIdentity.load()  # the first page shown creates it: a change of content, done here

    first = client.get(news.url, **GZIP)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(news.url, **GZIP)
    plain = client.get(news.url)

    assert len(queries) == 0
    assert again["Content-Encoding"] == "gzip"
    assert again.content == first.content
    assert not plain.has_header("Content-Encoding")
    assert gzip.decompress(again.content) == plain.content
    assert client.get(news.url, HTTP_IF_NONE_MATCH=again["ETag"], **GZIP).status_code == 304


def test_a_page_with_a_csrf_token_is_not_compressed(client, home):
    """BREACH: the form's token is a secret next to what the visitor typed."""
    for url in ("/segnala-disservizio/", "/admin/login/"):
        response = client.get(url, **GZIP)

        assert response.status_code == 200, url
        assert "csrfmiddlewaretoken" in response.content.decode(), url
        assert not response.has_header("Content-Encoding"), url


def test_an_editor_gets_pages_uncompressed(client, news, editor):
    client.force_login(editor)

    response = client.get(news.url, **GZIP)

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_an_api_request_with_a_token_is_not_compressed(client, news):
    response = client.get("/api/v3/content/", HTTP_AUTHORIZATION="Bearer not-a-token", **GZIP)

    assert not response.has_header("Content-Encoding")


def test_a_text_document_is_sent_as_stored(client):
    document = DocumentFactory(file=ContentFile(b"elenco dei beneficiari\n" * 200, name="a.txt"))

    response = client.get(document.url, **GZIP)

    assert response.status_code == 200
    assert response.get("Content-Encoding") != "gzip"  # Wagtail's serve view writes "None"
    assert not varies_on_encoding(response)
    assert b"".join(response.streaming_content).startswith(b"elenco dei beneficiari")
