"""The public search page answers every query with a page, and never echoes markup unescaped."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


def search(client, query, **params):
    return client.get("/search/", {"q": query, **params})


def search_box_value(response):
    return BeautifulSoup(response.content, "html.parser").find("input", id="search-q")["value"]


def result_titles(response):
    return [page.title for page in response.context["results"]]


@pytest.mark.parametrize(
    "query",
    ["", "a" * 10_000, "!?.,;:()[]{}-_'*^", "&|~+=/\\@#%<>", SCRIPT, "   ", "\x00\x1f"],
    ids=[
        "empty",
        "ten-thousand-chars",
        "punctuation-only",
        "operator-characters",
        "script",
        "blanks",
        "control-characters",
    ],
)
def test_the_search_page_answers_200_to_odd_queries(client, home, query):
    assert search(client, query).status_code == 200


@pytest.mark.parametrize("query", ['"', 'servizi "sociali', '"""', 'ISEE "FNA'])
def test_the_search_page_answers_200_to_unbalanced_double_quotes(client, news_index, query):
    NewsPageFactory(parent=news_index, title="Servizi sociali: ISEE e FNA")

    assert search(client, query).status_code == 200


@pytest.mark.parametrize("query", ["AND", "OR NOT", "*", "ISEE:", "(FNA", "a & b | !c", "NEAR("])
def test_the_search_page_answers_200_to_queries_that_look_like_search_syntax(
    client, news_index, query
):
    NewsPageFactory(parent=news_index, title="Contributi ISEE e FNA")

    assert search(client, query).status_code == 200


def test_an_empty_query_shows_the_form_and_no_results(client, home):
    response = search(client, "")

    assert response.context["results"] is None
    assert search_box_value(response) == ""


def test_a_query_of_blanks_counts_as_empty(client, home):
    assert search(client, " \t ").context["results"] is None


def test_the_search_page_escapes_a_script_in_the_query(client, home):
    html = search(client, SCRIPT).content.decode()

    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_search_box_gives_back_the_query_as_typed(client, home):
    assert search_box_value(search(client, SCRIPT)) == SCRIPT


def test_the_search_page_shortens_a_very_long_query_and_says_so(client, home):
    response = search(client, "a" * 10_000)

    assert response.context["search_query"] == "a" * 200
    assert len(search_box_value(response)) == 200
    assert "accorciata a 200 caratteri" in response.content.decode()


def test_the_search_page_finds_a_published_page(client, home):
    StandardPageFactory(parent=home, title="Sportello antiviolenza")

    assert result_titles(search(client, "antiviolenza")) == ["Sportello antiviolenza"]


def test_the_search_page_finds_a_page_by_an_acronym_in_its_title(client, news_index):
    NewsPageFactory(parent=news_index, title="Nuove soglie ISEE per i servizi domiciliari")

    assert result_titles(search(client, "ISEE")) == ["Nuove soglie ISEE per i servizi domiciliari"]


def test_the_search_page_does_not_find_an_unpublished_page(client, news_index):
    NewsPageFactory(parent=news_index, title="Bozza riservata FNA").unpublish()

    response = search(client, "riservata")

    assert result_titles(response) == []
    assert "Bozza riservata FNA" not in response.content.decode()


def test_the_search_page_does_not_find_a_page_restricted_to_logged_in_users(client, news_index):
    private = NewsPageFactory(parent=news_index, title="Verbale riservato FNA")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = search(client, "riservato")

    assert result_titles(response) == []
    assert "Verbale riservato FNA" not in response.content.decode()


def test_a_result_title_with_markup_is_escaped(client, news_index):
    NewsPageFactory(parent=news_index, title=f"Avviso ISEE {SCRIPT}")

    response = search(client, "Avviso")

    assert len(response.context["results"]) == 1
    assert SCRIPT not in response.content.decode()


@pytest.mark.parametrize("query", ["ISEE & FNA", "ISEE - FNA", "ISEE + FNA", "ISEE / FNA"])
def test_a_stray_punctuation_mark_between_two_words_still_finds_the_page_with_both(
    client, news_index, query
):
    NewsPageFactory(parent=news_index, title="Contributi ISEE e FNA")

    assert result_titles(search(client, query)) == ["Contributi ISEE e FNA"]


@pytest.mark.parametrize("query", ["l'ISEE", "dell'ISEE", "l’ISEE"])
def test_an_italian_elided_article_before_a_word_still_finds_the_page(client, news_index, query):
    NewsPageFactory(parent=news_index, title="Nuove soglie ISEE per i servizi domiciliari")

    assert result_titles(search(client, query)) == ["Nuove soglie ISEE per i servizi domiciliari"]


@pytest.mark.parametrize("query", ['"assistenti familiari"', '"assistenti familiari" Crema'])
def test_a_quoted_phrase_finds_the_page_containing_it(client, news_index, query):
    NewsPageFactory(parent=news_index, title="Sportello assistenti familiari a Crema")

    assert result_titles(search(client, query)) == ["Sportello assistenti familiari a Crema"]


def test_the_pagination_links_keep_a_query_with_characters_reserved_in_urls(client, news_index):
    for number in range(11):
        NewsPageFactory(parent=news_index, title=f"Contributi ISEE {number}")
    query = "Contributi #ISEE"

    response = search(client, query)

    assert response.context["results"].paginator.num_pages == 2
    soup = BeautifulSoup(response.content, "html.parser")
    links = [a["href"] for a in soup.select("a.page-link") if "page=2" in a["href"]]
    assert links
    for href in links:
        assert parse_qs(urlsplit(href).query)["q"] == [query]


def test_the_second_page_of_results_lists_the_rest(client, news_index):
    for number in range(12):
        NewsPageFactory(parent=news_index, title=f"Contributi ISEE {number}")

    response = search(client, "Contributi", page="2")

    assert len(result_titles(response)) == 2


def test_a_page_number_beyond_the_last_shows_the_last_page(client, news_index):
    for number in range(12):
        NewsPageFactory(parent=news_index, title=f"Contributi ISEE {number}")

    response = search(client, "Contributi", page="99")

    assert response.status_code == 200
    assert response.context["results"].number == 2
