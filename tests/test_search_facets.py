"""Search facets count every match, honour the other active filters, and are plain links."""

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import (
    CallPageFactory,
    MinutesPageFactory,
    NetworkFactory,
    NewsPageFactory,
    PlanPageFactory,
    StandardPageFactory,
    republish,
)

pytestmark = pytest.mark.django_db


def search(client, query="sportello", **params):
    return client.get("/search/", {"q": query, **params})


def counts(response, facet):
    """``{label: count}`` of one facet as the page shows it."""
    for group in response.context["facets"]:
        if group["name"] == facet:
            return {option["label"]: option["count"] for option in group["options"]}
    return {}


def titles(response):
    return [hit.title for hit in response.context["results"]]


def tagged(page, *tags):
    page.tags.add(*tags)
    return republish(page)


@pytest.fixture
def mixed(home, plan_index, minutes_index, call_index, news_index):
    """Pages of every type mentioning "sportello"."""
    now = timezone.now()
    ufficio = NetworkFactory(name="Assemblea dei Sindaci", slug="assemblea")
    tavolo = NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")
    plan = PlanPageFactory(
        parent=plan_index, title="Piano sportello sociale", start_year=2018, end_year=2020
    )
    plan.related_networks.add(tavolo)
    republish(plan)
    MinutesPageFactory(
        parent=minutes_index,
        title="Verbale sportello 1",
        meeting_body=ufficio,
        meeting_date=date(2016, 5, 4),
    )
    MinutesPageFactory(
        parent=minutes_index,
        title="Verbale sportello 2",
        meeting_body=ufficio,
        meeting_date=date(2017, 6, 8),
    )
    open_call = CallPageFactory(
        parent=call_index,
        title="Bando sportello aperto",
        opening=now - timedelta(days=3),
        application_deadline=now + timedelta(days=30),
    )
    open_call.related_networks.add(tavolo)
    republish(open_call)
    CallPageFactory(
        parent=call_index,
        title="Bando sportello chiuso",
        opening=now - timedelta(days=60),
        application_deadline=now - timedelta(days=40),
        closing_date=(now - timedelta(days=30)).date(),
    )
    tagged(
        NewsPageFactory(parent=news_index, title="Notizia sportello", date=date(2017, 1, 9)),
        "ISEE",
    )
    tagged(StandardPageFactory(parent=home, title="Sportello per le famiglie"), "ISEE", "Famiglie")
    return now


def test_the_type_facet_counts_each_content_type(client, mixed):
    assert counts(search(client), "type") == {
        "Piano": 1,
        "Verbale": 2,
        "Bando": 2,
        "Notizia": 1,
        "Pagina": 1,
    }


def test_the_type_facet_counts_every_match_not_only_the_page_shown(client, news_index):
    for number in range(13):
        NewsPageFactory(parent=news_index, title=f"Sportello {number}")

    response = search(client)

    assert len(titles(response)) == 10
    assert counts(response, "type") == {"Notizia": 13}


def test_the_year_facet_uses_the_meeting_the_news_date_the_plan_start_and_the_opening(
    client, mixed
):
    years = counts(search(client), "year")

    assert years["2016"] == 1  # the first meeting
    assert years["2017"] == 2  # the second meeting and the news item
    assert years["2018"] == 1  # the plan 2018-2020, by its first year
    assert sum(years.values()) == 7


def test_the_body_facet_counts_meeting_bodies_and_related_networks(client, mixed):
    assert counts(search(client), "body") == {"Assemblea dei Sindaci": 2, "Tavolo SIA": 2}


def test_the_tag_facet_counts_pages_per_tag(client, mixed):
    assert counts(search(client), "tag") == {"ISEE": 2, "Famiglie": 1}


def test_the_state_facet_counts_calls_by_their_computed_state(client, mixed):
    assert counts(search(client), "state") == {"Aperto": 1, "Chiuso": 1}


def test_a_type_filter_keeps_only_that_type(client, mixed):
    response = search(client, type="verbale")

    assert sorted(titles(response)) == ["Verbale sportello 1", "Verbale sportello 2"]


def test_the_counts_of_a_facet_reflect_the_other_active_filters(client, mixed):
    response = search(client, type="verbale")

    assert counts(response, "year") == {"2016": 1, "2017": 1}
    assert counts(response, "body") == {"Assemblea dei Sindaci": 2}
    # The type facet itself still offers the other types, counted without the type filter.
    assert counts(response, "type")["Bando"] == 2


def test_filters_combine(client, mixed):
    response = search(client, year="2017", tag="isee")

    assert titles(response) == ["Notizia sportello"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"body": "tavolo-sia"}, ["Bando sportello aperto", "Piano sportello sociale"]),
        ({"state": "open"}, ["Bando sportello aperto"]),
        ({"type": "pagina"}, ["Sportello per le famiglie"]),
        ({"year": "2016"}, ["Verbale sportello 1"]),
    ],
)
def test_each_filter_selects_its_results(client, mixed, params, expected):
    assert sorted(titles(search(client, **params))) == expected


@pytest.mark.parametrize(
    "params",
    [{"type": "bogus"}, {"year": "abcd"}, {"year": "99999"}, {"state": "x"}, {"tag": "a b"}],
)
def test_a_malformed_filter_is_ignored(client, mixed, params):
    response = search(client, **params)

    assert response.status_code == 200
    assert len(titles(response)) == 7


def test_facets_are_links_in_a_navigation_landmark_and_the_active_one_is_marked(client, mixed):
    soup = BeautifulSoup(search(client, type="verbale").content, "html.parser")

    nav = soup.find("nav", attrs={"aria-label": "Filtri"})
    assert nav is not None
    current = nav.find_all("a", attrs={"aria-current": "true"})
    assert [a.get_text(" ", strip=True).split()[0] for a in current] == ["Verbale"]
    # The active option links to the page without the filter, keeping the query.
    assert parse_qs(urlsplit(current[0]["href"]).query) == {"q": ["sportello"]}
    bando = next(a for a in nav.find_all("a") if a.get_text().strip().startswith("Bando"))
    assert parse_qs(urlsplit(bando["href"]).query) == {"q": ["sportello"], "type": ["bando"]}


def test_an_active_filter_has_a_remove_link(client, mixed):
    soup = BeautifulSoup(search(client, type="verbale", year="2016").content, "html.parser")

    removes = [a for a in soup.select(".search-active-filters a") if "rimuovi filtro" in a.text]
    assert len(removes) == 2
    queries = [parse_qs(urlsplit(a["href"]).query) for a in removes]
    assert {"q": ["sportello"], "year": ["2016"]} in queries
    assert {"q": ["sportello"], "type": ["verbale"]} in queries


def test_unpublished_and_restricted_pages_are_not_counted(client, mixed, news_index):
    NewsPageFactory(parent=news_index, title="Sportello bozza").unpublish()
    private = NewsPageFactory(parent=news_index, title="Sportello riservato")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert counts(search(client), "type")["Notizia"] == 1


def test_sorting_by_date_puts_the_latest_natural_date_first(client, mixed):
    response = search(client, sort="date", type="verbale")

    assert titles(response) == ["Verbale sportello 2", "Verbale sportello 1"]


def test_sort_links_keep_the_filters_and_mark_the_current_order(client, mixed):
    soup = BeautifulSoup(search(client, type="verbale").content, "html.parser")

    nav = soup.find("nav", attrs={"aria-label": "Ordinamento dei risultati"})
    current = nav.find("a", attrs={"aria-current": "true"})
    assert current.get_text() == "Pertinenza"
    by_date = next(a for a in nav.find_all("a") if a.get_text() == "Data")
    assert parse_qs(urlsplit(by_date["href"]).query) == {
        "q": ["sportello"],
        "type": ["verbale"],
        "sort": ["date"],
    }


def test_pagination_keeps_the_filters(client, news_index):
    for number in range(12):
        NewsPageFactory(parent=news_index, title=f"Sportello {number}", date=date(2017, 1, 1))

    soup = BeautifulSoup(search(client, year="2017").content, "html.parser")

    hrefs = [a["href"] for a in soup.select("a.page-link") if "page=2" in a["href"]]
    assert hrefs
    assert parse_qs(urlsplit(hrefs[0]).query)["year"] == ["2017"]


def facet_queries(client, **params):
    search(client, **params)
    with CaptureQueriesContext(connection) as captured:
        search(client, **params)
    return len(captured.captured_queries)


def test_the_facets_take_the_same_queries_whatever_the_number_of_tags_and_bodies(
    client, news_index, minutes_index
):
    for number in range(2):
        tagged(NewsPageFactory(parent=news_index, title=f"Alfa {number}"), f"tema-{number}")
        MinutesPageFactory(parent=minutes_index, title=f"Alfa verbale {number}")
    for number in range(8):
        tagged(NewsPageFactory(parent=news_index, title=f"Beta {number}"), f"argomento-{number}")
        MinutesPageFactory(parent=minutes_index, title=f"Beta verbale {number}")

    assert facet_queries(client, query="alfa") == facet_queries(client, query="beta")
