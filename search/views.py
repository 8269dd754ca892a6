"""The public search page: published pages of every type and attached documents, facets,
promotions.

A results page runs a fixed number of queries whatever the number of matches: a count and a
ranked page of results (search/engine.py), a few GROUP BYs for the facets
(search/facets.py), the pages and documents shown (one query per page type), the promotions.
"""

import datetime
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from cms.models import AgendaItem, CallPage, MinutesPage, NewsPage, PlanObjective, PlanPage

from . import engine, facets
from .documents import public_pages_by_document
from .italian import ACRONYM, fold, stem
from .models import DocumentText
from .query import clean_query, search_terms

PER_PAGE = 10
SNIPPET_WORDS = 32
WORDS_BEFORE_MATCH = 8
TOKEN = re.compile(r"\w+")
NOTHING_TO_SEARCH = _(
    "La ricerca non contiene parole da cercare: scrivi una o più parole, per esempio ISEE."
)
FACET_TITLES = {
    "type": _("Tipo di contenuto"),
    "year": _("Anno"),
    "body": _("Organo o rete"),
    "tag": _("Argomento"),
    "state": _("Stato del bando"),
}


@dataclass
class Hit:
    """One result as the template shows it."""

    title: str
    url: str
    type_label: str
    snippet: str = ""
    date: datetime.date | None = None
    period: str = ""
    call: CallPage | None = None
    context: str = ""
    type: str = ""  # the type key of the facet: "bando", "documento", ...
    attached: list = field(default_factory=list)  # documents: the public pages attaching it


def results_for(search, filters, now):
    """The sequence the Paginator pages through, for the filters and the sort.

    Documents have no year, body, tag or call state: a filter on any of these, or on a page
    type, leaves only pages. By date, pages come by their own date, then documents by upload.
    """
    active = filters.active()
    if filters.type == facets.DOCUMENT:
        kinds, restrict = {engine.DOCUMENT}, None
    elif active:
        kinds = {engine.PAGE}
        restrict = facets.filtered(Page.objects.all(), filters, now)
    else:
        kinds, restrict = engine.KINDS, None
    narrowed = search.narrowed(kinds=kinds, restrict=restrict)
    if filters.sort != facets.DATE:
        return engine.Results(narrowed)
    pages = None
    if engine.PAGE in kinds:
        pages = facets.filtered(search.page_ids(), filters, now).order_by(*facets.date_order())
    documents = narrowed.document_texts() if engine.DOCUMENT in kinds else None
    return engine.DateResults(pages, documents)


def word_matcher(query):
    """A predicate telling whether a word of the text answers a word of the query: same
    Italian stem, or the same acronym when the query writes it in capitals."""
    words = TOKEN.findall(search_terms(query))
    acronyms = {word for word in words if ACRONYM.match(word)}
    stems = {stem(fold(word)) for word in words if len(word) > 2 and word not in acronyms}

    def matches(word):
        return word in acronyms or (len(word) > 2 and stem(fold(word)) in stems)

    return matches


def snippet(text, matches):
    """About thirty words of ``text`` from just before the first match, matched words in
    <mark>, everything else escaped."""
    tokens = list(TOKEN.finditer(text))
    if not tokens:
        return ""
    first = next((i for i, token in enumerate(tokens) if matches(token.group())), 0)
    start = max(0, first - WORDS_BEFORE_MATCH)
    end = min(len(tokens), start + SNIPPET_WORDS)
    parts = ["… " if start else ""]
    position = tokens[start].start()
    for token in tokens[start:end]:
        parts.append(conditional_escape(text[position : token.start()]))
        word = token.group()
        parts.append(
            format_html("<mark>{}</mark>", word) if matches(word) else conditional_escape(word)
        )
        position = token.end()
    if end < len(tokens):
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped


def plain_text(value):
    """Text of a field that may hold markup; tags become spaces so words stay apart."""
    return " ".join(html.unescape(strip_tags(str(value or "").replace("<", " <"))).split())


def page_text(page, children=()):
    """What a snippet is cut from: search description, summary, body, then the texts of the
    agenda items or objectives, where a match may be the only one."""
    parts = [
        page.search_description,
        getattr(page, "intro", ""),
        getattr(page, "body", ""),
        getattr(page, "outcome", ""),
        *children,
    ]
    return plain_text(" ".join(str(part) for part in parts if part))


def child_texts(ids):
    """``{page id: [text]}`` of the agenda items of minutes and objectives of plans among
    ``ids`` (two queries)."""
    texts = defaultdict(list)
    rows = [
        AgendaItem.objects.filter(facets.within(ids, "page_id"))
        .order_by("page_id", "sort_order")
        .values_list("page_id", "title", "discussion", "decisions"),
        PlanObjective.objects.filter(facets.within(ids, "page_id"))
        .order_by("page_id", "sort_order")
        .values_list("page_id", "title", "description"),
    ]
    for source in rows:
        for page_id, *fields in source:
            texts[page_id].extend(fields)
    return texts


def hit_for_page(page, request, matches, children=()):
    hit = Hit(
        title=page.title,
        url=page.get_url(request) or "",
        type_label=facets.TYPE_LABELS[facets.type_of(type(page))],
        snippet=snippet(page_text(page, children), matches),
        type=facets.type_of(type(page)),
    )
    if isinstance(page, MinutesPage):
        hit.date = page.meeting_date
    elif isinstance(page, NewsPage):
        hit.date = page.date
    elif isinstance(page, PlanPage):
        hit.period = (
            str(page.start_year)
            if page.start_year == page.end_year
            else f"{page.start_year}–{page.end_year}"
        )
    elif isinstance(page, CallPage):
        hit.call = page
        hit.date = timezone.localdate(page.opening) if page.opening else None
    return hit


def hit_for_document(text, request, matches, pages):
    document = text.document
    attached = ", ".join(page.title for page in pages[:3])
    return Hit(
        title=document.title,
        url=document.url,
        type_label=facets.TYPE_LABELS[facets.DOCUMENT],
        snippet=snippet(text.text, matches),
        date=timezone.localdate(document.created_at) if document.created_at else None,
        context=f"{_('Allegato a')}: {attached}" if attached else "",
        type=facets.DOCUMENT,
        attached=list(pages),
    )


def hits_for(rows, request, query):
    """The results of one page, in the order of ``rows`` (``(kind, id)`` pairs): one query
    per page type, two for the texts under minutes and plans, three for documents."""
    page_ids = [pk for kind, pk in rows if kind == engine.PAGE]
    text_ids = [pk for kind, pk in rows if kind == engine.DOCUMENT]
    pages = {page.pk: page for page in Page.objects.filter(facets.within(page_ids)).specific()}
    children = child_texts(page_ids) if page_ids else {}
    texts = DocumentText.objects.select_related("document").in_bulk(text_ids) if text_ids else {}
    attached = public_pages_by_document(text.document_id for text in texts.values())
    matches = word_matcher(query)
    hits = []
    for kind, pk in rows:
        if kind == engine.PAGE and pk in pages:
            hits.append(hit_for_page(pages[pk], request, matches, children.get(pk, ())))
        elif kind == engine.DOCUMENT and pk in texts:
            text = texts[pk]
            hits.append(
                hit_for_document(text, request, matches, attached.get(text.document_id, []))
            )
    return hits


def promotions_for(query):
    """Promotions staff set for this query, without those of unpublished or private pages."""
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__in=Page.objects.live().public().values("pk")))
        .select_related("page")
        .order_by("sort_order", "pk")
    )


def query_string(query, filters, **changes):
    """The GET parameters of the page with ``changes``, without the page number."""
    values = {
        "q": query,
        "type": filters.type,
        "year": filters.year or "",
        "body": filters.body,
        "tag": filters.tag,
        "state": filters.state,
        "sort": "" if filters.sort == facets.RELEVANCE else filters.sort,
    }
    values.update(changes)
    return urlencode({key: value for key, value in values.items() if value})


def facet_groups(options, query, filters):
    """Facets for the template: title, and per option its label, count, link and state."""
    groups = []
    for name, title in FACET_TITLES.items():
        links = [
            {
                "label": option.label,
                "count": option.count,
                "active": option.active,
                # An active option links to the page without it.
                "url": "?"
                + query_string(query, filters, **{name: "" if option.active else option.value}),
            }
            for option in options[name]
        ]
        if links:
            groups.append({"name": name, "title": title, "options": links})
    return groups


def active_filters(options, query, filters):
    """Active filters with the link that removes each one."""
    labels = {
        name: {option.value: option.label for option in options[name]} for name in FACET_TITLES
    }
    return [
        {
            "title": FACET_TITLES[name],
            "label": labels[name].get(str(value), str(value)),
            "remove_url": "?" + query_string(query, filters, **{name: ""}),
        }
        for name, value in filters.active().items()
    ]


@dataclass
class Outcome:
    """What a search computes, for the HTML page and the JSON API alike. ``results`` is the
    Paginator page whose ``object_list`` holds the Hits, None when nothing was searched."""

    query: str
    message: str
    filters: facets.SearchFilters
    results: object = None
    more_results: bool = False
    options: dict = field(default_factory=dict)
    promotions: list = field(default_factory=list)

    @property
    def count(self):
        return self.results.paginator.count if self.results is not None else 0


def run_search(request, params):
    """The search of the GET parameters ``params`` (a QueryDict): results of the page asked,
    facet options and promotions. A fixed number of queries whatever the number of matches."""
    query, message = clean_query(params.get("q"))
    filters = facets.parse_filters(params)
    outcome = Outcome(query=query, message=message, filters=filters)
    if not query:
        return outcome
    search = engine.search_for(query)
    if search is None:
        outcome.message = " ".join(str(part) for part in (message, NOTHING_TO_SEARCH) if part)
        return outcome

    now = timezone.now()
    pages = search.page_ids()
    with engine.indexes_preferred():
        found = results_for(search, filters, now)
        results = Paginator(found, PER_PAGE).get_page(filters.page)
        rows = list(results.object_list)
        outcome.more_results = more = getattr(found, "more", False)
        if more:
            options = facets.uncounted_options(filters)
        else:
            documents = 0
            if not filters.without("type").active():
                documents = search.narrowed(kinds={engine.DOCUMENT}).count()
            options = facets.facet_options(pages, filters, now, {facets.DOCUMENT: documents})
    results.object_list = hits_for(rows, request, query)
    outcome.results = results
    outcome.options = options
    outcome.promotions = promotions_for(query)
    return outcome


def search(request):
    outcome = run_search(request, request.GET)
    query, filters, options = outcome.query, outcome.filters, outcome.options
    context = {
        "search_query": query,
        "results": None,
        "message": outcome.message,
        "filters": filters,
    }
    if outcome.results is None:
        return TemplateResponse(request, "search/search.html", context)
    context.update(
        more_results=outcome.more_results,
        results=outcome.results,
        promotions=outcome.promotions,
        facets=facet_groups(options, query, filters),
        active_filters=active_filters(options, query, filters),
        clear_filters_url="?" + query_string(query, facets.SearchFilters(sort=filters.sort)),
        sort_links=[
            {
                "label": label,
                "active": key == filters.sort,
                "url": "?"
                + query_string(query, filters, sort="" if key == facets.RELEVANCE else key),
            }
            for key, label in facets.SORTS.items()
        ],
        pagination_query=query_string(query, filters),
    )
    return TemplateResponse(request, "search/search.html", context)
