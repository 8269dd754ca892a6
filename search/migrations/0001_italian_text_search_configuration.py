"""PostgreSQL: the text search configuration our search backend uses, "udp_italian": the
Italian Snowball stemmer without its stop-word list. Text reaches it already analysed by
search/italian.py (folded, elisions split, acronym markers), and a stop-word list would drop
words people do search for: "sia" is both a verb and the anti-poverty measure SIA.
Nothing to do on SQLite."""

from django.db import migrations

CREATE = """
CREATE TEXT SEARCH DICTIONARY udp_italian_stem (TEMPLATE = snowball, Language = italian);
CREATE TEXT SEARCH CONFIGURATION udp_italian (COPY = pg_catalog.italian);
ALTER TEXT SEARCH CONFIGURATION udp_italian
    ALTER MAPPING FOR asciiword, word, hword, hword_part, asciihword, hword_asciipart
    WITH udp_italian_stem;
"""
DROP = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS udp_italian;
DROP TEXT SEARCH DICTIONARY IF EXISTS udp_italian_stem;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(forwards, backwards)]
