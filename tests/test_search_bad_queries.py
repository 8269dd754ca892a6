"""Odd queries get a normal page with an Italian message, and nothing typed comes back raw."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def page(news_index):
    return NewsPageFactory(parent=news_index, title="Contributi ISEE per le famiglie")


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def status_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find(attrs={"role": "status"}).get_text(" ", strip=True)


def test_an_empty_query_shows_the_form_with_a_hint(client, page):
    response = search(client, "")

    assert response.context["results"] is None
    assert "Scrivi una o più parole" in response.content.decode()


def test_an_empty_query_with_filters_shows_the_form(client, page):
    assert search(client, "", type="notizia", year="2017").context["results"] is None


def test_a_ten_thousand_character_query_is_cut_and_the_page_says_so(client, page):
    response = search(client, "ISEE " * 2_000)

    assert len(response.context["search_query"]) <= 200
    assert "La ricerca è stata accorciata a 200 caratteri." in status_text(response)
    assert [hit.title for hit in response.context["results"]] == [page.title]


def test_a_query_of_punctuation_only_says_there_is_nothing_to_search(client, page):
    response = search(client, "?!.,;:-()[]{}'\"")

    assert response.context["results"] is None
    assert "non contiene parole da cercare" in status_text(response)


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1 --",
        "'; DROP TABLE wagtailcore_page; --",
        '" OR ""="',
        "1) UNION SELECT password FROM auth_user --",
        "ISEE' AND 'a'='a",
    ],
)
def test_a_sql_fragment_is_searched_as_words_and_breaks_nothing(client, page, query):
    response = search(client, query)

    assert response.context["results"].paginator.count == 0
    assert "Nessun risultato per" in status_text(response)
    # The page is still there and still found.
    assert [hit.title for hit in search(client, "ISEE").context["results"]] == [page.title]


def test_a_sql_fragment_around_a_real_word_still_finds_the_page(client, page):
    response = search(client, "ISEE' --")

    assert [hit.title for hit in response.context["results"]] == [page.title]


def test_html_in_the_query_is_escaped_everywhere_it_is_shown(client, page):
    response = search(client, SCRIPT)
    html = response.content.decode()

    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Nessun risultato per «&lt;script&gt;alert(1)&lt;/script&gt;»" in html


def test_html_in_the_query_is_escaped_in_the_facet_and_pagination_links(client, news_index):
    for number in range(11):
        NewsPageFactory(parent=news_index, title=f"Avviso {number}")

    html = search(client, f"Avviso {SCRIPT}", type="notizia").content.decode()

    assert SCRIPT not in html
    assert "<script>alert" not in html


def test_a_query_with_a_null_byte_gets_a_page(client, page):
    assert search(client, "ISEE\x00").status_code == 200


def test_an_out_of_range_page_number_shows_the_last_page(client, page):
    assert search(client, "ISEE", page="-5").context["results"].number == 1


@pytest.mark.parametrize("query", ["", "a" * 10_000, "?!.,", "' OR 1=1 --", SCRIPT])
def test_autocomplete_answers_a_json_list_to_odd_queries(client, page, query):
    response = client.get("/search/autocomplete/", {"q": query})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert isinstance(json.loads(response.content), list)
    assert b"<script>" not in response.content
