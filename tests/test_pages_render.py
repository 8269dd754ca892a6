"""Every page type renders with its content, on the shared accessible layout."""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from cms.models import (
    AgendaItem,
    AgendaOutcome,
    BodyIdentity,
    CallOutcomeAttachment,
    PlanObjective,
)
from tests.factories import (
    CallPageFactory,
    CallRecipientFactory,
    DocumentFactory,
    MinutesPageFactory,
    NetworkFactory,
    NewsPageFactory,
    PlanPageFactory,
    StandardPageFactory,
    attachments,
)

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def document(db):
    return DocumentFactory(title="Delibera di approvazione")


@pytest.fixture
def plan(plan_index, document):
    return PlanPageFactory(
        parent=plan_index,
        title="Piano Operativo 2017",
        body="<p>Le azioni dell'anno.</p>",
        objectives=[
            PlanObjective(number=1, title="Rafforzare il segretariato sociale"),
            PlanObjective(number=2, title="Avviare il servizio di tutela minori"),
        ],
        attachments=attachments(document),
    )


@pytest.fixture
def minutes(minutes_index, document):
    return MinutesPageFactory(
        parent=minutes_index,
        title="Verbale dell'Assemblea del 1 marzo 2017",
        meeting_body=NetworkFactory(name="Assemblea dei Sindaci", slug="assemblea"),
        meeting_date=date(2017, 3, 1),
        next_meeting_date=date(2017, 4, 5),
        next_meeting_time=time(10, 30),
        next_meeting_place="Sala consiliare di Crema",
        agenda_items=[
            AgendaItem(title="Approvazione del bilancio", outcome=AgendaOutcome.DECIDED),
            AgendaItem(title="Regolamento ISEE", outcome=AgendaOutcome.POSTPONED),
        ],
        attachments=attachments(document),
    )


@pytest.fixture
def call(call_index, document):
    return CallPageFactory(
        parent=call_index,
        title="Bando per il sostegno all'affitto",
        issuer="Comune capofila di Crema",
        opening=datetime(2020, 3, 1, 9, 0, tzinfo=ROME),
        application_deadline=datetime(2020, 3, 31, 12, 0, tzinfo=ROME),
        closing_date=date(2020, 6, 30),
        recipients=[CallRecipientFactory(name="Cittadini")],
        attachments=attachments(document),
    )


@pytest.fixture
def furnished_home(home, call_index, news_index, minutes_index):
    identity = BodyIdentity.load()
    identity.name = "Ufficio di Piano di Cremona"
    identity.save()
    home.intro = "<p>Servizi sociali dei comuni del distretto.</p>"
    home.save_revision().publish()
    now = timezone.now()
    CallPageFactory(
        parent=call_index,
        title="Bando aperto per i centri estivi",
        opening=now - timedelta(days=1),
        application_deadline=now + timedelta(days=10),
    )
    NewsPageFactory(parent=news_index, title="Sportello ISEE aperto il sabato")
    MinutesPageFactory(
        parent=minutes_index,
        title="Verbale dell'Ufficio di Piano",
        meeting_date=timezone.localdate(),
        next_meeting_date=timezone.localdate() + timedelta(days=7),
        next_meeting_place="Sala Bottesini",
    )
    return home


def test_the_home_page_shows_the_body_name_and_intro(client, furnished_home):
    html = html_of(client, furnished_home)
    assert "Ufficio di Piano di Cremona" in html
    assert "Servizi sociali dei comuni del distretto." in html


def test_the_home_page_lists_open_calls(client, furnished_home):
    assert "Bando aperto per i centri estivi" in html_of(client, furnished_home)


def test_the_home_page_does_not_list_scheduled_or_closed_calls_as_open(client, home, call_index):
    now = timezone.now()
    CallPageFactory(parent=call_index, title="Bando futuro", opening=now + timedelta(days=3))
    CallPageFactory(
        parent=call_index,
        title="Bando scaduto",
        opening=now - timedelta(days=30),
        application_deadline=now - timedelta(days=1),
    )

    html = html_of(client, home)

    assert "Bando futuro" not in html
    assert "Bando scaduto" not in html


def test_the_home_page_lists_latest_news(client, furnished_home):
    assert "Sportello ISEE aperto il sabato" in html_of(client, furnished_home)


def test_the_home_page_announces_the_next_meeting(client, furnished_home):
    html = html_of(client, furnished_home)
    assert "Prossima seduta" in html
    assert "Sala Bottesini" in html


@pytest.mark.parametrize(
    "index_fixture", ["plan_index", "minutes_index", "call_index", "news_index"]
)
def test_each_section_index_renders_with_its_title(client, request, index_fixture):
    index = request.getfixturevalue(index_fixture)
    assert index.title in html_of(client, index)


def test_a_section_index_lists_its_children(client, news_index):
    NewsPageFactory(parent=news_index, title="Sportello ISEE aperto il sabato")
    assert "Sportello ISEE aperto il sabato" in html_of(client, news_index)


def test_a_plan_page_shows_its_title_and_body(client, plan):
    html = html_of(client, plan)
    assert "Piano Operativo 2017" in html
    assert "Le azioni dell" in html


def test_a_plan_page_lists_its_objectives_in_an_ordered_list(client, plan):
    html = html_of(client, plan)
    lists = re.findall(r"<ol\b.*?</ol>", html, flags=re.S)
    assert any(
        "Rafforzare il segretariato sociale" in ol and "Avviare il servizio di tutela minori" in ol
        for ol in lists
    )


def test_a_minutes_page_shows_the_next_meeting(client, minutes):
    html = html_of(client, minutes)
    assert "Prossima seduta" in html
    assert "Sala consiliare di Crema" in html


def test_a_minutes_page_shows_its_agenda_item_titles(client, minutes):
    html = html_of(client, minutes)
    assert "Approvazione del bilancio" in html
    assert "Regolamento ISEE" in html


def test_a_minutes_page_has_a_section_of_postponed_items(client, minutes):
    html = html_of(client, minutes)
    section = html.split("Punti rimandati", 1)
    assert len(section) == 2
    assert "Regolamento ISEE" in section[1]
    assert "Approvazione del bilancio" not in section[1]


def test_a_minutes_page_shows_its_meeting_body(client, minutes):
    assert "Assemblea dei Sindaci" in html_of(client, minutes)


def test_a_call_page_shows_its_state_label(client, call):
    assert "Chiuso" in html_of(client, call)


def test_a_call_page_shows_its_issuer(client, call):
    assert "Comune capofila di Crema" in html_of(client, call)


def test_a_call_page_shows_its_deadline(client, call):
    assert "31 marzo 2020" in html_of(client, call)


def test_a_call_page_shows_a_midnight_deadline_on_its_rome_day(client, call_index):
    call = CallPageFactory(
        parent=call_index,
        opening=datetime(2026, 3, 1, 9, 0, tzinfo=ROME),
        application_deadline=datetime(2026, 3, 31, 0, 0, tzinfo=ROME),
    )
    html = html_of(client, call)
    assert "31 marzo 2026, 00:00" in html
    assert "30 marzo 2026" not in html


def test_a_call_page_shows_its_recipients(client, call):
    assert "Cittadini" in html_of(client, call)


def test_a_news_page_shows_its_title_and_body(client, news_index):
    news = NewsPageFactory(
        parent=news_index, title="Nuovo sportello", body="<p>Aperto il martedì.</p>"
    )
    html = html_of(client, news)
    assert "Nuovo sportello" in html
    assert "Aperto il martedì." in html


def test_a_standard_page_shows_its_title_and_body(client, home):
    page = StandardPageFactory(parent=home, title="Chi siamo", body="<p>I 48 comuni.</p>")
    html = html_of(client, page)
    assert "Chi siamo" in html
    assert "I 48 comuni." in html


@pytest.fixture
def news_with_attachment(news_index, document):
    return NewsPageFactory(parent=news_index, attachments=attachments(document))


@pytest.fixture
def standard_with_attachment(home, document):
    return StandardPageFactory(parent=home, attachments=attachments(document))


@pytest.mark.parametrize(
    "page_fixture",
    ["plan", "minutes", "call", "news_with_attachment", "standard_with_attachment"],
)
def test_attachments_link_to_the_document_server(client, request, page_fixture, document):
    html = html_of(client, request.getfixturevalue(page_fixture))
    assert re.search(rf'href="/documents/{document.pk}/[^"]*"', html)
    assert "Delibera di approvazione" in html


def test_an_attachment_shows_its_label_instead_of_the_document_title(client, news_index):
    document = DocumentFactory(title="scansione_0042")
    page = NewsPageFactory(
        parent=news_index, attachments=attachments(document, label="Modulo di domanda")
    )

    html = html_of(client, page)

    assert "Modulo di domanda" in html
    assert re.search(rf'href="/documents/{document.pk}/[^"]*"', html)


def test_a_call_page_links_the_documents_of_its_outcome(client, call_index):
    document = DocumentFactory(title="Graduatoria definitiva")
    call = CallPageFactory(
        parent=call_index,
        outcome="<p>Sono stati finanziati 12 progetti.</p>",
        outcome_attachments=[CallOutcomeAttachment(document=document)],
    )

    html = html_of(client, call)

    assert "Sono stati finanziati 12 progetti." in html
    assert "Graduatoria definitiva" in html
    assert re.search(rf'href="/documents/{document.pk}/[^"]*"', html)


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Nuovo sportello")


@pytest.fixture
def standard(home):
    return StandardPageFactory(parent=home, title="Chi siamo")


LAYOUT_PAGES = [
    "furnished_home",
    "plan_index",
    "minutes_index",
    "call_index",
    "news_index",
    "plan",
    "minutes",
    "call",
    "news",
    "standard",
]


def layout_html(client, request, page_fixture):
    """The HTML of a page of every type, and of the search page (which has no Page)."""
    if page_fixture == "search":
        request.getfixturevalue("home")
        response = client.get("/search/", {"q": "ISEE"})
        assert response.status_code == 200
        return response.content.decode()
    return html_of(client, request.getfixturevalue(page_fixture))


@pytest.mark.parametrize("page_fixture", [*LAYOUT_PAGES, "search"])
def test_pages_declare_italian_as_their_language(client, request, page_fixture):
    assert '<html lang="it">' in layout_html(client, request, page_fixture)


@pytest.mark.parametrize("page_fixture", [*LAYOUT_PAGES, "search"])
def test_pages_have_exactly_one_h1(client, request, page_fixture):
    assert layout_html(client, request, page_fixture).count("<h1") == 1


@pytest.mark.parametrize("page_fixture", [*LAYOUT_PAGES, "search"])
def test_pages_start_with_a_link_skipping_to_the_main_content(client, request, page_fixture):
    html = layout_html(client, request, page_fixture)
    assert 'href="#main-content"' in html
    assert 'id="main-content"' in html
