"""The body's identity row exists from the start.

Wagtail creates a generic setting's row at its first reading, which for this one is the first
page anybody opens: a write, and so a change of content that empties the caches
(cms/response_cache.py) right after the first visitor. Created here instead, with the
model's defaults, it is edited in the admin like before.
"""

from django.db import migrations


def create_row(apps, schema_editor):
    BodyIdentity = apps.get_model("cms", "BodyIdentity")
    if not BodyIdentity.objects.exists():
        BodyIdentity.objects.create()


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_webhook_delivery")]

    operations = [migrations.RunPython(create_row, migrations.RunPython.noop)]
