"""The public networks page (/reti/ and /reti/<slug>/) and the attendance on minutes pages:
public labels only, gaps and coverage readable without colour, constant queries."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.models import (
    AttendanceStatus,
    EndReason,
    NetworkIndexPage,
    Person,
    RuleKind,
    Severity,
)
from tests.factories import MinutesPageFactory, add_published
from tests.registry_factories import (
    AreaFactory,
    AttendanceFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    RuleFactory,
    SubareaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return add_published(home, NetworkIndexPage(title="Reti", slug="reti", show_in_menus=True))


@pytest.fixture
def subareas(db):
    district = AreaFactory(name="Ambito di prova", kind="district")
    return [SubareaFactory(name=f"Sub-ambito {n}", parent=district) for n in (1, 2, 3)]


@pytest.fixture
def roles(db):
    return {
        "coordinatore": RoleFactory(name="Coordinatore", slug="coordinatore"),
        "referente": RoleFactory(name="Referente", slug="referente"),
        "componente": RoleFactory(name="Componente", slug="componente"),
    }


@pytest.fixture
def network(subareas, roles):
    network = NetworkFactory(
        name="Rete ConTatto",
        slug="rete-contatto",
        kind="network",
        purpose="<p>Rete antiviolenza del territorio.</p>",
    )
    RuleFactory(
        network=network, kind=RuleKind.COVERAGE, min_count=1, severity=Severity.HIGH, sort_order=0
    )
    association = OrganisationFactory(name="Associazione Donne Contro la Violenza")
    MembershipFactory(
        network=network,
        person=PersonFactory(name="Ada Segreta", role_email="coordinamento@example.org"),
        role=roles["coordinatore"],
        on_behalf_of=association,
    )
    MembershipFactory(
        network=network,
        person=None,
        organisation=OrganisationFactory(name="Comune di Crema", area=subareas[0]),
        role=roles["componente"],
    )
    return network


def add_members(network, role, count, area):
    for n in range(count):
        MembershipFactory(
            network=network,
            person=None,
            organisation=OrganisationFactory(name=f"Comune di prova {n}", area=area),
            role=role,
        )


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_index_lists_each_network_with_kind_active_members_and_gaps(client, index, network):
    NetworkFactory(name="Tavolo SIA", slug="tavolo-sia", kind="table")

    html = html_of(client, index.url)

    assert 'href="/reti/rete-contatto/"' in html
    assert 'href="/reti/tavolo-sia/"' in html
    text = text_of(html)
    assert "Rete ConTatto" in text and "Rete antiviolenza del territorio." in text
    assert "Componenti in carica: 2" in text
    assert "2 lacune da colmare" in text  # sub-areas 2 and 3 uncovered
    assert "Nessuna lacuna" in text  # Tavolo SIA has no rules


def test_the_index_appears_in_the_site_menu(client, index, network):
    html = html_of(client, "/")

    menu = html.split('id="main-nav"')[1].split("</nav>")[0]
    assert 'href="/reti/"' in menu


def test_a_network_page_shows_purpose_members_by_name_public_label_and_role_mailbox(
    client, index, network
):
    html = html_of(client, "/reti/rete-contatto/")
    text = text_of(html)

    assert '<h1 data-element="page-name">Rete ConTatto</h1>' in html
    assert "Rete antiviolenza del territorio." in text
    assert "Coordinatore per Associazione Donne Contro la Violenza" in text
    assert "Comune di Crema" in text
    assert 'href="mailto:coordinamento@example.org"' in html
    assert "Ada Segreta – Coordinatore per Associazione" in text


def test_a_hidden_name_leaves_only_the_role_and_body(client, index, network):
    Person.objects.filter(name="Ada Segreta").update(hidden_from_public=True)

    html = html_of(client, "/reti/rete-contatto/")

    assert "Ada Segreta" not in html
    assert "Coordinatore per Associazione Donne Contro la Violenza" in text_of(html)


def test_a_network_page_groups_members_by_role_and_by_sub_area(client, index, network):
    text = text_of(html_of(client, "/reti/rete-contatto/"))

    by_role = text.split("Per ruolo")[1].split("Per sub-ambito")[0]
    assert "Coordinatore (1) Ada Segreta – Coordinatore per Associazione" in by_role
    assert "Componente (1) Comune di Crema" in by_role
    by_area = text.split("Per sub-ambito rappresentato")[1].split("Lacune")[0]
    assert "Sub-ambito 1 (1) Comune di Crema (Componente)" in by_area
    assert "nessun sub-ambito indicato (1) Ada Segreta – Coordinatore per Associazione" in by_area


def test_a_network_page_lists_only_members_in_office_today(client, index, network, roles):
    today = timezone.localdate()
    for name, start, end in [
        ("Comune uscito", today - timedelta(days=400), today - timedelta(days=1)),
        ("Comune entrante", today + timedelta(days=1), None),
    ]:
        MembershipFactory(
            network=network,
            person=None,
            organisation=OrganisationFactory(name=name),
            role=roles["componente"],
            start_date=start,
            end_date=end,
            end_reason=EndReason.RESIGNED if end else "",
        )

    text = text_of(html_of(client, "/reti/rete-contatto/"))

    assert "Componenti in carica (2)" in text
    assert "Comune uscito" not in text
    assert "Comune entrante" not in text


def test_a_network_page_shows_gaps_with_severity_in_words(client, index, network):
    html = html_of(client, "/reti/rete-contatto/")
    gaps = text_of(html.split('id="lacune"')[1].split('id="rappresentanza"')[0])

    assert "Gravità alta Sub-ambito 2 non è rappresentato" in gaps
    assert "Gravità alta Sub-ambito 3 non è rappresentato" in gaps
    assert "Sub-ambito 1 non è rappresentato" not in gaps


def test_a_network_without_gaps_says_so(client, index, network, subareas, roles):
    for area in subareas[1:]:
        add_members(network, roles["componente"], 1, area)

    gaps = text_of(html_of(client, "/reti/rete-contatto/").split('id="lacune">')[1])

    assert gaps.startswith("Lacune Nessuna lacuna")


def test_the_coverage_table_is_accessible_and_readable_without_colour(client, index, network):
    html = html_of(client, "/reti/rete-contatto/")
    table = html.split('id="rappresentanza"')[1].split("</table>")[0]

    assert "<caption" in table
    assert table.count('<th scope="col">') == 2
    assert table.count('<th scope="row">') == 3
    rows = [text_of(row) for row in table.split("<tr>")[2:]]
    assert rows == [
        "Sub-ambito 1 1 componente coperto",
        "Sub-ambito 2 nessuno scoperto",
        "Sub-ambito 3 nessuno scoperto",
    ]
    assert table.count('class="table-danger"') == 2
    assert table.count('class="table-success"') == 1


def test_the_index_shows_the_representation_matrix_of_every_network(client, index, network):
    NetworkFactory(name="Tavolo SIA", slug="tavolo-sia", kind="table")

    html = html_of(client, index.url)
    table = html.split('id="rappresentanza"')[1].split("</table>")[0]

    assert "<caption" in table
    assert table.count('<th scope="row">') == 2
    contatto = text_of(table.split('href="/reti/rete-contatto/">')[1].split("</tr>")[0])
    assert contatto == "Rete ConTatto 1 componente coperto nessuno scoperto nessuno scoperto"
    sia = text_of(table.split('href="/reti/tavolo-sia/">')[1].split("</tr>")[0])
    assert sia == "Tavolo SIA nessuno nessuno nessuno"


def test_a_network_page_links_its_latest_live_minutes(client, index, network, minutes_index):
    for day in (date(2017, 1, 18), date(2017, 2, 1)):
        MinutesPageFactory(
            parent=minutes_index,
            title=f"Verbale del {day.isoformat()}",
            meeting_body=network,
            meeting_date=day,
        )
    draft = MinutesPageFactory(parent=minutes_index, title="Verbale in bozza", meeting_body=network)
    draft.unpublish()
    MinutesPageFactory(parent=minutes_index, title="Verbale di un'altra rete")

    html = html_of(client, "/reti/rete-contatto/")
    minutes = html.split('id="verbali"')[1]

    assert minutes.index("Verbale del 2017-02-01") < minutes.index("Verbale del 2017-01-18")
    assert 'href="/verbali/' in minutes
    assert "Verbale in bozza" not in minutes
    assert "un'altra rete" not in minutes


def test_an_unknown_network_is_not_found(client, index, network):
    assert client.get("/reti/nessuna-rete/").status_code == 404


def test_the_sitemap_lists_the_page_of_every_network(client, index, network):
    xml = client.get("/sitemap.xml").content.decode()

    assert "/reti/</loc>" in xml
    assert "/reti/rete-contatto/</loc>" in xml


@pytest.mark.parametrize("url", ["/reti/", "/reti/rete-contatto/"])
def test_network_pages_run_the_same_queries_for_3_or_30_members(
    client, index, network, subareas, roles, url, django_assert_max_num_queries
):
    add_members(network, roles["componente"], 3, subareas[1])
    client.get(url)  # warm per-process caches (site root paths, content types, structure)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    few = len(few)  # counted now: the next request empties the connection's query log

    add_members(network, roles["referente"], 27, subareas[2])
    client.get(url)  # new members are a change of content: the site structure is read again
    with django_assert_max_num_queries(few):
        response = client.get(url)

    if url != "/reti/":
        assert "Componenti in carica (32)" in text_of(response.content.decode())


# -- attendance on minutes pages


@pytest.fixture
def meeting(minutes_index, network):
    return MinutesPageFactory(
        parent=minutes_index, meeting_body=network, meeting_date=date(2017, 3, 1)
    )


def record(meeting, membership, status):
    return AttendanceFactory(meeting=meeting, membership=membership, status=status)


def test_minutes_show_attendance_by_public_label(client, meeting, network):
    coordinator, comune = network.memberships.order_by("pk")
    record(meeting, coordinator, AttendanceStatus.EXCUSED)
    record(meeting, comune, AttendanceStatus.PRESENT)

    html = html_of(client, meeting.url)
    section = text_of(html.split('id="presenze">')[1].split("</section>")[0])

    assert section.startswith("Presenze")
    assert "Presenti (1) Comune di Crema" in section
    assert "Assenti giustificati (1) Coordinatore per Associazione Donne" in section
    assert "Assenti (" not in section
    assert "Ada Segreta" not in html


def test_minutes_without_attendance_have_no_attendance_section(client, meeting):
    assert 'id="presenze"' not in html_of(client, meeting.url)


def test_minutes_link_their_body_to_its_network_page(client, index, meeting):
    assert 'href="/reti/rete-contatto/">Rete ConTatto</a>' in html_of(client, meeting.url)


def test_minutes_attendance_runs_the_same_queries_for_3_or_30_members(
    client, meeting, network, subareas, roles, django_assert_max_num_queries
):
    def attend(count, role):
        add_members(network, role, count, subareas[1])
        for membership in network.memberships.filter(attendance__isnull=True):
            record(meeting, membership, AttendanceStatus.ABSENT)

    attend(3, roles["componente"])
    client.get(meeting.url)
    with CaptureQueriesContext(connection) as few:
        client.get(meeting.url)
    few = len(few)  # counted now: the next request empties the connection's query log

    attend(27, roles["referente"])
    client.get(meeting.url)  # a change of content: the site structure is read again once
    with django_assert_max_num_queries(few):
        response = client.get(meeting.url)

    assert "Assenti (32)" in text_of(response.content.decode())
