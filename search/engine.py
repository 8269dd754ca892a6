"""The public search's reads of Wagtail's search index, built to stay fast at 100,000 pages.

Indexing stays Wagtail's (signals, tasks, ``rebuild_modelsearch_index``, with our Italian
analysis in search/backends). The public page reads here instead of through Wagtail's query
compilers, because measured at 10,000 pages those grew badly: on SQLite the rank was a
correlated subquery per hit that ran the full-text match again (quadratic); on PostgreSQL
the filter on ``title || body`` had no index, so every search read the whole index table.

Here a results page costs one COUNT and one ranked LIMIT query:

- SQLite: FTS5 ``MATCH`` ordered by ``bm25`` (title ×4) on the FTS table alone; only the
  entries shown are then looked up.
- PostgreSQL: ``(title || body) @@ query``, served by the GIN index of search/migrations/0003,
  ranked by ``ts_rank`` of title and body.
- At most ``SEARCH_MATCH_LIMIT`` matches are counted and ranked by relevance. Past it, ranking
  every match by its body costs more than a page may (PostgreSQL reads each match's compressed
  vector: 1.3 s at 100,000 matches of a phrase), and says little: the query is made of common
  words. The page then says "more than N", and lists the pages with the words in the title
  first, then the newest (all newest first when even the title matches are past the limit).
- Visibility: pages must be live and outside every section with a view restriction (the hidden
  pages are few, so they are subtracted); documents must be in a public collection and
  attached to such a page (search/documents.py).
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL
from wagtail.models import Page, PageViewRestriction, get_page_models

from .documents import searchable_documents
from .italian import WORD, fold, phrase_tokens, query_tokens
from .models import DocumentText
from .page_index import draft_condition
from .query import PHRASE, search_terms

PAGE, DOCUMENT = "page", "document"
KINDS = frozenset({PAGE, DOCUMENT})
INDEX = "wagtailsearch_indexentry"
FTS = "wagtailsearch_indexentry_fts"
DEFAULT_MATCH_LIMIT = 2000
# FTS5 columns are (autocomplete, body, title): the title counts four times the body.
BM25 = f"bm25({FTS}, 0.0, 1.0, 4.0)"
BM25_TITLE = f"bm25({FTS}, 0.0, 0.0, 1.0)"
ALL, TITLE, REST = "all", "title", "rest"  # which matches
EXACT, NEWEST = "exact", "newest"  # orders (and TITLE)


@dataclass(frozen=True)
class Terms:
    """What a query asks for, analysed like the index: words that must all be there, and
    phrases that must be there in order."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    # While typing (autocomplete): the last word may be unfinished. It matches index terms
    # starting like its stem or like the word itself ("famili" → "famil…").
    prefixes: tuple[str, ...] = ()


def parse_prefix(query):
    """Terms for a query being typed: every word but the last must match, the last is a
    prefix. None when nothing is searchable."""
    words = query_tokens(search_terms(query.replace('"', " ")))
    if not words:
        return None
    last = words.pop()
    typed = fold(WORD.findall(query)[-1]) if WORD.findall(query) else last
    return Terms(tuple(words), (), tuple(dict.fromkeys([last, typed])))


def parse(query):
    """The terms of a cleaned query (search/query.py), or None when nothing is searchable."""
    phrases = tuple(
        tokens
        for tokens in (tuple(phrase_tokens(search_terms(text))) for text in PHRASE.findall(query))
        if tokens
    )
    words = tuple(query_tokens(search_terms(PHRASE.sub(" ", query))))
    if not words and not phrases:
        return None
    return Terms(words, phrases)


OWN_BACKENDS = {"search.backends.sqlite", "search.backends.postgres"}


def own_backend():
    return settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] in OWN_BACKENDS


def search_for(query, kinds=KINDS):
    """The search of a cleaned query, or None when nothing is searchable: our SQL on our
    backends, Wagtail's search API on any other (search/other_backends.py)."""
    if not own_backend():
        from .other_backends import BackendSearch

        if not parse(query):
            return None
        return BackendSearch(query, kinds, limit=match_limit())
    terms = parse(query)
    return None if terms is None else Search(terms, kinds)


def suggest_for(query):
    """The search behind autocomplete: titles, the last word unfinished."""
    if not own_backend():
        from .other_backends import BackendSearch

        return BackendSearch(query, {PAGE}, limit=match_limit())
    terms = parse_prefix(query)
    return None if terms is None else Search(terms, {PAGE})


def compiled(queryset):
    """SQL and parameters of a queryset, to nest as a subquery."""
    return queryset.query.sql_with_params()


def page_content_type_ids():
    return sorted(ct.pk for ct in ContentType.objects.get_for_models(*get_page_models()).values())


def restricted_paths():
    """Paths of the sections with a view restriction (one small query, as Wagtail's
    ``public()`` does)."""
    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def hidden_pages_sql():
    """``SELECT id, content_type_id`` of the pages the public may not see: not live (served by
    the partial index of search/page_index.py), or inside a restricted section (a range of
    tree paths, served by the path index: paths use only 0-9 and A-Z, all below "a")."""
    clauses, params = [draft_condition(connection)], []
    for path in restricted_paths():
        clauses.append("(p.path >= %s AND p.path < %s)")
        params += [path, path + "a"]
    return (
        f"SELECT p.id, p.content_type_id FROM wagtailcore_page p WHERE {' OR '.join(clauses)}",
        params,
    )


def visible_document_texts():
    return DocumentText.objects.filter(document__in=searchable_documents().values("pk")).values(
        "pk"
    )


class Search:
    """One query over the index; ``restrict`` (a queryset of page pks) narrows the pages."""

    def __init__(self, terms, kinds=KINDS, restrict=None, hidden=None):
        self.terms = terms
        self.kinds = frozenset(kinds)
        self.restrict = restrict
        self.postgres = connection.vendor == "postgresql"
        self._hidden = hidden

    def narrowed(self, kinds=None, restrict=None):
        return Search(
            self.terms,
            self.kinds if kinds is None else kinds,
            self.restrict if restrict is None else restrict,
            self._hidden,
        )

    def hidden(self):
        """``hidden_pages_sql()``, looked up once for this search and the searches narrowed
        from it (every count, ranking and facet of a results page nests it)."""
        if self._hidden is None:
            self._hidden = hidden_pages_sql()
        return self._hidden

    # -- SQL pieces

    def fts_query(self, columns="title body"):
        parts = [f'"{word}"' for word in self.terms.words]
        parts += ['"' + " ".join(phrase) + '"' for phrase in self.terms.phrases]
        if self.terms.prefixes:
            parts.append("(" + " OR ".join(f'"{p}"*' for p in self.terms.prefixes) + ")")
        return "{" + columns + "} : (" + " AND ".join(parts) + ")"

    def tsquery(self):
        config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG", "simple")
        parts, params = [], []
        if self.terms.words:
            parts.append("plainto_tsquery(%s::regconfig, %s)")
            params += [config, " ".join(self.terms.words)]
        for phrase in self.terms.phrases:
            parts.append("phraseto_tsquery(%s::regconfig, %s)")
            params += [config, " ".join(phrase)]
        if self.terms.prefixes:  # tokens are \w+ only: safe inside quotes
            parts.append("to_tsquery(%s::regconfig, %s)")
            params += [config, " | ".join(f"'{p}':*" for p in self.terms.prefixes)]
        return "(" + " && ".join(parts) + ")", params

    def visible(self, alias):
        """Which index entries (table alias ``alias``) may be shown: the pages and documents
        the public may see, among the kinds asked for."""
        object_id = f"CAST({alias}.object_id AS INTEGER)"
        # "+ 0" keeps PostgreSQL from reading the matches through the content type index and
        # testing the text of every page of those types (it prices that test as free).
        content_type = (
            f"({alias}.content_type_id + 0)" if self.postgres else f"{alias}.content_type_id"
        )
        clauses, params = [], []
        if PAGE in self.kinds:
            content_types = page_content_type_ids()
            hidden_sql, hidden_params = self.hidden()
            clause = (
                f"({content_type} IN ({', '.join(['%s'] * len(content_types))})"
                f" AND {object_id} NOT IN (SELECT h.id FROM ({hidden_sql}) h)"
            )
            params += [*content_types, *hidden_params]
            if self.restrict is not None:
                restrict_sql, restrict_params = compiled(self.restrict.order_by().values("pk"))
                clause += f" AND {object_id} IN ({restrict_sql})"
                params += restrict_params
            clauses.append(clause + ")")
        if DOCUMENT in self.kinds:
            documents_sql, documents_params = compiled(visible_document_texts())
            clauses.append(f"({content_type} = %s AND {object_id} IN ({documents_sql}))")
            params += [ContentType.objects.get_for_model(DocumentText).pk, *documents_params]
        if not clauses:
            return "1 = 0", []
        return "(" + " OR ".join(clauses) + ")", params

    def where(self, part=ALL):
        """The WHERE of the matching visible entries; ``part``: ALL of them, those matching
        in the TITLE, or the REST.

        PostgreSQL: on the index table ``e``. SQLite: on the FTS table alone, whose rowid is
        the entry's id; joining each hit to its entry row (which holds the whole analysed text)
        cost more than the ranking. Without filters the few entries the public may not see are
        subtracted; with filters, the allowed ones are listed. Both read only the
        (content type, object id) index of the entries.
        """
        if self.postgres:
            query, base = self.tsquery()
            visible_sql, visible_params = self.visible("e")
            match, params = f"(e.title || e.body) @@ {query}", base
            if len(self.terms.words) + len(self.terms.phrases) + bool(self.terms.prefixes) == 1:
                # One word or one phrase is in the title or in the body: testing each column
                # spares joining the two vectors of every candidate (a phrase needs its
                # positions checked row by row: 35 ms instead of 52 for 2,000 rows).
                match, params = f"(e.title @@ {query} OR e.body @@ {query})", base * 2
            if part == TITLE:
                match, params = f"e.title @@ {query}", base
            elif part == REST:
                match, params = f"{match} AND NOT e.title @@ {query}", params + base
            return f"{match} AND {visible_sql}", params + visible_params
        if self.restrict is None and PAGE in self.kinds:
            entries_sql, entries_params = self.invisible_entries()
            entries = f"{FTS}.rowid NOT IN ({entries_sql})"
        else:
            visible_sql, entries_params = self.visible("v")
            entries = f"{FTS}.rowid IN (SELECT v.id FROM {INDEX} v WHERE {visible_sql})"
        match, params = (
            f"{FTS} MATCH %s",
            [self.fts_query("title" if part == TITLE else "title body")],
        )
        if part == REST:
            match += f" AND {FTS}.rowid NOT IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"
            params.append(self.fts_query("title"))
        return f"{match} AND {entries}", [*params, *entries_params]

    def invisible_entries(self):
        """SQLite: ids of the index entries not to show when every visible page may be: those
        of other models, of hidden pages, of documents not public (or not asked for). Each
        part is a lookup in the (content type, object id) index of the entries."""
        page_types = page_content_type_ids()
        document_type = ContentType.objects.get_for_model(DocumentText).pk
        other_types = list(
            ContentType.objects.exclude(pk__in=[*page_types, document_type])
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        hidden_sql, hidden_params = self.hidden()
        parts = [
            f"SELECT v.id FROM {INDEX} v"
            f" WHERE v.content_type_id IN ({', '.join(['%s'] * len(other_types)) or 'NULL'})",
            f"SELECT v.id FROM ({hidden_sql}) h JOIN {INDEX} v"
            " ON v.content_type_id = h.content_type_id AND v.object_id = CAST(h.id AS TEXT)",
        ]
        params = [*other_types, *hidden_params]
        if DOCUMENT in self.kinds:
            documents_sql, documents_params = compiled(visible_document_texts())
            parts.append(
                f"SELECT v.id FROM {INDEX} v WHERE v.content_type_id = %s"
                f" AND CAST(v.object_id AS INTEGER) NOT IN ({documents_sql})"
            )
            params += [document_type, *documents_params]
        else:
            parts.append(f"SELECT v.id FROM {INDEX} v WHERE v.content_type_id = %s")
            params.append(document_type)
        return " UNION ALL ".join(parts), params

    def rank(self, order=EXACT):
        """ORDER BY terms, best first; ties go to the newest entry. EXACT: title and body;
        TITLE: the title alone; NEWEST: newest entry first."""
        if not self.postgres:  # the score (lower is better), then the newest
            return {NEWEST: "0", TITLE: BM25_TITLE, EXACT: BM25}[order], []
        if order == NEWEST:
            return "e.id DESC", []
        query, params = self.tsquery()
        if order == TITLE:
            return f"ts_rank(e.title, {query}) DESC, e.id DESC", params
        return (
            f"ts_rank(e.title, {query}) * e.title_norm + ts_rank(e.body, {query}) DESC, e.id DESC",
            params * 2,
        )

    # -- queries

    def ids_of(self, kind):
        """The ids of the visible matching entries of one kind, as a raw subquery."""
        sql, params = self.narrowed(kinds={kind}).where()
        if self.postgres:
            return RawSQL(f"SELECT CAST(e.object_id AS INTEGER) FROM {INDEX} e WHERE {sql}", params)
        return RawSQL(
            f"SELECT CAST(e.object_id AS INTEGER) FROM {INDEX} e"
            f" WHERE e.id IN (SELECT {FTS}.rowid FROM {FTS} WHERE {sql})",
            params,
        )

    def page_ids(self):
        """The matching visible pages as a lazy queryset of Page, for facets and date order."""
        return Page.objects.filter(pk__in=self.ids_of(PAGE))

    def document_texts(self):
        """The matching visible documents' texts, newest upload first."""
        return DocumentText.objects.filter(pk__in=self.ids_of(DOCUMENT)).order_by(
            "-document__created_at", "-pk"
        )

    def count(self, part=ALL, cap=None):
        """How many entries match, counting no further than ``cap`` + 1 when given."""
        sql, params = self.where(part)
        table = f"{INDEX} e" if self.postgres else FTS
        statement = f"SELECT count(*) FROM {table} WHERE {sql}"
        if cap is not None:
            statement = f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {sql} LIMIT %s) AS hits"
            params = [*params, cap + 1]
        with index_cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchone()[0]

    def ranked(self, start, stop, total):
        """``[(kind, id)]`` of results ``start``..``stop``, best first.

        While the matches are at most ``match_limit()`` (``total``, from ``count(cap=...)``),
        by relevance: title and body. Past it, ranking each match by its body costs more than
        the page may (it reads every match's text statistics: 100 to 1,300 ms at 100,000
        matches) and says little: a word found on thousands of pages is a common one. Then the
        pages with the words in the title come first, by relevance of the title, and the rest
        newest first.
        """
        if start >= stop:
            return []
        limit = match_limit()
        if total <= limit:
            return self.fetch(ALL, EXACT, start, stop)
        in_title = self.count(TITLE, cap=limit)
        if in_title > limit:  # even the title matches are too many to rank: newest first
            return self.fetch(ALL, NEWEST, start, stop)
        rows = []
        if start < in_title:
            rows += self.fetch(TITLE, TITLE, start, min(stop, in_title))
        if stop > in_title:
            rows += self.fetch(REST, NEWEST, max(start - in_title, 0), stop - in_title)
        return rows

    def in_titles(self, limit):
        """``[(kind, id)]`` of the first ``limit`` entries matching in their title: by title
        relevance, or newest first when the title matches are too many to rank."""
        ranked = self.count(TITLE, cap=match_limit()) <= match_limit()
        return self.fetch(TITLE, TITLE if ranked else NEWEST, 0, limit)

    def fetch(self, part, order, start, stop):
        sql, params = self.where(part)
        order_sql, order_params = self.rank(order)
        if self.postgres:
            statement = (
                f"SELECT e.content_type_id, CAST(e.object_id AS INTEGER) FROM {INDEX} e"
                f" WHERE {sql} ORDER BY {order_sql} LIMIT %s OFFSET %s"
            )
        else:
            # Rank on the FTS table alone, then look up the few entries shown.
            statement = (
                f"SELECT e.content_type_id, CAST(e.object_id AS INTEGER) FROM"
                f" (SELECT {FTS}.rowid AS id, {order_sql} AS score FROM {FTS} WHERE {sql}"
                f"  ORDER BY score, id DESC LIMIT %s OFFSET %s) AS top"
                f" JOIN {INDEX} e ON e.id = top.id ORDER BY top.score, top.id DESC"
            )
            params, order_params = order_params + params, []
        with index_cursor() as cursor:
            cursor.execute(statement, [*params, *order_params, stop - start, start])
            rows = cursor.fetchall()
        document_type = ContentType.objects.get_for_model(DocumentText).pk
        return [(DOCUMENT if ct == document_type else PAGE, pk) for ct, pk in rows]


@contextmanager
def indexes_preferred():
    """Around every statement that nests the full-text match (counts, rankings, facets).

    On PostgreSQL the planner prices a sequential scan of the index table without the cost
    of decompressing each body vector to test it, and picks it over the GIN index once a word
    is on a third of the pages (1.2 s instead of 16 ms at 100,000 pages), or for a facet of a
    rare word at 10,000 pages (200 ms). Sequential scans are turned off for these statements
    only; a failed statement rolls the setting back with its transaction."""
    depth = getattr(connection, "search_indexes_preferred", 0)
    if connection.vendor != "postgresql" or depth:  # nested: the outer one resets
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    connection.search_indexes_preferred = 1
    try:
        yield
    finally:
        connection.search_indexes_preferred = 0
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan")


@contextmanager
def index_cursor():
    with indexes_preferred(), connection.cursor() as cursor:
        yield cursor


def match_limit():
    return getattr(settings, "SEARCH_MATCH_LIMIT", DEFAULT_MATCH_LIMIT)


class Results:
    """What the Paginator pages through: counted once, up to ``match_limit()`` (``more`` says
    there are more), each page ranked on demand."""

    def __init__(self, search):
        self.search = search
        self._count = None
        self.more = False

    def count(self):
        if self._count is None:
            limit = match_limit()
            found = self.search.count(cap=limit)
            self.more = found > limit
            self._count = min(found, limit)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        total = self.count()
        start, stop = item.start or 0, min(item.stop if item.stop is not None else total, total)
        return self.search.ranked(start, stop, total=total + self.more)


class DateResults:
    """Results by date: the pages in their date order, then the documents."""

    def __init__(self, pages=None, documents=None):
        self.pages, self.documents = pages, documents
        self._counts = None

    def counts(self):
        if self._counts is None:
            self._counts = (
                self.pages.count() if self.pages is not None else 0,
                self.documents.count() if self.documents is not None else 0,
            )
        return self._counts

    def count(self):
        return sum(self.counts())

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        pages, _documents = self.counts()
        start, stop = item.start or 0, item.stop if item.stop is not None else self.count()
        rows = []
        if start < pages:
            ids = self.pages.values_list("pk", flat=True)[start : min(stop, pages)]
            rows += [(PAGE, pk) for pk in ids]
        if stop > pages and self.documents is not None:
            ids = self.documents.values_list("pk", flat=True)[max(start - pages, 0) : stop - pages]
            rows += [(DOCUMENT, pk) for pk in ids]
        return rows
