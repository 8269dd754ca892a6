"""Grants saved before expiries existed get the end of their legal publication period
(art. 8, c. 3, D.Lgs. 33/2013; see Grant.save and rules.legal_publication_end)."""

from django.conf import settings
from django.db import migrations


def backfill(apps, schema_editor):
    from transparency.rules import legal_publication_end

    Grant = apps.get_model("transparency", "Grant")
    years = getattr(settings, "PRIVACY_PUBLICATION_YEARS", 5)
    for grant in Grant.objects.filter(expire_at__isnull=True):
        grant.expire_at = legal_publication_end(grant.granted_on, years, settings.TIME_ZONE)
        grant.save(update_fields=["expire_at"])


class Migration(migrations.Migration):
    dependencies = [("transparency", "0004_footer_link")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
