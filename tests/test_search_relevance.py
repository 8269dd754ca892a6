"""Relevance on an Italian corpus of our own (tests/search_corpus.py), through the public search
page, on whichever backend the settings pick (SQLite FTS5 or PostgreSQL): run it on both."""

import re

import pytest
from wagtail.models import PageViewRestriction

from tests import search_corpus
from tests.factories import NewsPageFactory, StandardPageFactory

HREF = re.compile(r'href="([^"?#]+)"')
COUNT = re.compile(r"(\d+) risultat[oi] per")


@pytest.fixture
def corpus(home, plan_index, minutes_index, call_index, news_index):
    return search_corpus.build(home, plan_index, minutes_index, call_index, news_index)


def search(client, corpus, query, **params):
    """Keys of the pages listed for ``query``, in the order shown, and the count announced."""
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    html = response.content.decode()
    keys = {page.url: key for key, page in corpus.items()}
    # Menus, breadcrumb and footer link to pages too: hits are the links of the results section.
    results = html.split('id="risultati"', 1)[-1].split("</section>", 1)[0]
    listed = list(dict.fromkeys(keys[url] for url in HREF.findall(results) if url in keys))
    count = COUNT.search(html)
    return listed, int(count.group(1)) if count else 0


def found(client, corpus, query):
    listed, count = search(client, corpus, query)
    assert count == len(listed), "the count announced is the number of pages listed"
    return listed


ASSISTENTI = {
    "registro-assistenti-familiari",
    "sportello-assistenti-familiari",
    "verbale-tavolo-fragilita",
    "programma-fna-2022",
}
ISEE = {"soglie-isee", "contributi-affitto-2023", "isee-corrente", "glossario"}
SIA = {
    "piano-poverta",
    "verbale-tavolo-sia",
    "avviso-pon-equipe",
    "tavolo-sia-criteri",
    "glossario",
}
SIA_THE_VERB = {"verbale-ufficio-ottobre", "iscrizioni-centri-estivi"}
ADDA = {"sportello-rivolta", "verbale-tavolo-sia", "contatti"}


@pytest.mark.parametrize(
    "query, expected",
    [
        # singular and plural, masculine and feminine, noun and verb forms
        ("assistente familiare", ASSISTENTI),
        ("assistenti familiari", ASSISTENTI),
        (
            "anziano",
            {"piano-di-zona-2021", "verbale-tavolo-fragilita", "voucher-anziani"}
            | {"settimana-anziana"},
        ),
        ("consiglieri", {"verbale-consulta", "incontro-consigliere"}),
        ("approvare", {"verbale-assemblea-marzo", "tavolo-sia-criteri"}),
        (
            "presentare domande",
            {"contributi-affitto-2023", "soglie-isee", "fna-termini", "verbale-tavolo-sia"}
            | {"iscrizioni-centri-estivi"},
        ),
        (
            "centri antiviolenza",
            {"bando-centri-antiviolenza", "centro-antiviolenza-numero"}
            | {"piano-di-zona-2021", "verbale-consulta"},
        ),
        # accents and case
        ("citta", {"citta-dei-bambini"}),
        ("CITTÀ", {"citta-dei-bambini"}),
        ("perche", {"perche-piano-di-zona", "trasporto-sociale"}),
        ("Perché", {"perche-piano-di-zona", "trasporto-sociale"}),
        ("equipe", {"avviso-pon-equipe"}),
        # apostrophes, straight and typographic
        ("Adda", ADDA),
        ("d'Adda", ADDA),
        ("Rivolta d’Adda", ADDA),
        ("all'unanimità", {"verbale-assemblea-marzo"}),
        # acronyms in capitals match exactly
        ("ISEE", ISEE),
        ("dell'ISEE", ISEE),
        ("SIA", SIA),
        ("FNA", {"programma-fna-2022", "verbale-assemblea-marzo", "fna-termini", "glossario"}),
        ("PON", {"piano-poverta", "avviso-pon-equipe", "glossario"}),
        ("ASSISTENTI FAMILIARI", ASSISTENTI),
        ("PON Inclusione", {"piano-poverta", "avviso-pon-equipe", "glossario"}),
    ],
)
def test_forms_accents_apostrophes_and_acronyms_find_their_pages(client, corpus, query, expected):
    assert set(found(client, corpus, query)) == expected


def test_the_acronym_sia_never_finds_the_verb_sia(client, corpus):
    assert not set(found(client, corpus, "SIA")) & SIA_THE_VERB


def test_a_word_in_lower_case_finds_the_acronym_and_the_word(client, corpus):
    assert set(found(client, corpus, "sia")) == SIA | SIA_THE_VERB


@pytest.mark.parametrize(
    "query, first",
    [
        (
            "assistenti familiari",
            {"registro-assistenti-familiari", "sportello-assistenti-familiari"},
        ),
        ("ISEE", {"soglie-isee"}),
        ("SIA", {"verbale-tavolo-sia", "tavolo-sia-criteri"}),
        ("FNA", {"programma-fna-2022", "fna-termini"}),
        ("Rivolta d'Adda", {"sportello-rivolta"}),
        ("perché", {"perche-piano-di-zona"}),
        ("anziani", {"voucher-anziani", "settimana-anziana"}),
    ],
)
def test_pages_with_the_words_in_their_title_come_first(client, corpus, query, first):
    assert set(found(client, corpus, query)[: len(first)]) == first


def test_a_quoted_phrase_needs_its_words_together_and_in_order(client, corpus):
    assert {"piano-operativo-2017", "bilancio-2017"} <= set(
        found(client, corpus, "piano operativo 2017")
    )

    assert found(client, corpus, '"piano operativo" 2017') == ["piano-operativo-2017"]
    assert found(client, corpus, '"piani operativi"') == ["piano-operativo-2017"]
    assert found(client, corpus, '"operativo piano"') == []


def test_a_quoted_phrase_and_free_words_combine(client, corpus):
    assert found(client, corpus, '"assistenti familiari" voucher') == ["programma-fna-2022"]
    assert set(found(client, corpus, '"centro antiviolenza"')) == {
        "bando-centri-antiviolenza",
        "centro-antiviolenza-numero",
        "piano-di-zona-2021",
        "verbale-consulta",
    }


def test_an_acronym_inside_a_phrase_matches_as_a_word(client, corpus):
    assert found(client, corpus, '"Tavolo SIA"') in (
        ["verbale-tavolo-sia", "tavolo-sia-criteri"],
        ["tavolo-sia-criteri", "verbale-tavolo-sia"],
    )


def test_words_that_no_page_holds_find_nothing(client, corpus):
    assert found(client, corpus, "ospedale") == []
    assert found(client, corpus, "ISEE ospedale") == []


def test_drafts_and_restricted_pages_never_appear_not_even_in_the_count(
    client, corpus, news_index, home
):
    draft = NewsPageFactory(parent=news_index, title="Bozza ISEE riservata", slug="bozza")
    draft.unpublish()
    private = NewsPageFactory(parent=news_index, title="ISEE per il personale", slug="privata")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    area = StandardPageFactory(parent=home, title="Area riservata", slug="area", body="")
    PageViewRestriction.objects.create(page=area, restriction_type="password", password="x")
    StandardPageFactory(parent=area, title="Istruzioni ISEE per gli operatori", slug="istruzioni")

    listed, count = search(client, corpus, "ISEE")

    assert set(listed) == ISEE
    assert count == len(ISEE)
    html = client.get("/search/", {"q": "ISEE"}).content.decode()
    for title in ("Bozza ISEE riservata", "ISEE per il personale", "Istruzioni ISEE"):
        assert title not in html


def test_minutes_are_found_by_what_was_discussed(client, corpus):
    assert found(client, corpus, "discusso bando antiviolenza") == ["verbale-consulta"]
    assert found(client, corpus, "unanimità programmazione") == ["verbale-assemblea-marzo"]
