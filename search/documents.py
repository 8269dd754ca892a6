"""Which documents the public may find, and the public pages that attach them.

A document is public when its collection (or an ancestor collection) has no view
restriction and at least one live page outside every private section attaches it, as a
page attachment or as a call's outcome attachment. Both rules are subqueries, so
``searchable_documents()`` runs no query until it is used and composes with a search.
"""

from collections import defaultdict

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from cms.models import CallOutcomeAttachment, PageAttachment

ATTACHMENT_MODELS = (PageAttachment, CallOutcomeAttachment)


def public_pages():
    """Live pages outside every section with a view restriction (Wagtail's ``live().public()``
    as a lazy subquery)."""
    private = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Page.objects.live().filter(~Exists(private))


def searchable_documents():
    """Documents the public may find (a queryset of the document model)."""
    restricted = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef("collection__path"), 1, Length("collection__path"))
    )
    pages = public_pages().values("pk")
    attached = [
        Exists(model.objects.filter(document=OuterRef("pk"), page__in=pages))
        for model in ATTACHMENT_MODELS
    ]
    return (
        get_document_model().objects.filter(attached[0] | attached[1]).filter(~Exists(restricted))
    )


def public_pages_by_document(document_ids):
    """``{document id: [page]}``: the live public pages attaching each document, newest
    first, in two queries whatever the number of documents."""
    document_ids = list(document_ids)
    if not document_ids:
        return {}
    pages = public_pages().values("pk")
    links = [
        model.objects.filter(document_id__in=document_ids, page__in=pages)
        .order_by()
        .values_list("document_id", "page_id")
        for model in ATTACHMENT_MODELS
    ]
    pairs = list(links[0].union(links[1]))
    by_id = (
        Page.objects.filter(pk__in={page_id for _, page_id in pairs})
        .order_by("-first_published_at", "-pk")
        .in_bulk()
    )
    order = {page_id: position for position, page_id in enumerate(by_id)}
    attached = defaultdict(list)
    for document_id, page_id in sorted(pairs, key=lambda pair: order.get(pair[1], 0)):
        if page_id in by_id:
            attached[document_id].append(by_id[page_id])
    return dict(attached)
