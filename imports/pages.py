"""Writing imported pages fast, with the rows Wagtail's own publishing leaves.

``add_child`` + ``save_revision`` + ``publish`` cost some 40 queries a page, validate every
history row, and send ``page_published`` (webhooks, cache purges) once per page: an import
of 10,000 posts would take minutes and notify the world 10,000 times. ``PageWriter`` saves
a new page once in its place in the tree (positions counted in memory per parent, slugs
checked against a set of its siblings), gives it one revision that is both its latest and
its live one, and writes revisions, history ("created", "published": Cronologia) and
Wagtail's reference index in bulk; the search index is not updated save by save but in
bulk by ``finish()``, inside the same transaction. A new page sends no ``page_published``; a
changed page does, as when an editor publishes it.

Each item of an import goes through ``with writer.item():`` (a savepoint): if it fails,
the database and the writer's memory forget it alike.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.signals import page_published

SLUG_LENGTH = 255


@cache
def _relation_names(model) -> tuple[str, ...]:
    """The child relations and parental many-to-many fields of a page model."""
    names = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    names += [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, ParentalManyToManyField)
    ]
    return tuple(names)


class PageTree:
    """Places new pages under their parents, remembering the last position and the slugs
    used under each parent it has seen."""

    def __init__(self):
        self._last_step: dict[int, int] = {}
        self._slugs: dict[int, set[str]] = {}
        self._touched: set[int] = set()

    def _load(self, parent):
        if parent.pk in self._last_step:
            return
        last = parent.get_last_child()
        self._last_step[parent.pk] = (
            Page._str2int(last.path[-Page.steplen :]) if last is not None else 0
        )
        self._slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))

    def unique_slug(self, parent, wanted: str, fallback: str = "pagina") -> str:
        """``wanted`` made a valid slug, with "-2", "-3"… if a sibling already has it."""
        self._load(parent)
        base = slugify(wanted)[: SLUG_LENGTH - 8].strip("-") or fallback
        taken = self._slugs[parent.pk]
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        return slug

    def add(self, parent, page):
        """Save the new ``page`` as the last child of ``parent``, without validation: the
        caller gives complete values."""
        self._load(parent)
        if not page.slug:
            page.slug = self.unique_slug(parent, page.title)
        step = self._last_step[parent.pk] + 1
        self._last_step[parent.pk] = step
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page._cached_parent_obj = parent
        page._is_site_root = False  # a new page is no site's root: spares Page.save a query
        page.save(clean=False, log_action=None)
        self._touched.add(parent.pk)
        return page

    def fix_child_counts(self):
        """``numchild`` of every parent used, from its real children (a savepoint rolled back
        leaves a gap in the positions, never a wrong count)."""
        for parent in Page.objects.filter(pk__in=self._touched).only("path", "depth"):
            count = Page.objects.filter(
                path__startswith=parent.path, depth=parent.depth + 1
            ).aggregate(n=Count("pk"))["n"]
            Page.objects.filter(pk=parent.pk).update(numchild=count)


class PageWriter:
    """Creates and updates the live pages of one import run; ``finish()`` at the end.

    Rows that nothing reads back during the run (revisions of new pages, history,
    reference index, and whatever the importer hands to ``stage()``: redirects, its own
    bookkeeping) are kept in memory and inserted in bulk by ``finish()``."""

    def __init__(self, models, user=None):
        self.tree = PageTree()
        self.user = user
        self.models = list(models)
        self._rows: dict[type, list] = defaultdict(list)  # unsaved rows, by model
        self._new_pages: list = []  # (page, its unsaved revision)
        self._indexed: dict[type, set[int]] = defaultdict(set)
        self._staged: list = []
        self._staged_pages: list = []
        self._stale_references: dict[int, Page] = {}

    @contextmanager
    def item(self):
        """One item of the import in a savepoint of its own: what it staged is kept only if
        the savepoint is."""
        self._staged, self._staged_pages = [], []
        with transaction.atomic():
            yield
        for row in self._staged:
            if isinstance(row, tuple):
                self._new_pages.append(row)
            else:
                self._rows[type(row)].append(row)
        for page in self._staged_pages:
            self._indexed[type(page)].add(page.pk)

    def stage(self, row):
        """Insert the unsaved ``row`` with the others of its model at ``finish()``."""
        self._staged.append(row)

    def create(self, parent, page, published_at, tags=()):
        """Add ``page`` under ``parent``, live since ``published_at`` (its first and last
        publication), with ``tags``."""
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = published_at
        page.last_published_at = published_at
        self.tree.add(parent, page)
        self._set_children(page, tags)
        revision = self._revision(page)
        self._staged.append((page, revision))
        self._stage_history(page, revision, ("wagtail.create", "wagtail.publish"))
        self._stage_references(page)
        self._staged_pages.append(page)
        return page

    def update(self, page, published_at, tags=None):
        """Save the changed live ``page`` as a new revision and publish it; its publication
        dates stay those of the original."""
        page.has_unpublished_changes = False
        page.first_published_at = published_at
        page.last_published_at = published_at
        page.draft_title = page.title
        if tags is not None:
            page.tagged_items = [page.tagged_items.model(tag=tag) for tag in tags]
        page.save(clean=False)
        revision = self._revision(page)
        revision.save()
        self._point_to(page, revision)
        self._stage_history(page, revision, ("wagtail.edit", "wagtail.publish"))
        ReferenceIndex.create_or_update_for_object(page)
        page_published.send(sender=type(page), instance=page, revision=revision)
        self._staged_pages.append(page)
        return page

    def replace_content(self, page, **values):
        """Change fields of a page this run has written, in the page and in its live
        revision, without a new revision (links fixed once every page exists)."""
        type(page).objects.filter(pk=page.pk).update(**values)
        for name, value in values.items():
            setattr(page, name, value)
        content = page.serializable_data()
        if page.live_revision_id is None:  # new in this run: revision and references staged
            for new_page, revision in self._new_pages:
                if new_page.pk == page.pk:
                    revision.content = content
            self._stale_references[page.pk] = page
        else:
            Revision.objects.filter(pk=page.live_revision_id).update(content=content)
            ReferenceIndex.create_or_update_for_object(page)
        self._indexed[type(page)].add(page.pk)

    def _restage_references(self):
        """The reference index rows of the new pages changed by ``replace_content``, again
        from their final content."""
        if not self._stale_references:
            return
        stale = self._stale_references
        self._staged = []
        for page in stale.values():
            self._stage_references(page)
        self._rows[ReferenceIndex] = [
            row for row in self._rows[ReferenceIndex] if row.object_id not in stale
        ] + self._staged
        self._staged, self._stale_references = [], {}

    def finish(self, chunk=500, index_chunk=2000):
        """Revisions of the new pages, history, references and staged rows, child counts,
        then the search index, all in bulk."""
        from modelsearch.backends import get_search_backends

        self._restage_references()
        Revision.objects.bulk_create([revision for _page, revision in self._new_pages], chunk)
        self._point_all_to_their_revisions()
        self._new_pages = []
        for model, rows in self._rows.items():
            if model is PageLogEntry:
                for row in rows:
                    row.revision_id = row.revision.pk if row.revision else None
            model.objects.bulk_create(rows, batch_size=chunk, **self._insert_options(model))
        self._rows.clear()
        self.tree.fix_child_counts()
        backends = list(get_search_backends(with_auto_update=True))
        for model, ids in self._indexed.items():
            ordered = sorted(ids)
            # Large chunks: each call of the SQLite backend also averages every title.
            for start in range(0, len(ordered), index_chunk):
                chunk_ids = ordered[start : start + index_chunk]
                objects = list(model.get_indexed_objects().filter(pk__in=chunk_ids))
                for backend in backends:
                    backend.add_bulk(model, objects)
        self._indexed.clear()

    def _point_all_to_their_revisions(self):
        """One UPDATE statement run for every new page (Django's ``bulk_update`` writes a
        CASE of 500 branches per batch, ten times slower here)."""
        meta = Page._meta
        quote = connection.ops.quote_name
        columns = [
            meta.get_field(name).column
            for name in ("latest_revision", "live_revision", "latest_revision_created_at")
        ]
        sql = "UPDATE {} SET {} WHERE {} = %s".format(
            quote(meta.db_table),
            ", ".join(f"{quote(column)} = %s" for column in columns),
            quote(meta.pk.column),
        )
        created_at = meta.get_field("latest_revision_created_at")
        with connection.cursor() as cursor:
            cursor.executemany(
                sql,
                [
                    (
                        revision.pk,
                        revision.pk,
                        created_at.get_db_prep_value(revision.created_at, connection),
                        page.pk,
                    )
                    for page, revision in self._new_pages
                ],
            )
        for page, revision in self._new_pages:
            page.latest_revision = page.live_revision = revision
            page.latest_revision_created_at = revision.created_at

    @staticmethod
    def _insert_options(model):
        if model is ReferenceIndex and connection.features.supports_ignore_conflicts:
            return {"ignore_conflicts": True}
        return {}

    @contextmanager
    def paused_indexing(self):
        """Page saves do not queue a search or reference index update each (``finish``
        does both in bulk)."""
        from modelsearch.signal_handlers import post_save_signal_handler
        from wagtail.signal_handlers import disable_reference_index_auto_update

        disconnected = [
            model
            for model in self.models
            if post_save.disconnect(post_save_signal_handler, sender=model)
        ]
        try:
            with disable_reference_index_auto_update():
                yield self
        finally:
            for model in disconnected:
                post_save.connect(post_save_signal_handler, sender=model)

    def _set_children(self, page, tags):
        """Tags in one insert, and the page's other (empty) child relations set in memory,
        so that its revision and reference index read them without a query each."""
        tag_model = page.tagged_items.model
        rows = tag_model.objects.bulk_create(
            [tag_model(content_object=page, tag=tag) for tag in tags]
        )
        for name in _relation_names(type(page)):
            setattr(page, name, rows if name == "tagged_items" else [])

    def _revision(self, page):
        return Revision(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=self.user,
            content=page.serializable_data(),
            object_str=str(page),
            created_at=timezone.now(),
        )

    @staticmethod
    def _point_to(page, revision):
        page.latest_revision = revision
        page.live_revision = revision
        page.latest_revision_created_at = revision.created_at
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision,
            live_revision=revision,
            latest_revision_created_at=revision.created_at,
        )

    def _stage_history(self, page, revision, actions):
        content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
        for action in actions:
            self._staged.append(
                PageLogEntry(
                    content_type=content_type,
                    label=page.get_admin_display_title(),
                    action=action,
                    timestamp=revision.created_at,
                    user=self.user,
                    data={},
                    content_changed=True,
                    revision=revision if action == "wagtail.publish" else None,
                    page_id=page.pk,
                )
            )

    def _stage_references(self, page):
        """The page's rows of Wagtail's reference index (what it links to: networks, tags,
        other pages), as ``ReferenceIndex.create_or_update_for_object`` writes them for a
        new object, without its lookup of existing rows."""
        # Private helpers of ReferenceIndex (Wagtail 8.0, pinned): the public method would
        # cost a query and an insert per page.
        content_types = [
            ContentType.objects.get_for_model(model, for_concrete_model=False)
            for model in [page, *page._meta.get_parent_list()]
        ]
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        ):
            self._staged.append(
                ReferenceIndex(
                    content_type=content_types[0],
                    base_content_type=content_types[-1],
                    object_id=page.pk,
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
