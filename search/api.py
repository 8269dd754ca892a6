"""`/api/v3/search/`: the public search as JSON, with the results, facets and promotions of
the HTML page `/search/` (both call ``search.views.run_search``), and
`/api/v3/search/autocomplete/`, the suggestions of `/search/autocomplete/`.

Every parameter is a string read as the HTML page reads it: a malformed or unknown filter
value is ignored, a query with nothing to search answers 200 with a ``message`` and no
results. The query count does not depend on the number of results (search/views.py).
"""

import datetime
import html

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from cms import call_state
from cms.models import CallPage

from .autocomplete import suggestions
from .views import FACET_TITLES, NOTHING_TO_SEARCH, run_search

router = Router(tags=["search"])
NO_RESULTS = _("Nessun risultato: prova con altre parole o togli qualche filtro.")


class SearchParams(Schema):
    q: str = Field("", description="Le parole da cercare (al massimo 200 caratteri usati).")
    type: str = Field("", description="Tipo: piano, verbale, bando, notizia, pagina, documento.")
    year: str = Field("", description="Anno, es. 2017.")
    body: str = Field("", description="Slug di un organo o di una rete.")
    tag: str = Field("", description="Slug di un argomento.")
    state: str = Field(
        "",
        description="Stato del bando: scheduled, open, in_evaluation, closed, awarded, cancelled.",
    )
    sort: str = Field("", description="relevance (predefinito) o date.")
    page: str = Field("", description="Numero di pagina dei risultati (10 per pagina).")


class AttachedPage(Schema):
    title: str
    url: str


class SearchHit(Schema):
    title: str
    url: str
    type: str
    type_label: str
    date: datetime.date | None = None
    period: str = ""
    state: str | None = None
    state_label: str | None = None
    snippet: str = Field(description="Il brano con le parole trovate, come testo semplice.")
    snippet_html: str = Field(
        description="Lo stesso brano in HTML: testo escapato, parole trovate in <mark>."
    )
    attached_to: list[AttachedPage] = Field(
        default_factory=list, description="Documenti: le pagine pubbliche che li allegano."
    )


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int | None = Field(description="null quando i risultati sono troppi da contare.")
    active: bool


class FacetOut(Schema):
    name: str
    title: str
    options: list[FacetOptionOut]


class PromotionOut(Schema):
    title: str
    url: str
    description: str


class SearchResponse(Schema):
    query: str
    message: str = ""
    count: int
    more: bool = Field(description="Vero quando i risultati sono più di count.")
    page: int
    num_pages: int
    results: list[SearchHit]
    facets: list[FacetOut]
    promotions: list[PromotionOut]


class Suggestion(Schema):
    title: str
    url: str
    type: str


def plain(snippet_html):
    return html.unescape(strip_tags(str(snippet_html)))


def hit_out(hit, request, now):
    out = SearchHit(
        title=hit.title,
        url=hit.url,
        type=hit.type,
        type_label=str(hit.type_label),
        date=hit.date,
        period=hit.period,
        snippet=plain(hit.snippet),
        snippet_html=str(hit.snippet),
        attached_to=[
            AttachedPage(title=page.title, url=page.get_url(request) or "") for page in hit.attached
        ],
    )
    if isinstance(hit.call, CallPage):
        out.state = hit.call.state_at(now)
        out.state_label = str(call_state.STATE_LABELS[out.state])
    return out


def facets_out(options):
    return [
        FacetOut(
            name=name,
            title=str(title),
            options=[
                FacetOptionOut(
                    value=option.value, label=option.label, count=option.count, active=option.active
                )
                for option in options.get(name, [])
            ],
        )
        for name, title in FACET_TITLES.items()
        if options.get(name)
    ]


def promotion_out(promotion, request):
    if promotion.page is not None:
        title, url = promotion.page.title, promotion.page.get_url(request) or ""
    else:
        title = promotion.external_link_text or promotion.external_link_url
        url = promotion.external_link_url
    return PromotionOut(title=title, url=url, description=promotion.description or "")


@router.get(
    "/",
    response=SearchResponse,
    summary="Ricerca pubblica: risultati, filtri con i conteggi, risultati promossi",
)
def search(request: HttpRequest, params: Query[SearchParams]):
    outcome = run_search(request, request.GET)
    if outcome.results is None:
        return SearchResponse(
            query=outcome.query,
            message=outcome.message or str(NOTHING_TO_SEARCH),
            count=0,
            more=False,
            page=1,
            num_pages=0,
            results=[],
            facets=[],
            promotions=[],
        )
    results, now = outcome.results, timezone.now()
    return SearchResponse(
        query=outcome.query,
        message=outcome.message or ("" if outcome.count else str(NO_RESULTS)),
        count=outcome.count,
        more=outcome.more_results,
        page=results.number,
        num_pages=results.paginator.num_pages if outcome.count else 0,
        results=[hit_out(hit, request, now) for hit in results.object_list],
        facets=facets_out(outcome.options),
        promotions=[promotion_out(promotion, request) for promotion in outcome.promotions],
    )


@router.get(
    "/autocomplete/",
    response=list[Suggestion],
    summary="Suggerimenti mentre si scrive: titoli di pagine pubbliche",
)
def autocomplete(request: HttpRequest, q: str = ""):
    return suggestions(q, request)
