"""What the search box sends to the backend: a query to show, and the words to look for.

Both backends (SQLite FTS5, PostgreSQL full text) must get only what they can parse and
match: no unbalanced quotes (FTS5 fails with "unterminated string"), no control characters,
no punctuation-only tokens (FTS5 would require "&" to match as a word), no elided articles
glued to the word ("dell'ISEE" must find "ISEE").
"""

import re

MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = dict.fromkeys(range(32), " ")
ELIDED_ARTICLE = re.compile(r"\b\w+['’](?=\w)")
WORD_CHARACTER = re.compile(r"\w")


def clean_query(raw):
    """The query as the user will see it, bounded; returns (query, message about any cut)."""
    query = " ".join((raw or "").translate(CONTROL_CHARACTERS).split())
    message = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].strip()
        message = "La ricerca è stata accorciata a 200 caratteri."
    # Balance after cutting: the cut may split a quoted phrase.
    if query.count('"') % 2:
        query = " ".join(query.replace('"', " ").split())
    return query, message


def search_terms(query):
    """The words of a cleaned query for the backend, all of which must match."""
    words = ELIDED_ARTICLE.sub("", query.replace('"', " "))
    return " ".join(token for token in words.split() if WORD_CHARACTER.search(token))


PHRASE = re.compile(r'"([^"]+)"')


def search_query(query):
    """The backend query for a cleaned query: each quoted phrase must appear as written
    (word order kept), and every other word must match. None when nothing is searchable."""
    from modelsearch.query import And, Phrase, PlainText

    phrases = [p for p in (search_terms(text) for text in PHRASE.findall(query)) if p]
    rest = search_terms(PHRASE.sub(" ", query))
    parts = [Phrase(phrase) for phrase in phrases]
    if rest:
        parts.append(PlainText(rest, operator="and"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)
