"""A member's private data (email, phone, notes) never reaches a public page, the search,
the sitemap or the API; a hidden name (Person.hidden_from_public) never reaches any of them
either, while the name of a person who is not hidden is shown with their seat."""

import html
from datetime import date

import pytest

from network.models import AttendanceStatus, NetworkIndexPage
from tests.factories import MinutesPageFactory, add_published
from tests.registry_factories import (
    AreaFactory,
    AttendanceFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    SubareaFactory,
)

pytestmark = pytest.mark.django_db

NAME = "Zebedea Quintilia Riservatissima"  # hidden from the public
SHOWN = "Onorio Pubblicodue"
PRIVATE = {
    "private_email": "zebedea.q.7f3a@riservato.invalid",
    "private_phone": "+39 333 7771 9042",
    "private_notes": "Notariservata9c1d: non pubblicare",
}


@pytest.fixture
def registry(home, minutes_index):
    district = AreaFactory(name="Ambito di prova", kind="district")
    north = SubareaFactory(name="Sub-ambito Nord", parent=district)
    network = NetworkFactory(name="Tavolo SIA", slug="tavolo-sia", purpose="<p>Inclusione.</p>")
    person = PersonFactory(
        name=NAME, role_email="referente.sia@example.org", hidden_from_public=True, **PRIVATE
    )
    MembershipFactory(
        network=network,
        person=PersonFactory(name=SHOWN),
        role=RoleFactory(name="Coordinatore", slug="coordinatore"),
        on_behalf_of=OrganisationFactory(name="Azienda Speciale Comunitaria", area=north),
    )
    membership = MembershipFactory(
        network=network,
        person=person,
        role=RoleFactory(name="Referente", slug="referente"),
        on_behalf_of=OrganisationFactory(name="Comune di Crema", area=north),
    )
    index = add_published(home, NetworkIndexPage(title="Reti", slug="reti", show_in_menus=True))
    minutes = MinutesPageFactory(
        parent=minutes_index,
        title="Verbale del Tavolo SIA",
        meeting_body=network,
        meeting_date=date(2017, 2, 22),
    )
    AttendanceFactory(meeting=minutes, membership=membership, status=AttendanceStatus.PRESENT)
    return {"network": network, "index": index, "minutes": minutes}


def body(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_nothing_private(text, where):
    for field, value in PRIVATE.items():
        for form in {value, html.escape(value)}:
            assert form not in text, f"{field} on {where}"


def test_public_pages_show_the_seat_but_no_private_data(client, registry):
    pages = {
        "/": body(client, "/"),
        "/reti/": body(client, "/reti/"),
        "/reti/tavolo-sia/": body(client, "/reti/tavolo-sia/"),
        "minutes": body(client, registry["minutes"].url),
    }

    for where, text in pages.items():
        assert_nothing_private(text, where)
    # The pages do show the seat, by its public label and the role's public mailbox.
    assert "Referente per Comune di Crema" in pages["/reti/tavolo-sia/"]
    assert "referente.sia@example.org" in pages["/reti/tavolo-sia/"]
    assert "Referente per Comune di Crema" in pages["minutes"]


def test_the_networks_pages_name_a_person_unless_the_name_is_hidden(client, registry):
    for url in ["/reti/", "/reti/tavolo-sia/", registry["minutes"].url]:
        text = body(client, url)
        assert NAME not in text, url
        assert html.escape(NAME) not in text, url
    assert SHOWN in body(client, "/reti/tavolo-sia/")


@pytest.mark.parametrize("query", [NAME, *PRIVATE.values()])
def test_the_search_finds_nothing_private(client, registry, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    results = response.context["results"]

    assert results.paginator.count == 0
    # The page repeats the query in its search box: everything else must be free of it.
    text = response.content.decode().replace(html.escape(query), "")
    assert NAME not in text
    assert_nothing_private(text, f"/search/?q={query}")


def test_the_sitemap_has_no_private_data(client, registry):
    xml = body(client, "/sitemap.xml")

    assert "/reti/tavolo-sia/" in xml
    assert NAME not in xml
    assert_nothing_private(xml, "/sitemap.xml")


@pytest.mark.parametrize(
    "params",
    [
        {"fields": "*"},
        {"type": "cms.MinutesPage", "fields": "*"},
        {"type": "network.NetworkIndexPage", "fields": "*"},
    ],
)
def test_the_api_listings_have_no_private_data(client, registry, params):
    text = body(client, "/api/v2/pages/", **params)

    assert '"total_count"' in text
    assert NAME not in text
    assert_nothing_private(text, f"/api/v2/pages/ {params}")


def test_the_api_details_of_every_page_have_no_private_data(client, registry):
    ids, total = [], None
    while total is None or len(ids) < total:  # every page of the listing, 20 at a time
        listing = client.get("/api/v2/pages/", {"limit": 20, "offset": len(ids)}).json()
        assert listing["items"], "the listing ended before its total_count"
        ids += [item["id"] for item in listing["items"]]
        total = listing["meta"]["total_count"]
    assert len(set(ids)) == total
    assert registry["minutes"].pk in ids and registry["index"].pk in ids

    for pk in ids:
        text = body(client, f"/api/v2/pages/{pk}/")
        assert NAME not in text, pk
        assert_nothing_private(text, f"/api/v2/pages/{pk}/")


def substitutions(registry):
    """Values for the path parameters of the API v3 document, from the fixture's data."""
    from wagtail.models import Page, Site

    return {
        "page_id": [str(pk) for pk in Page.objects.live().values_list("pk", flat=True)],
        "site_id": [str(Site.objects.get().pk)],
        "slug": [registry["network"].slug],
        "network_slug": [registry["network"].slug],
        "membership_id": [
            str(pk) for pk in registry["network"].memberships.values_list("pk", flat=True)
        ],
    }


def expand(path, values):
    """Every concrete URL of an OpenAPI path whose parameters we can fill; none otherwise."""
    import re

    names = re.findall(r"{(\w+)}", path)
    urls = [path]
    for name in names:
        if name not in values:
            return []
        urls = [url.replace("{" + name + "}", value) for url in urls for value in values[name]]
    return urls


def test_no_anonymous_get_of_the_api_v3_shows_private_data(client, registry):
    document = client.get("/api/v3/openapi.json").json()
    values = substitutions(registry)
    walked = set()
    for path, operations in document["paths"].items():
        if "get" not in operations:
            continue
        for url in expand(path, values):
            response = client.get(url)
            assert response.status_code < 500, url
            if response.status_code == 200:
                walked.add(url)
                text = response.content.decode()
                assert_nothing_private(text, url)
                assert NAME not in text, url
    minutes = f"/api/v3/pages/{registry['minutes'].pk}/"
    assert {"/api/v3/pages/", minutes, "/api/v3/content/", "/api/v3/documents/"} <= walked
    registry_urls = {
        "/api/v3/registry/networks/",
        "/api/v3/registry/networks/tavolo-sia/",
        "/api/v3/registry/memberships/",
        "/api/v3/registry/gaps/",
        "/api/v3/registry/matrix/",
        "/api/v3/registry/popolo/",
    }
    assert registry_urls <= walked
    assert SHOWN in client.get("/api/v3/registry/memberships/").content.decode()
    assert SHOWN in client.get("/api/v3/registry/popolo/").content.decode()
