"""The database refuses two memberships of the same member, role, network and area whose
dates overlap (unknown dates are open bounds). PostgreSQL does it with an exclusion
constraint over a date range; SQLite, which has none, with two triggers.

SQLite drops triggers when Django rebuilds a table in a later migration, so
``ensure_overlap_guard`` also runs after every ``migrate`` (see apps.py)."""

from django.db import connection as default_connection

TABLE = "network_membership"
PG_CONSTRAINT = "network_membership_no_overlap"
SQLITE_TRIGGERS = ("network_membership_no_overlap_insert", "network_membership_no_overlap_update")
MESSAGE = "network_membership_no_overlap: overlapping membership for the same member, role, network and area"

PG_CREATE = f"""
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE {TABLE} ADD CONSTRAINT {PG_CONSTRAINT} EXCLUDE USING gist (
    network_id WITH =,
    role_id WITH =,
    (COALESCE(person_id, 0)) WITH =,
    (COALESCE(organisation_id, 0)) WITH =,
    (COALESCE(area_id, 0)) WITH =,
    daterange(start_date, end_date, '[]') WITH &&
);
"""
PG_DROP = f"ALTER TABLE {TABLE} DROP CONSTRAINT IF EXISTS {PG_CONSTRAINT};"

_SQLITE_CLASH = f"""
EXISTS (
    SELECT 1 FROM {TABLE} AS m
    WHERE m.id IS NOT NEW.id
      AND m.network_id = NEW.network_id
      AND m.role_id = NEW.role_id
      AND m.person_id IS NEW.person_id
      AND m.organisation_id IS NEW.organisation_id
      AND m.area_id IS NEW.area_id
      AND (m.start_date IS NULL OR NEW.end_date IS NULL OR m.start_date <= NEW.end_date)
      AND (m.end_date IS NULL OR NEW.start_date IS NULL OR NEW.start_date <= m.end_date)
)"""


def _sqlite_trigger(name, event):
    return (
        f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {event} ON {TABLE} "
        f"WHEN {_SQLITE_CLASH} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
    )


def create(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_DROP)
            cursor.execute(PG_CREATE)
        elif connection.vendor == "sqlite":
            cursor.execute(_sqlite_trigger(SQLITE_TRIGGERS[0], "INSERT"))
            cursor.execute(_sqlite_trigger(SQLITE_TRIGGERS[1], "UPDATE"))


def drop(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_DROP)
        elif connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def ensure_overlap_guard(using=None, **kwargs):
    """post_migrate hook: put the SQLite triggers back if a table rebuild dropped them."""
    from django.db import connections

    connection = connections[using] if using else default_connection
    if connection.vendor != "sqlite" or TABLE not in connection.introspection.table_names():
        return
    create(connection)


def migration_forwards(apps, schema_editor):
    create(schema_editor.connection)


def migration_backwards(apps, schema_editor):
    drop(schema_editor.connection)
