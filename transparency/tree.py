"""Puts the official tree of "Amministrazione trasparente" under the home page, with real
models (revisions, search index), idempotently.

Migration 0002 builds the same tree on install, with historical models, under the default
site's root. This is for whatever that could not cover: a site whose home page was made after
the migration ran, or a section an editor deleted by mistake. Pages already there (found by
slug) are left exactly as the editors made them.
"""

from wagtail.models import Page

from . import sections
from .models import TransparencyIndexPage, TransparencySectionPage


def ensure_tree(home: Page, user=None) -> tuple[TransparencyIndexPage, int]:
    """The section's root page and the number of pages created."""
    created = 0
    index = TransparencyIndexPage.objects.first()
    if index is None:
        index = TransparencyIndexPage(title=sections.INDEX_TITLE, slug=sections.INDEX_SLUG)
        _publish(home, index, user)
        created += 1
    created += _ensure_children(index, sections.SECTIONS, user)
    return index, created


def _ensure_children(parent, children, user) -> int:
    created = 0
    existing = {page.slug: page for page in parent.get_children()}
    previous = None
    for label, slug, automatic, grandchildren in children:
        page = existing.get(slug)
        if page is None:
            page = TransparencySectionPage(title=label, slug=slug, automatic_content=automatic)
            _publish(parent, page, user)
            _put_in_order(parent, page, previous)
            created += 1
        created += _ensure_children(page, grandchildren, user)
        previous = page
    return created


def _put_in_order(parent, page, previous):
    """Move a recreated section back to its place in the annex's order."""
    if previous is not None:
        page.move(Page.objects.get(pk=previous.pk), pos="right")
        return
    first = parent.get_first_child()
    if first is not None and first.pk != page.pk:
        page.move(first, pos="left")


def _publish(parent, page, user):
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
