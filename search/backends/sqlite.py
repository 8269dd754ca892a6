"""Wagtail's SQLite FTS5 backend, taught Italian: text is analysed by search.italian before
it is stored in the FTS index, and queries are analysed the same way before matching."""

from django.db.models import F
from modelsearch.backends.database.sqlite.query import (
    BM25,
    Lexeme,
    SearchQueryExpression,
    SQLiteFTSIndexEntry,
)
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    get_content_type_pk,
)
from modelsearch.query import Phrase, PlainText

from search.italian import NO_MATCH, analyse, phrase_tokens, query_tokens


class ItalianObjectIndexer(ObjectIndexer):
    @property
    def title(self):
        return analyse(super().title)

    @property
    def body(self):
        return analyse(super().body)

    @property
    def autocomplete(self):
        return analyse(super().autocomplete)


class ItalianIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = ItalianObjectIndexer(obj, self.backend)
            data[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
        if not data:
            return
        content_type_pk = get_content_type_pk(model)
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class WeightedBM25(BM25):
    """bm25 with the title counting four times the body (FTS columns: autocomplete, body,
    title): Wagtail's own rank gives every column the same weight."""

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 1.0, 1.0, 4.0)", []


class ItalianQueryMixin:
    def get_index_vectors(self):
        # One rank term: the column-weighted bm25 already counts the title. Wagtail adds a
        # second term scaled by a title-length norm, which favours short titles whether or not
        # the words are in them.
        return [(F("index_entry__title"), 1.0)]

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, Phrase | PlainText):
            return WeightedBM25() * boost if boost != 1.0 else WeightedBM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            tokens = query_tokens(query.query_string) or [NO_MATCH]
            last = tokens.pop()
            lexemes = Lexeme(last, prefix=self.LAST_TERM_IS_PREFIX)
            for token in tokens:
                if query.operator.upper() == "AND":
                    lexemes &= Lexeme(token)
                else:
                    lexemes |= Lexeme(token)
            return SearchQueryExpression(lexemes, config=config)
        if isinstance(query, Phrase):
            return SearchQueryExpression(" ".join(phrase_tokens(query.query_string)) or NO_MATCH)
        return super().build_search_query_content(query, config=config)


class ItalianSearchQueryCompiler(ItalianQueryMixin, SQLiteSearchQueryCompiler):
    pass


class ItalianAutocompleteQueryCompiler(ItalianQueryMixin, SQLiteAutocompleteQueryCompiler):
    pass


class ItalianSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = ItalianSearchQueryCompiler
    autocomplete_query_compiler_class = ItalianAutocompleteQueryCompiler
    index_class = ItalianIndex


SearchBackend = ItalianSQLiteSearchBackend
