"""PostgreSQL: keep the rows of Wagtail's index table narrow.

Counting the matches of a word means visiting each matching row for its content type and
object id. With the default TOAST target (2 kB) the vectors and texts of a page mostly stay in
the row: 166 MB of rows for 100,000 pages, and a count of 100,000 matches read all of them
(117 ms). With a 128-byte target they are moved out of line: 14 MB of rows, the same count in
16 ms. Rows are rewritten by the next ``update_index`` (or ``VACUUM FULL``); ranking reads the
vectors out of line, which costs little at the number of matches it ranks."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_promotion_permissions")]

    operations = [migrations.RunPython(forwards, backwards)]
