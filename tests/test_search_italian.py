"""search.italian: the analysis both backends apply to indexed text and to queries."""

import pytest

from search.italian import analyse, phrase_tokens, query_tokens, stem


def same(a, b):
    return query_tokens(a) == query_tokens(b)


@pytest.mark.parametrize(
    "one, other",
    [
        ("assistente familiare", "assistenti familiari"),
        ("centro antiviolenza", "centri antiviolenza"),
        ("piano operativo", "piani operativi"),
        ("approvato", "approvare"),
        ("verbale", "verbali"),
        ("sanitario", "sanitarie"),
        ("volontario", "volontari"),
        ("anziano", "anziani"),
        ("anziana", "anziane"),
        ("consigliere", "consiglieri"),
        ("straniera", "straniere"),
        ("presentare", "presentate"),
        ("finanziato", "finanziano"),
    ],
)
def test_singular_plural_and_verb_forms_share_their_stems(one, other):
    assert same(one, other)


def test_joining_plural_stems_keeps_other_words_apart():
    assert not same("bandiere", "bandi")
    assert not same("piani", "pini")


def test_stems_are_cached():
    stem.cache_clear()
    query_tokens("assistenti familiari assistenti")

    assert stem.cache_info().hits == 1


def test_accents_and_case_are_folded():
    assert same("perché", "perche")
    assert same("Città", "citta")
    assert same("ATTIVITÀ", "attività".upper().lower())


def test_apostrophes_split_elisions():
    assert "adda" in analyse("Rivolta d'Adda").split()
    assert "adda" in analyse("Rivolta d’Adda").split()
    assert query_tokens("dell'ISEE")[-1] == query_tokens("ISEE")[0]


def test_acronyms_get_a_marker_after_the_text():
    indexed = analyse("Il Tavolo SIA e l'ISEE").split()

    assert indexed[-2:] == ["qacrsia", "qacrisee"]
    assert "sia" in indexed  # the plain word too, for lower-case queries


def test_a_query_in_capitals_asks_for_the_acronym_and_in_lower_case_for_the_word():
    assert query_tokens("SIA") == ["qacrsia"]
    assert query_tokens("sia") == ["sia"]
    assert "qacrsia" not in analyse("che sia approvato").split()


def test_a_query_typed_with_caps_lock_asks_for_words():
    assert query_tokens("BANDI ANZIANI") == query_tokens("bandi anziani")
    assert query_tokens("ISEE FNA") == ["qacrisee", "qacrfna"]


def test_phrases_keep_word_order_with_plain_stems():
    assert phrase_tokens("Tavolo SIA distrettuale") == query_tokens("tavolo sia distrettuale")


def test_empty_and_punctuation_only_text():
    assert analyse("") == ""
    assert query_tokens("!!! ...") == []
