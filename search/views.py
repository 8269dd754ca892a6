"""Public search. A first version over Wagtail's search backend; the search issue grows it
(Italian stemming, documents, facets)."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
CONTROL_CHARACTERS = dict.fromkeys(range(32), " ")


def clean_query(raw):
    """Trim and bound the query; return (query, message) where message explains any change.

    Control characters go, and so do double quotes when they are unbalanced: SQLite's FTS5
    rejects an unterminated phrase ("unterminated string") instead of ignoring it.
    """
    query = " ".join((raw or "").translate(CONTROL_CHARACTERS).split())
    message = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].strip()
        message = "La ricerca è stata accorciata a 200 caratteri."
    # Balance after cutting: the cut may split a quoted phrase.
    if query.count('"') % 2:
        query = " ".join(query.replace('"', " ").split())
    return query, message


def search(request):
    query, message = clean_query(request.GET.get("q"))
    results = None
    if query:
        found = Page.objects.live().public().specific().search(query)
        results = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "message": message},
    )
