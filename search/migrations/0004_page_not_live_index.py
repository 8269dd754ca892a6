from django.db import migrations

from search.page_index import migration_backwards, migration_forwards


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_indexentry_document_gin"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(migration_forwards, migration_backwards)]
