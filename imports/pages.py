"""Writing imported pages fast, with the same rows Wagtail's own publishing leaves.

``add_child`` + ``save_revision`` + ``publish`` cost about 30 queries a page and send
``page_published`` to every receiver (webhooks, caches) once per page: an import of 10,000
posts would take minutes and notify the world 10,000 times. Here a page is saved once in
its place in the tree (paths counted in memory per parent, slugs checked against a set of
its siblings), then gets one revision that is both its latest and its live one, and the
entries "created" and "published" in its history (Cronologia). Publish signals are not
sent; the search and reference indexes are updated in bulk at the end (``IndexUpdates``),
not once a save.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager

from django.db.models import Count
from django.db.models.signals import post_save
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Page, Revision

SLUG_LENGTH = 255


class PageTree:
    """Places new pages under their parents. One instance for a whole import: it remembers
    the last position and the slugs used under each parent it has seen."""

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
        """Save the new ``page`` as the last child of ``parent`` (no validation: the caller
        gives complete values)."""
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
        page.save(clean=False)
        self._touched.add(parent.pk)
        return page

    def fix_child_counts(self):
        """Set ``numchild`` of every parent used from its real children (a failed entry
        rolled back to its savepoint leaves a gap in the positions, never a wrong count)."""
        counts = {}
        for parent in Page.objects.filter(pk__in=self._touched).only("path", "depth"):
            counts[parent.pk] = Page.objects.filter(
                path__startswith=parent.path, depth=parent.depth + 1
            ).aggregate(n=Count("pk"))["n"]
        for pk, count in counts.items():
            Page.objects.filter(pk=pk).update(numchild=count)


def publish_new(tree: PageTree, parent, page, published_at, user=None):
    """Add ``page`` under ``parent``, live since ``published_at`` (first and last publication
    date), with one revision and its history."""
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = published_at
    page.last_published_at = published_at
    tree.add(parent, page)
    _live_revision(page, user, "wagtail.publish")
    return page


def publish_update(page, published_at, user=None):
    """Save the changed ``page`` (a live page) as a new revision, published; the publication
    dates stay those of the original."""
    page.has_unpublished_changes = False
    page.first_published_at = published_at
    page.last_published_at = published_at
    page.draft_title = page.title
    page.save(clean=False)
    log(instance=page, action="wagtail.edit", user=user, content_changed=True)
    _live_revision(page, user, "wagtail.publish")
    return page


def _live_revision(page, user, action):
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=user,
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = revision
    page.live_revision = revision
    page.latest_revision_created_at = revision.created_at
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision,
        live_revision=revision,
        latest_revision_created_at=revision.created_at,
    )
    log(instance=page, action=action, user=user, revision=revision, content_changed=True)
    return revision


def replace_live_content(page, **values):
    """Change fields of a page just written by this import in place, in the page and in its
    live revision, without a new revision (links fixed once every page exists)."""
    type(page).objects.filter(pk=page.pk).update(**values)
    for name, value in values.items():
        setattr(page, name, value)
    Revision.objects.filter(pk=page.live_revision_id).update(content=page.serializable_data())


class IndexUpdates:
    """Page saves during an import are not indexed one by one (a task each for the search
    index and for Wagtail's reference index): the pages are collected and indexed in bulk by
    ``flush()``, inside the import's transaction."""

    def __init__(self, models):
        self.models = list(models)
        self.pages: dict[type, set[int]] = defaultdict(set)

    def add(self, page):
        self.pages[type(page)].add(page.pk)

    @contextmanager
    def paused(self):
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

    def flush(self, chunk=500):
        from modelsearch.backends import get_search_backends
        from wagtail.models import ReferenceIndex

        backends = list(get_search_backends(with_auto_update=True))
        for model, ids in self.pages.items():
            ordered = sorted(ids)
            for start in range(0, len(ordered), chunk):
                objects = list(
                    model.get_indexed_objects().filter(pk__in=ordered[start : start + chunk])
                )
                for backend in backends:
                    backend.add_bulk(model, objects)
                for page in objects:
                    ReferenceIndex.create_or_update_for_object(page)
        self.pages.clear()
