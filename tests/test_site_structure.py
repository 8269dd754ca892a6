"""The remembered site structure (cms/site_structure.py): fewer queries, never stale.

Every test first makes a page remembered (route, menu, restrictions, settings), then changes
content the way an editor would, and checks that the very next request shows the change.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cms import response_cache, site_structure
from cms.models import BodyIdentity, MenuSectionLink, MenuSectionPage, StandardPage
from tests.factories import MinutesPageFactory, add_published, republish

pytestmark = pytest.mark.django_db


def warm(client, url):
    assert client.get(url).status_code == 200


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


@pytest.fixture
def minutes(minutes_index):
    return MinutesPageFactory(parent=minutes_index, slug="seduta", meeting_date=date(2017, 3, 1))


def test_a_remembered_page_costs_fewer_queries_than_a_first_visit(client, minutes):
    site_structure.forget_everything()
    response_cache.new_generation()
    first, cold = queries(client, minutes.url)
    warm(client, minutes.url)
    second, hot = queries(client, minutes.url)

    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert hot < cold


def test_an_unpublished_page_is_gone_on_the_next_request(client, minutes):
    warm(client, minutes.url)

    minutes.unpublish()

    assert client.get(minutes.url).status_code == 404


def test_a_renamed_page_moves_on_the_next_request(client, minutes):
    old_url = minutes.url
    warm(client, old_url)

    minutes.slug = "seduta-rinominata"
    republish(minutes)

    assert client.get(old_url).status_code in (301, 404)
    assert client.get("/verbali/seduta-rinominata/").status_code == 200


def test_a_new_view_restriction_applies_on_the_next_request(client, minutes, minutes_index):
    warm(client, minutes.url)
    warm(client, "/")

    PageViewRestriction.objects.create(
        page=minutes_index, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(minutes.url).status_code == 302  # to the login page
    assert 'href="/verbali/"' not in client.get("/").content.decode()


def test_a_new_section_appears_in_the_menu_on_the_next_request(client, home, minutes):
    warm(client, minutes.url)

    add_published(home, StandardPage(title="Chi siamo", slug="chi-siamo", show_in_menus=True))

    html = client.get(minutes.url).content.decode()
    assert 'href="/chi-siamo/"' in html


def test_a_changed_body_name_shows_on_the_next_request(client, minutes):
    warm(client, minutes.url)

    identity = BodyIdentity.load()
    identity.name = "Ambito di Cremona"
    identity.save()

    assert "Ambito di Cremona" in client.get(minutes.url).content.decode()


def test_a_change_made_by_another_process_is_seen_at_once(client, minutes):
    """Another process (a gunicorn worker, the task worker) has its own memory cache: it
    rewrites the shared generation file, and this process reads the change from there."""
    warm(client, minutes.url)
    BodyIdentity.objects.update(name="Ambito di Crema")  # no signal in this process

    assert "Ambito di Crema" not in client.get(minutes.url).content.decode()  # remembered
    response_cache._touch_shared_stamp()  # what the other process's change does

    assert "Ambito di Crema" in client.get(minutes.url).content.decode()


def test_a_page_unpublished_without_signals_is_never_served(client, minutes):
    """A remembered route is only a page id: the page itself is read, live, every time."""
    warm(client, minutes.url)

    Page.objects.filter(pk=minutes.pk).update(live=False)

    assert client.get(minutes.url).status_code == 404


def test_the_remembered_settings_are_copies(rf, minutes):
    request = rf.get(minutes.url)
    first = BodyIdentity.load(request)
    first.name = "cambiato solo qui"

    assert BodyIdentity.load(rf.get(minutes.url)).name != "cambiato solo qui"


def test_the_admin_reads_the_settings_row_itself(rf, minutes):
    BodyIdentity.load(rf.get(minutes.url))
    BodyIdentity.objects.update(name="Cambiato senza segnali")

    assert BodyIdentity.load(rf.get("/admin/settings/cms/bodyidentity/")).name == (
        "Cambiato senza segnali"
    )


def test_a_new_section_appears_on_the_home_page_on_the_next_request(client, home, minutes):
    warm(client, "/")

    section = add_published(
        home, MenuSectionPage(title="Amministrazione", slug="amministrazione", show_in_menus=True)
    )
    explore = client.get("/").content.decode().split('id="sezioni"')[1]
    assert 'href="/amministrazione/"' in explore

    # A new entry of that section reaches the home page's card on the next request too.
    section.section_links = [MenuSectionLink(link_page=minutes, title="Verbali")]
    republish(section)
    explore = client.get("/").content.decode().split('id="sezioni"')[1]
    assert f'href="{minutes.url}">Verbali</a>' in explore
