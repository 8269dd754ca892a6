"""The public search page answers every query with a page, and never echoes markup unescaped."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import (
    CallPageFactory,
    MinutesPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

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
    # AgID's validator follows data-element="pager-link" to the other pages of a listing.
    followed = {a["href"] for a in soup.select('a[data-element="pager-link"]')}
    assert followed == set(links)
    assert not soup.select('a[aria-current="page"][data-element="pager-link"]')


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


# Snippets


def snippet_html(response, title):
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.find("a", string=title)
    return str(link.find_parent("li").find("p", class_="search-snippet"))


def test_the_snippet_marks_the_matching_words_in_their_italian_forms(client, news_index):
    NewsPageFactory(
        parent=news_index,
        title="Sostegno a domicilio",
        intro="",
        body="<p>Il registro delle assistenti familiari accreditate è aperto a Crema.</p>",
    )

    html = snippet_html(search(client, "assistente familiare"), "Sostegno a domicilio")

    assert "<mark>assistenti</mark> <mark>familiari</mark>" in html
    assert "<mark>registro</mark>" not in html


def test_the_snippet_starts_near_the_first_match_of_a_long_text(client, news_index):
    filler = " ".join(f"parola{n}" for n in range(200))
    NewsPageFactory(
        parent=news_index,
        title="Relazione annuale",
        intro="",
        body=f"<p>{filler} Il contributo ISEE resta invariato. {filler}</p>",
    )

    html = snippet_html(search(client, "ISEE"), "Relazione annuale")

    assert "<mark>ISEE</mark>" in html
    assert html.count("parola") < 40
    assert "… " in html and " …" in html


def test_the_snippet_escapes_markup_in_the_content(client, news_index):
    NewsPageFactory(
        parent=news_index,
        title="Avviso tecnico",
        intro="",
        body="<p>Codice &lt;script&gt;alert(1)&lt;/script&gt; per lo sportello ISEE.</p>",
    )

    response = search(client, "sportello")
    html = response.content.decode()

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet_html(response, "Avviso tecnico")


def test_the_snippet_escapes_a_script_in_the_query_and_marks_only_words(client, news_index):
    NewsPageFactory(parent=news_index, title="Allerta", intro="Script e alert spiegati.")

    response = search(client, "alert <script>")

    assert "<script>" not in response.content.decode()
    assert "<mark>alert</mark>" in snippet_html(response, "Allerta")


def test_a_lower_case_word_is_not_marked_for_an_acronym_in_capitals(client, news_index):
    NewsPageFactory(
        parent=news_index, title="Tavolo", intro="Il Tavolo SIA si riunisce, sia pure tardi."
    )

    html = snippet_html(search(client, "SIA"), "Tavolo")

    assert "<mark>SIA</mark>" in html
    assert "<mark>sia</mark>" not in html


# Promotions


def promote(query, page=None, **fields):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    return SearchPromotion.objects.create(query=Query.get(query), page=page, **fields)


def promoted_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "in-evidenza"})
    return [a.get_text(strip=True) for a in section.find_all("a")] if section else []


def test_a_promotion_for_the_query_shows_above_the_results(client, home, news_index):
    target = StandardPageFactory(parent=home, title="Sportello ISEE: orari e documenti")
    NewsPageFactory(parent=news_index, title="Notizia ISEE")
    promote("isee", page=target, description="Dove e quando presentare la domanda.")

    response = search(client, "ISEE")
    html = response.content.decode()

    assert promoted_titles(response) == ["Sportello ISEE: orari e documenti"]
    assert "In evidenza" in html
    assert html.index("In evidenza") < html.index('id="risultati"')
    assert "Dove e quando presentare la domanda." in html


def test_a_promotion_of_an_unpublished_page_is_not_shown(client, home, news_index):
    target = StandardPageFactory(parent=home, title="Pagina ritirata sull'ISEE")
    target.unpublish()
    NewsPageFactory(parent=news_index, title="Notizia ISEE")
    promote("isee", page=target)

    response = search(client, "ISEE")

    assert promoted_titles(response) == []
    assert "Pagina ritirata" not in response.content.decode()


def test_a_promotion_of_a_restricted_page_is_not_shown(client, home, news_index):
    target = StandardPageFactory(parent=home, title="Pagina interna ISEE")
    PageViewRestriction.objects.create(page=target, restriction_type=PageViewRestriction.LOGIN)
    NewsPageFactory(parent=news_index, title="Notizia ISEE")
    promote("isee", page=target)

    assert promoted_titles(search(client, "ISEE")) == []


def test_a_promotion_of_another_query_is_not_shown(client, home, news_index):
    target = StandardPageFactory(parent=home, title="Sportello FNA")
    NewsPageFactory(parent=news_index, title="Notizia ISEE")
    promote("fna", page=target)

    assert promoted_titles(search(client, "ISEE")) == []


def test_an_external_promotion_is_shown_with_its_text(client, news_index):
    NewsPageFactory(parent=news_index, title="Notizia ISEE")
    promote(
        "isee",
        external_link_url="https://www.inps.it/isee",
        external_link_text="Simulatore ISEE dell'INPS",
    )

    assert promoted_titles(search(client, "isee")) == ["Simulatore ISEE dell'INPS"]


def test_staff_find_the_promotions_in_the_admin_settings(client, superuser):
    client.force_login(superuser)

    response = client.get("/admin/searchpicks/")

    assert response.status_code == 200


# Autocomplete


def suggestions(client, query):
    response = client.get("/search/autocomplete/", {"q": query})
    assert response.status_code == 200
    return response.json()


def test_autocomplete_suggests_titles_starting_like_the_query(client, news_index):
    news = NewsPageFactory(parent=news_index, title="Assistenti familiari: il registro")

    assert suggestions(client, "assist") == [
        {"title": "Assistenti familiari: il registro", "url": news.url, "type": "Notizia"}
    ]


@pytest.mark.parametrize("typed", ["assistenti famil", "assistente familiar", "Familiari assi"])
def test_autocomplete_reads_the_last_word_as_unfinished(client, news_index, typed):
    NewsPageFactory(parent=news_index, title="Assistenti familiari: il registro")
    NewsPageFactory(parent=news_index, title="Assistenza domiciliare")

    assert [s["title"] for s in suggestions(client, typed)] == ["Assistenti familiari: il registro"]


def test_autocomplete_looks_at_titles_only(client, news_index):
    NewsPageFactory(parent=news_index, title="Orari", body="<p>assistenti familiari</p>")

    assert suggestions(client, "assist") == []


def test_autocomplete_returns_at_most_eight_suggestions(client, news_index):
    for number in range(12):
        NewsPageFactory(parent=news_index, title=f"Contributi {number}")

    assert len(suggestions(client, "contrib")) == 8


def test_autocomplete_never_suggests_unpublished_or_restricted_pages(client, news_index):
    NewsPageFactory(parent=news_index, title="Contributi in bozza").unpublish()
    private = NewsPageFactory(parent=news_index, title="Contributi riservati")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert suggestions(client, "contrib") == []


# Query counts and accessibility


def results_queries(client, query):
    search(client, query)
    with CaptureQueriesContext(connection) as captured:
        response = search(client, query)
    return len(captured.captured_queries), len(response.context["results"].object_list)


def test_a_results_page_runs_the_same_queries_for_three_or_ten_hits(
    client, home, news_index, call_index, minutes_index
):
    # Both pages show the three types: .specific() runs one query per type on the page.
    for prefix, count in (("Alfa", 1), ("Beta", 3)):
        for number in range(count + (prefix == "Beta")):
            page = NewsPageFactory(parent=news_index, title=f"{prefix} notizia {number}")
            page.tags.add(f"{prefix}-{number}")
            page.save_revision().publish()
        for number in range(count):
            CallPageFactory(parent=call_index, title=f"{prefix} bando {number}")
            MinutesPageFactory(parent=minutes_index, title=f"{prefix} verbale {number}")

    few, few_hits = results_queries(client, "alfa")
    many, many_hits = results_queries(client, "beta")

    assert (few_hits, many_hits) == (3, 10)
    assert few == many


def test_the_results_count_is_announced_to_screen_readers(client, news_index):
    NewsPageFactory(parent=news_index, title="Contributi ISEE")
    soup = BeautifulSoup(search(client, "ISEE").content, "html.parser")

    status = soup.find(attrs={"aria-live": "polite"})
    assert status["role"] == "status"
    assert "1 risultato per «ISEE»" in status.get_text()


def test_the_search_form_has_a_visible_label(client, home):
    soup = BeautifulSoup(search(client, "").content, "html.parser")

    form = soup.find("main").find("form", attrs={"role": "search"}) if soup.find("main") else None
    form = form or soup.find_all("form", attrs={"role": "search"})[-1]
    label = form.find("label", attrs={"for": "search-q"})
    assert label.get_text(strip=True) == "Parole da cercare"
    assert "visually-hidden" not in label.get("class", [])


def test_the_headings_of_a_results_page_do_not_skip_levels(client, news_index):
    NewsPageFactory(parent=news_index, title="Contributi ISEE")
    soup = BeautifulSoup(search(client, "ISEE").content, "html.parser")

    levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    main = levels[levels.index(1) :]
    assert all(later - earlier <= 1 for earlier, later in zip(main, main[1:], strict=False))


def test_the_snippet_of_minutes_shows_the_agenda_item_that_matched(client, minutes_index):
    from cms.models import AgendaItem

    MinutesPageFactory(
        parent=minutes_index,
        title="Seduta di marzo",
        intro="Verbale della seduta.",
        agenda_items=[AgendaItem(title="Soglie ISEE per i servizi domiciliari")],
    )

    assert "<mark>ISEE</mark>" in snippet_html(search(client, "ISEE"), "Seduta di marzo")


def test_an_editor_can_add_a_promotion_from_the_admin(client, editor, news_index):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    news = NewsPageFactory(parent=news_index, title="Domande per il contributo affitti")
    client.force_login(editor)

    assert client.get("/admin/searchpicks/").status_code == 200
    response = client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": "affitto",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(news.pk),
            "editors_picks-0-external_link_url": "",
            "editors_picks-0-external_link_text": "",
            "editors_picks-0-description": "Scadenza 30 giugno",
            "editors_picks-0-ORDER": "0",
        },
    )

    assert response.status_code == 302, response.content[:2000]
    promotion = SearchPromotion.objects.get()
    assert (promotion.query.query_string, promotion.page_id) == ("affitto", news.pk)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_the_search_leaves_the_planner_settings_as_it_found_them(client, news_index):
    NewsPageFactory(parent=news_index, title="Contributi ISEE")

    assert search(client, "ISEE").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"


def test_on_another_wagtail_backend_the_page_goes_through_wagtails_search_api(
    client, news_index, settings
):
    # As with OpenSearch: the backend is not ours, so our SQL must not be used.
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    NewsPageFactory(parent=news_index, title="Contributi per la teleassistenza")
    NewsPageFactory(parent=news_index, title="Orari degli uffici")

    response = search(client, "teleassistenza")

    assert result_titles(response) == ["Contributi per la teleassistenza"]
    assert [s["title"] for s in suggestions(client, "teleassist")] == [
        "Contributi per la teleassistenza"
    ]
