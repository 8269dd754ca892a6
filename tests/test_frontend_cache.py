"""Purge of the caching proxy (cms/frontend_cache.py, wagtail.contrib.frontend_cache): a
publication purges the page's address and its API addresses, a membership change the
registry's; with no proxy configured nothing is purged and nothing fails."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from network.models import NetworkIndexPage
from tests.factories import NewsPageFactory, add_published
from tests.registry_factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db

BACKEND = "tests.test_frontend_cache.RecordingBackend"


class RecordingBackend(BaseBackend):
    """Stands for Varnish or Cloudflare: keeps the addresses it is asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"proxy": {"BACKEND": BACKEND}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_publishing_purges_the_page_and_its_api_addresses(purged, committed, news_index):
    with committed():
        news = NewsPageFactory(parent=news_index, slug="contributi-affitto")

    assert "http://localhost/notizie/contributi-affitto/" in purged
    for path in (
        f"/api/v3/pages/{news.pk}/",
        f"/api/v2/pages/{news.pk}/",
        "/api/v3/content/",
        f"/api/v3/pages/?child_of={news_index.pk}",
        f"/api/v2/pages/?child_of={news_index.pk}",
    ):
        assert f"http://localhost{path}" in purged, path


def test_unpublishing_purges_them_too(purged, committed, news_index):
    news = NewsPageFactory(parent=news_index, slug="avviso")
    purged.clear()

    with committed():
        news.unpublish()

    assert "http://localhost/notizie/avviso/" in purged
    assert f"http://localhost/api/v3/pages/{news.pk}/" in purged


def test_the_api_addresses_wait_for_the_commit(purged, news_index):
    news = NewsPageFactory(parent=news_index)

    assert f"http://localhost/api/v3/pages/{news.pk}/" not in purged


def test_a_membership_change_purges_the_registry(purged, committed, home):
    add_published(home, NetworkIndexPage(title="Reti", slug="reti"))
    network = NetworkFactory(slug="tavolo-sia")

    with committed():
        membership = MembershipFactory(network=network)

    expected = {
        "http://localhost/api/v3/registry/networks/",
        "http://localhost/api/v3/registry/networks/tavolo-sia/",
        "http://localhost/api/v3/registry/networks/tavolo-sia/gaps/",
        "http://localhost/api/v3/registry/gaps/",
        "http://localhost/api/v3/registry/matrix/",
        f"http://localhost/api/v3/registry/memberships/{membership.pk}/",
        "http://localhost/reti/",
        "http://localhost/reti/tavolo-sia/",
    }
    assert expected <= set(purged)

    purged.clear()
    with committed():
        membership.delete()
    assert expected <= set(purged)


def test_without_a_proxy_nothing_is_purged_and_nothing_fails(settings, committed, news_index, home):
    settings.WAGTAILFRONTENDCACHE = {}
    RecordingBackend.purged = []

    with committed():
        news = NewsPageFactory(parent=news_index)
        news.unpublish()
        MembershipFactory(network=NetworkFactory()).delete()

    assert RecordingBackend.purged == []


def test_the_settings_read_the_environment(monkeypatch):
    from cms.settings.base import frontend_cache_backends

    assert frontend_cache_backends({}) == {}
    backends = frontend_cache_backends(
        {
            "FRONTEND_CACHE_URL": "http://127.0.0.1:6081",
            "CLOUDFLARE_ZONEID": "zona",
            "CLOUDFLARE_BEARER_TOKEN": "segreto",
        }
    )
    assert backends["proxy"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:6081",
    }
    assert backends["cloudflare"]["ZONEID"] == "zona"
