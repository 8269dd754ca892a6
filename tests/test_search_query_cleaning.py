"""The search box never sends the backend a query it cannot parse."""

import pytest

from search.query import MAX_QUERY_LENGTH, clean_query, search_terms


def test_an_unbalanced_double_quote_is_removed():
    assert clean_query('assistenti "familiari') == ("assistenti familiari", "")


def test_a_balanced_quoted_phrase_is_kept():
    assert clean_query('"assistenti familiari" ISEE') == ('"assistenti familiari" ISEE', "")


def test_control_characters_are_removed():
    assert clean_query("ISEE\x00SIA") == ("ISEE SIA", "")


def test_a_long_query_is_cut_and_the_cut_is_reported():
    query, message = clean_query("a" * 500)
    assert len(query) == MAX_QUERY_LENGTH
    assert "200" in message


def test_a_cut_inside_a_quoted_phrase_leaves_no_unbalanced_quote():
    query, _message = clean_query("a" * 198 + ' "b"')
    assert query.count('"') % 2 == 0


@pytest.mark.django_db
def test_a_long_query_cut_inside_a_quoted_phrase_still_answers_200(client):
    assert client.get("/search/", {"q": "a" * 198 + ' "b"'}).status_code == 200


def test_elided_articles_are_taken_off_the_word():
    assert search_terms("dell'ISEE l’ISEE") == "ISEE ISEE"


def test_punctuation_only_tokens_are_not_sent_to_the_backend():
    assert search_terms("ISEE & FNA - SIA / PON") == "ISEE FNA SIA PON"


def test_a_query_of_punctuation_only_has_no_terms():
    assert search_terms("!!! ??? ...") == ""
