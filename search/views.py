"""Public search. A first version over Wagtail's search backend; the search issue grows it
(Italian stemming, phrases, documents, facets)."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from .query import clean_query, search_terms

PER_PAGE = 10


def search(request):
    query, message = clean_query(request.GET.get("q"))
    results = None
    if query:
        terms = search_terms(query)
        found = (
            Page.objects.live().public().specific().search(terms) if terms else Page.objects.none()
        )
        results = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "message": message},
    )
