"""Shared fixtures: the migration-created home page and site, and one index page per section."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from hypothesis import settings
from wagtail.models import Site

from cms.models import CallIndexPage, HomePage, MinutesIndexPage, NewsIndexPage, PlanIndexPage
from tests.factories import add_published

# No example database on disk: the suite leaves nothing behind outside tests/ and the
# property tests stay deterministic enough to rerun (hypothesis prints any failing example).
settings.register_profile("udp", database=None)
settings.load_profile("udp")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a test's rolled-back rows emit no signal, so a
    cached API answer could otherwise outlive them (cms/response_cache.py)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def home(db):
    """The HomePage that migration 0002 puts at the root of the default site."""
    return HomePage.objects.get()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def plan_index(home):
    return add_published(home, PlanIndexPage(title="Piani", slug="piani"))


@pytest.fixture
def minutes_index(home):
    return add_published(home, MinutesIndexPage(title="Verbali", slug="verbali"))


@pytest.fixture
def call_index(home):
    return add_published(home, CallIndexPage(title="Bandi", slug="bandi"))


@pytest.fixture
def news_index(home):
    return add_published(home, NewsIndexPage(title="Notizie", slug="notizie"))


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("capo", "capo@example.org", "pw-capo-123")


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("redattrice", "red@example.org", "pw-red-123")
    user.groups.add(Group.objects.get(name="Redazione"))
    return user


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("moderatore", "mod@example.org", "pw-mod-123")
    user.groups.add(Group.objects.get(name="Moderatori"))
    return user
