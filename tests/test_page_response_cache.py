"""The server-side cache of public pages (cms/response_cache.py), on as in production: a
repeated anonymous visit runs no query, a publication is seen at once, and editors, visitors
of password-protected pages and answers with cookies never go through the cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.models import BodyIdentity
from tests.factories import MinutesPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, db):
    settings.PAGE_RESPONSE_CACHE = True
    # The first page ever shown creates the site settings row, a change of content that
    # starts a new cache generation: done here, as on a site that has served a page.
    BodyIdentity.load()


def get(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def test_a_repeated_visit_is_served_without_queries(client, news_index):
    news = NewsPageFactory(parent=news_index, title="Contributi affitto")

    first, first_queries = get(client, news.url)
    again, again_queries = get(client, news.url)

    assert first.status_code == again.status_code == 200
    assert first_queries > 0 and again_queries == 0
    assert again.content == first.content
    assert client.get(news.url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_publication_is_seen_at_once_on_the_page_and_its_listing(client, news_index):
    news = NewsPageFactory(parent=news_index, title="Titolo vecchio")
    assert "Titolo vecchio" in client.get(news.url).content.decode()
    assert "Titolo vecchio" in client.get(news_index.url).content.decode()

    news.title = "Titolo nuovo"
    news.save_revision().publish()

    assert "Titolo nuovo" in client.get(news.url).content.decode()
    assert "Titolo nuovo" in client.get(news_index.url).content.decode()


def test_search_results_are_cached_per_query(client, news_index):
    NewsPageFactory(parent=news_index, title="Voucher ISEE")
    NewsPageFactory(parent=news_index, title="Trasporto disabili")

    isee, _ = get(client, "/search/?q=ISEE")
    _, cached = get(client, "/search/?q=ISEE")
    other, other_queries = get(client, "/search/?q=trasporto")

    assert cached == 0 and other_queries > 0
    assert "Voucher ISEE" in isee.content.decode()
    assert "Trasporto disabili" in other.content.decode()


def test_editors_never_get_a_cached_page(client, news_index, editor):
    news = NewsPageFactory(parent=news_index)
    client.get(news.url)
    client.force_login(editor)

    _, queries = get(client, news.url)

    assert queries > 0


def test_a_password_protected_page_is_never_cached(client, minutes_index):
    minutes = MinutesPageFactory(parent=minutes_index, title="Verbale riservato")
    PageViewRestriction.objects.create(
        page=minutes, restriction_type=PageViewRestriction.PASSWORD, password="segreto-1"
    )

    first, _ = get(client, minutes.url)
    second, queries = get(client, minutes.url)

    assert "Verbale riservato" not in second.content.decode().split("<main", 1)[-1]
    assert queries > 0  # the password form sets a CSRF cookie: never stored


def test_the_admin_and_errors_are_never_cached(client):
    _, first = get(client, "/admin/login/")
    _, again = get(client, "/admin/login/")
    _, missing = get(client, "/non-esiste/")
    _, missing_again = get(client, "/non-esiste/")

    assert first > 0 and again > 0
    assert missing_again > 0
