"""Suggestions while typing: titles of live, public pages that start like the query."""

from django.http import JsonResponse
from wagtail.models import Page

from . import facets
from .query import clean_query, search_terms

MAX_SUGGESTIONS = 8


def suggestions(query, request):
    """Up to eight ``{title, url, type}`` for a raw query; none when nothing is searchable."""
    terms = search_terms(clean_query(query)[0])
    if not terms:
        return []
    pages = Page.objects.live().public().autocomplete(terms)[:MAX_SUGGESTIONS]
    return [
        {
            "title": page.title,
            "url": page.get_url(request) or "",
            "type": str(facets.TYPE_LABELS[facets.type_of(page.specific_class or Page)]),
        }
        for page in pages
    ]


def autocomplete(request):
    """JSON list of suggestions for ``?q=``, for a search box that wants them."""
    return JsonResponse(suggestions(request.GET.get("q"), request), safe=False)
