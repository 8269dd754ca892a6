"""The footer's "Amministrazione trasparente" link (cms.FooterLinks) points at the section
made by 0002, unless an editor already chose a page or an address."""

from django.db import migrations


def link_footer(apps, schema_editor):
    FooterLinks = apps.get_model("cms", "FooterLinks")
    TransparencyIndexPage = apps.get_model("transparency", "TransparencyIndexPage")
    index = TransparencyIndexPage.objects.order_by("path").first()
    if index is None:
        return
    links = FooterLinks.objects.first() or FooterLinks()
    if links.transparency_page_id or links.transparency_url:
        return
    links.transparency_page_id = index.pk
    links.save()


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0003_grant_permissions"),
        ("cms", "0005_conformance_chrome"),
    ]

    operations = [migrations.RunPython(link_footer, migrations.RunPython.noop)]
