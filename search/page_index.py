"""A partial index of the pages that are not live, which the public search subtracts from every
result set (search/engine.py). Drafts are few: with the index that is a lookup, without it a
scan of every page on each search (10 ms at 100,000 pages on SQLite).

The index is on Wagtail's page table, so SQLite drops it whenever a migration rebuilds that
table: post_migrate puts it back, as for the registry's triggers (network/overlap_sql.py).
"""

from django.db import connection as default_connection

NAME = "search_page_not_live"
TABLE = "wagtailcore_page"
CONDITION = {"postgresql": "NOT {}live", "sqlite": "{}live = 0"}


def draft_condition(connection, alias="p"):
    """The WHERE that the partial index serves, written as the index is (a bound parameter
    would keep SQLite from using it)."""
    return CONDITION[connection.vendor].format(f"{alias}.")


def create(connection):
    condition = CONDITION.get(connection.vendor)
    if condition is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON {TABLE} (id) WHERE {condition.format('')}"
        )


def drop(connection):
    if connection.vendor in CONDITION:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {NAME}")


def ensure_draft_index(using=None, **kwargs):
    from django.db import connections

    connection = connections[using] if using else default_connection
    if TABLE in connection.introspection.table_names():
        create(connection)


def migration_forwards(apps, schema_editor):
    create(schema_editor.connection)


def migration_backwards(apps, schema_editor):
    drop(schema_editor.connection)
