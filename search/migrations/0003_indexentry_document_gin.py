"""PostgreSQL: one GIN index on the whole indexed document, ``title || body``.

A query must match across title and body together (one word in the title, another in the
body), so search/engine.py filters on ``(title || body) @@ query``; Wagtail's GIN indexes
are on each column alone and cannot serve that expression, which left every search a
sequential scan of the index table. Nothing to do on SQLite (FTS5 indexes all columns)."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS search_indexentry_document_gin "
    "ON wagtailsearch_indexentry USING gin ((title || body))"
)
DROP = "DROP INDEX IF EXISTS search_indexentry_document_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_document_text"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
