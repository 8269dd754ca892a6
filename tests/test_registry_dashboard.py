"""The dashboard panel "Lacune nelle reti": gaps by network and severity, for the networks
the user may see, in a number of queries that does not grow with the networks."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network.admin.panels import gap_summary
from network.gaps import find_gaps
from network.models import RuleKind
from tests.registry_factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    RoleFactory,
    RuleFactory,
    SubareaFactory,
)

pytestmark = pytest.mark.django_db

DASHBOARD = "wagtailadmin_home"


def panel(response):
    """The panel's HTML, or None when the dashboard does not show it."""
    content = response.content.decode()
    start = content.find('id="network-gaps')
    if start == -1:
        return None
    return content[start : content.find("</section>", start)]


def network_with_gaps(name, slug):
    """A network whose coverage rule misses both sub-areas and whose required body is
    absent: two high gaps and one medium."""
    network = NetworkFactory(name=name, slug=slug)
    RuleFactory(network=network, kind=RuleKind.COVERAGE, min_count=1, severity="high")
    RuleFactory(
        network=network,
        kind=RuleKind.REQUIRED_MEMBER,
        min_count=None,
        organisation=OrganisationFactory(name=f"Caritas per {name}"),
        severity="medium",
    )
    return network


@pytest.fixture
def subareas():
    return [SubareaFactory(name="Sub-ambito Crema"), SubareaFactory(name="Sub-ambito Soncino")]


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def test_panel_counts_gaps_by_severity_and_links_each_network(admin_client, subareas):
    network = network_with_gaps("Tavolo SIA", "tavolo-sia")

    html = panel(admin_client.get(reverse(DASHBOARD)))

    assert html is not None
    assert "Lacune nelle reti" in html
    assert reverse("network_composition", args=[network.pk]) in html
    assert "gravità Alta: 2" in html
    assert "gravità Media: 1" in html
    assert "Sub-ambito Crema non è rappresentato" in html
    assert "Manca l&#x27;ente obbligatorio Caritas per Tavolo SIA" in html


def test_panel_shows_the_top_three_messages_and_a_link_to_the_rest(admin_client, subareas):
    SubareaFactory(name="Sub-ambito Pandino")
    network_with_gaps("Tavolo SIA", "tavolo-sia")

    html = panel(admin_client.get(reverse(DASHBOARD)))

    assert html.count("<li>") == 4  # three messages and the link
    assert "Tutte le 4 lacune" in html


def test_panel_empty_state_says_no_gaps(admin_client, subareas):
    network = NetworkFactory(name="Tavolo SIA")
    RuleFactory(network=network, kind=RuleKind.COVERAGE, min_count=1)
    role = RoleFactory()
    for area in subareas:
        MembershipFactory(network=network, role=role, area=area, start_date=date(2020, 1, 1))

    html = panel(admin_client.get(reverse(DASHBOARD)))

    assert "Nessuna lacuna" in html
    assert "1 rete controllata" in html


def test_coordinator_sees_only_the_gaps_of_their_networks(client, subareas):
    own = network_with_gaps("Tavolo SIA", "tavolo-sia")
    network_with_gaps("Rete ConTatto", "rete-contatto")
    user = get_user_model().objects.create_user("coord", "c@example.org", "pw-coord-123")
    user.groups.add(own.coordinators)
    client.force_login(user)

    html = panel(client.get(reverse(DASHBOARD)))

    assert "Tavolo SIA" in html
    assert "Rete ConTatto" not in html


@pytest.mark.parametrize("who", ["editor", "moderator"])
def test_page_staff_do_not_get_the_panel(client, request, who, subareas):
    network_with_gaps("Tavolo SIA", "tavolo-sia")
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse(DASHBOARD))

    assert response.status_code == 200
    assert panel(response) is None


def test_dashboard_queries_do_not_grow_with_the_networks(
    admin_client, subareas, django_assert_max_num_queries
):
    network_with_gaps("Rete 0", "rete-0")
    with CaptureQueriesContext(connection) as one_network:
        admin_client.get(reverse(DASHBOARD))
    for n in range(1, 6):
        network = network_with_gaps(f"Rete {n}", f"rete-{n}")
        MembershipFactory(network=network, area=subareas[0], start_date=date(2020, 1, 1))

    with django_assert_max_num_queries(len(one_network)):
        response = admin_client.get(reverse(DASHBOARD))

    assert panel(response).count('href="/admin/registro-reti/') == 6


def test_gap_summary_keeps_the_engines_order_and_skips_unknown_networks(subareas):
    network = network_with_gaps("Tavolo SIA", "tavolo-sia")
    gaps = find_gaps(networks=[network])

    rows = gap_summary([network], gaps, top=1)

    assert len(rows) == 1
    assert rows[0]["total"] == 3
    assert [c["count"] for c in rows[0]["counts"]] == [2, 1, 0]
    assert rows[0]["top"][0].gap.severity == "high"
    assert gap_summary([], gaps) == []
