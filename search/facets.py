"""Facets of the search page: the filters read from the request, and their counts.

The matching pages come as a lazy queryset (search/engine.py nests the full-text match as a
subquery); each facet is one GROUP BY over them with the *other* active filters applied, so a
count says how many results the link would give. A handful of queries whatever the number of
matches.

The year of a result is its natural date: the meeting for minutes, the date of a news item,
the first year of a plan, the opening of a call, else the first publication.
"""

import json
from dataclasses import dataclass, replace

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, DateField, IntegerField, Min, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms import call_state
from cms.listing import parse_params
from cms.models import CallPage, MinutesPage, NewsPage, PageTag, PlanPage

RELEVANCE, DATE = "relevance", "date"
SORTS = {RELEVANCE: _("Pertinenza"), DATE: _("Data")}

PAGE = "pagina"
DOCUMENT = "documento"
TYPED_MODELS = {"piano": PlanPage, "verbale": MinutesPage, "bando": CallPage, "notizia": NewsPage}
TYPE_LABELS = {
    "piano": _("Piano"),
    "verbale": _("Verbale"),
    "bando": _("Bando"),
    "notizia": _("Notizia"),
    PAGE: _("Pagina"),
    DOCUMENT: _("Documento"),
}
FACETS = ("type", "year", "body", "tag", "state")
MAX_TAGS = 15


@dataclass(frozen=True)
class SearchFilters:
    type: str = ""
    year: int | None = None
    body: str = ""
    tag: str = ""
    state: str = ""
    sort: str = RELEVANCE
    page: str = "1"

    def active(self):
        """``{facet: value}`` of the filters in use."""
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}

    def without(self, name):
        return replace(self, **{name: None if name == "year" else ""})


def parse_filters(query):
    """The filters of a QueryDict; malformed or unknown values are dropped, never raised."""
    params = parse_params(query, state_keys=list(call_state.STATE_LABELS))
    kind = query.get("type") or ""
    sort = query.get("sort") or ""
    return SearchFilters(
        type=kind if kind in TYPE_LABELS else "",
        year=params.year,
        body=params.body,
        tag=params.tag,
        state=params.state,
        sort=sort if sort in SORTS else RELEVANCE,
        page=params.page,
    )


def within(ids, field="pk"):
    """``field`` among ``ids``, sent as one JSON or array parameter: SQLite refuses more than
    32,766 variables in a statement, and a broad query may match more pages than that."""
    ids = [int(pk) for pk in ids]
    if not ids:
        return Q(**{f"{field}__in": []})
    if connection.vendor == "sqlite":
        rows = RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    elif connection.vendor == "postgresql":
        rows = RawSQL("SELECT unnest(%s::integer[])", (ids,))
    else:
        rows = ids
    return Q(**{f"{field}__in": rows})


def natural_year():
    """The year a result belongs to (see the module docstring), as a Page expression."""
    return Coalesce(
        ExtractYear("minutespage__meeting_date"),
        ExtractYear("newspage__date"),
        "planpage__start_year",
        ExtractYear("callpage__opening"),
        ExtractYear("first_published_at"),
        output_field=IntegerField(),
    )


def natural_date():
    """The day within ``natural_year`` that orders results by date."""
    return Coalesce(
        "minutespage__meeting_date",
        "newspage__date",
        TruncDate("callpage__opening"),
        TruncDate("first_published_at"),
        output_field=DateField(),
    )


def date_order():
    return [natural_year().desc(nulls_last=True), natural_date().desc(nulls_last=True), "-pk"]


def type_content_types():
    """``{type key: content type id}`` of the typed pages; every other page is a "Pagina"."""
    types = ContentType.objects.get_for_models(*TYPED_MODELS.values())
    return {key: types[model].pk for key, model in TYPED_MODELS.items()}


def type_of(model):
    """The type key of a page class."""
    for key, typed in TYPED_MODELS.items():
        if issubclass(model, typed):
            return key
    return PAGE


def filter_q(name, value, now):
    """The Page filter of one facet value (the year needs the ``natural_year`` alias)."""
    if name == "type":
        content_types = type_content_types()
        if value == PAGE:
            return ~Q(content_type_id__in=content_types.values())
        if value == DOCUMENT:
            return Q(pk__in=[])
        return Q(content_type_id=content_types[value])
    if name == "year":
        return Q(natural_year=value)
    if name == "body":
        return (
            Q(pk__in=MinutesPage.objects.filter(meeting_body__slug=value).values("pk"))
            | Q(pk__in=PlanPage.objects.filter(related_networks__slug=value).values("pk"))
            | Q(pk__in=CallPage.objects.filter(related_networks__slug=value).values("pk"))
        )
    if name == "tag":
        return Q(pk__in=PageTag.objects.filter(tag__slug=value).values("content_object_id"))
    if name == "state":
        return Q(pk__in=CallPage.objects.filter(call_state.state_q(value, now)).values("pk"))
    raise ValueError(f"unknown facet: {name}")


def filtered(pages, filters, now, skip=None):
    """Pages of the queryset ``pages`` that pass every active filter but ``skip``."""
    for name, value in filters.active().items():
        if name == skip:
            continue
        if name == "year":
            pages = pages.alias(natural_year=natural_year())
        pages = pages.filter(filter_q(name, value, now))
    return pages


def type_counts(pages):
    by_content_type = dict(
        pages.order_by()
        .values("content_type_id")
        .annotate(n=Count("pk"))
        .values_list("content_type_id", "n")
    )
    counts = {key: by_content_type.pop(pk, 0) for key, pk in type_content_types().items()}
    counts[PAGE] = sum(by_content_type.values())
    return counts


def year_counts(pages):
    rows = (
        pages.order_by()
        .annotate(year=natural_year())
        .values("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    return {year: n for year, n in rows if year}


def body_counts(pages):
    """``{slug: (name, count)}`` over minutes, plans and calls (three GROUP BYs)."""
    subquery = pages.values("pk")
    counts = {}
    sources = [
        MinutesPage.objects.filter(pk__in=subquery).values_list(
            "meeting_body__slug", "meeting_body__name"
        ),
        PlanPage.related_networks.through.objects.filter(planpage_id__in=subquery).values_list(
            "network__slug", "network__name"
        ),
        CallPage.related_networks.through.objects.filter(callpage_id__in=subquery).values_list(
            "network__slug", "network__name"
        ),
    ]
    for source in sources:
        for slug, name, n in source.order_by().annotate(n=Count("pk")):
            counts[slug] = (name, counts.get(slug, (name, 0))[1] + n)
    return counts


def tag_counts(pages, active=""):
    """``{slug: (name, count)}`` of the most used tags, the active one always included."""
    rows = (
        PageTag.objects.filter(content_object_id__in=pages.values("pk"))
        .values_list("tag__slug", "tag__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "tag__name")
    )
    counts = {}
    for slug, name, n in rows:
        if len(counts) < MAX_TAGS or slug == active:
            counts[slug] = (name, n)
    return counts


def state_counts(pages, now):
    calls = CallPage.objects.filter(pk__in=pages.values("pk"))
    return calls.aggregate(
        **{key: Count("pk", filter=call_state.state_q(key, now)) for key in call_state.STATE_LABELS}
    )


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int | None  # None: not counted
    active: bool


def facet_options(pages, filters, now, extra_type_counts=None):
    """``{facet: [FacetOption]}`` for the page: options that select something, or are active.

    ``extra_type_counts`` adds result types that are not pages (documents).
    """
    types = type_counts(filtered(pages, filters, now, skip="type"))
    for key, n in (extra_type_counts or {}).items():
        types[key] = types.get(key, 0) + n
    years = year_counts(filtered(pages, filters, now, skip="year"))
    bodies = body_counts(filtered(pages, filters, now, skip="body"))
    tags = tag_counts(filtered(pages, filters, now, skip="tag"), active=filters.tag)
    states = state_counts(filtered(pages, filters, now, skip="state"), now)

    def options(pairs, current):
        return [
            FacetOption(str(value), str(label), count, str(value) == str(current or ""))
            for value, label, count in pairs
            if count or str(value) == str(current or "")
        ]

    return {
        "type": options(
            ((key, label, types.get(key, 0)) for key, label in TYPE_LABELS.items()), filters.type
        ),
        "year": options(
            (
                (year, year, years.get(year, 0))
                for year in sorted({*years, filters.year} - {None}, reverse=True)
            ),
            filters.year,
        ),
        "body": options(
            sorted(
                ((slug, name, n) for slug, (name, n) in bodies.items()),
                key=lambda row: str(row[1]).casefold(),
            ),
            filters.body,
        ),
        "tag": options(((slug, name, n) for slug, (name, n) in tags.items()), filters.tag),
        "state": options(
            ((key, label, states.get(key, 0)) for key, label in call_state.STATE_LABELS.items()),
            filters.state,
        ),
    }


def uncounted_options(filters):
    """Options without counts, for a query past the match limit (search/engine.py), where
    counting every match per facet would take seconds: the page types, the years with
    published pages, the call states. Bodies and topics need counts to be worth listing."""
    first = Page.objects.live().aggregate(first=Min("first_published_at"))["first"]
    today = timezone.localdate()
    years = range(today.year, (first.year if first else today.year) - 1, -1)

    def options(pairs, current):
        return [
            FacetOption(str(value), str(label), None, str(value) == str(current or ""))
            for value, label in pairs
        ]

    return {
        "type": options(TYPE_LABELS.items(), filters.type),
        "year": options(((year, year) for year in years), filters.year),
        "body": [],
        "tag": [],
        "state": options(call_state.STATE_LABELS.items(), filters.state),
    }
