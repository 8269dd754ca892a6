"""Wagtail's PostgreSQL full-text backend with the "italian" configuration, fed the same
analysed text as SQLite (search.italian), so both backends match alike: folded accents,
split elisions, the -are/-ari stems joined, and acronym markers for exact ISEE/SIA/FNA."""

from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres
from modelsearch.query import Phrase, PlainText

from search.italian import NO_MATCH, analyse, phrase_tokens, query_tokens


class ItalianObjectIndexer(postgres.ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        return super().as_vector(
            [(analyse(text), weight) for text, weight in texts], for_autocomplete
        )


class ItalianIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        # Wagtail's add_items with our indexer: one INSERT ... ON CONFLICT for the batch.
        if not model.get_search_fields():
            return
        indexers = [ItalianObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        entry = postgres.IndexEntry
        content_type_pk = postgres.get_content_type_pk(model)
        compiler = InsertQuery(entry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(entry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {entry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class ItalianQueryMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            tokens = query_tokens(query.query_string) or [NO_MATCH]
            query = PlainText(" ".join(tokens), operator=query.operator)
        elif isinstance(query, Phrase):
            query = Phrase(" ".join(phrase_tokens(query.query_string)) or NO_MATCH)
        return super().build_tsquery_content(query, config=config, invert=invert)


class ItalianSearchQueryCompiler(ItalianQueryMixin, postgres.PostgresSearchQueryCompiler):
    pass


class ItalianAutocompleteQueryCompiler(
    ItalianQueryMixin, postgres.PostgresAutocompleteQueryCompiler
):
    pass


class ItalianPostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = ItalianSearchQueryCompiler
    autocomplete_query_compiler_class = ItalianAutocompleteQueryCompiler
    index_class = ItalianIndex


SearchBackend = ItalianPostgresSearchBackend
