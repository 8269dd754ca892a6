"""The official tree of "Amministrazione trasparente" (D.Lgs. 33/2013), live, under the
default site's root page (the HomePage that cms 0002 puts there).

Labels and slugs: transparency/sections.py, which cites its sources (AgID's controlled
vocabulary "transparency-titulus", italia/daf-ontologie-vocabolari-controllati, built from the
annex of ANAC delibera 1310/2016; and AgID's Modello Comuni, italia/design-comuni-docs).

Treebeard is not available on historical models, so pages are placed by hand (path, depth,
numchild, url_path), as Wagtail's own 0002_initial_data and cms 0002 do. Nothing happens when
the section already exists or the database has no site yet; then ``load_demo`` (or
transparency.tree.ensure_tree) builds it under the home page. New pages reach the search index
with ``manage.py update_index``, as any installation runs after migrating.
"""

from django.db import migrations
from django.utils import timezone

from transparency import sections

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _base36(number):
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = ALPHABET[rest] + out
    return (out or "0").rjust(STEPLEN, "0")


class Builder:
    def __init__(self, apps):
        self.Page = apps.get_model("wagtailcore.Page")
        ContentType = apps.get_model("contenttypes.ContentType")
        self.models = {
            name: (
                apps.get_model("transparency", name),
                ContentType.objects.get_or_create(app_label="transparency", model=name.lower())[0],
            )
            for name in ("TransparencyIndexPage", "TransparencySectionPage")
        }
        self.now = timezone.now()

    def add_child(self, parent, model_name, title, slug, **fields):
        model, content_type = self.models[model_name]
        last = (
            self.Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .first()
        )
        number = int(last.path[-STEPLEN:], 36) + 1 if last else 1
        page = model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=parent.path + _base36(number),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            locale_id=parent.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=self.now,
            last_published_at=self.now,
            **fields,
        )
        self.Page.objects.filter(pk=parent.pk).update(
            numchild=self.Page.objects.filter(
                path__startswith=parent.path, depth=parent.depth + 1
            ).count()
        )
        return self.Page.objects.get(pk=page.pk)

    def add_sections(self, parent, children):
        for label, slug, automatic, grandchildren in children:
            page = self.add_child(
                parent, "TransparencySectionPage", label, slug, automatic_content=automatic
            )
            self.add_sections(page, grandchildren)


def create_sections(apps, schema_editor):
    Site = apps.get_model("wagtailcore.Site")
    TransparencyIndexPage = apps.get_model("transparency", "TransparencyIndexPage")
    if TransparencyIndexPage.objects.exists():
        return
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    builder = Builder(apps)
    home = builder.Page.objects.get(pk=site.root_page_id)
    if builder.Page.objects.filter(
        path__startswith=home.path, depth=home.depth + 1, slug=sections.INDEX_SLUG
    ).exists():
        return  # the address is taken by a page the editors made: leave it to them
    index = builder.add_child(
        home, "TransparencyIndexPage", sections.INDEX_TITLE, sections.INDEX_SLUG
    )
    builder.add_sections(index, sections.SECTIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0001_initial"),
        ("cms", "0002_editorial_setup"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_sections, migrations.RunPython.noop)]
