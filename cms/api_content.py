"""`/api/v3/content/`: published plans, minutes, calls and news with the filters of the site's
listings (type, year, body or network, topic, call state), newest first.

Wagtail's `/api/v3/pages/` lists pages by type and by stored field; a call's state is computed
from its dates (cms/call_state.py) and a page's year is its natural date (the meeting, the
news date, the plan's first year, the call's opening), so the public filters live here. The
query count does not depend on the page size: one COUNT, one page of ids, one query per page
type, one for the tags.
"""

import datetime
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from wagtail.models import Page

from cms import call_state, site_structure
from cms.models import CallPage, MinutesPage, NewsPage, PageTag, PlanPage
from search import facets

router = Router(tags=["content"])

MAX_LIMIT = 50
TYPES = {"piano": PlanPage, "verbale": MinutesPage, "bando": CallPage, "notizia": NewsPage}
ContentType = Literal["piano", "verbale", "bando", "notizia"]
State = Literal["scheduled", "open", "in_evaluation", "closed", "awarded", "cancelled"]


class ContentFilters(Schema):
    type: ContentType | None = None
    year: int | None = None
    body: str | None = None
    tag: str | None = None
    state: State | None = None
    limit: int = 20
    offset: int = 0


class ContentItem(Schema):
    id: int
    type: str
    type_label: str
    title: str
    intro: str
    html_url: str
    detail_url: str
    date: datetime.date | None = None
    state: str | None = None
    state_label: str | None = None
    tags: list[str]


class ContentList(Schema):
    count: int
    limit: int
    offset: int
    items: list[ContentItem]


def natural_date(page, now):
    if isinstance(page, MinutesPage):
        return page.meeting_date
    if isinstance(page, NewsPage):
        return page.date
    if isinstance(page, PlanPage):
        return datetime.date(page.start_year, 1, 1)
    if isinstance(page, CallPage) and page.opening:
        return timezone.localdate(page.opening)
    return timezone.localdate(page.first_published_at) if page.first_published_at else None


@router.get("/", response=ContentList, summary="Contenuti pubblicati, con i filtri del sito")
def list_content(request: HttpRequest, filters: Query[ContentFilters]):
    if not 1 <= filters.limit <= MAX_LIMIT:
        raise HttpError(400, f"limit deve essere tra 1 e {MAX_LIMIT}")
    if filters.offset < 0:
        raise HttpError(400, "offset non può essere negativo")
    if filters.state and filters.type not in (None, "bando"):
        raise HttpError(400, "lo stato vale solo per i bandi (type=bando)")
    params = request.GET.copy()
    params["type"] = filters.type or ""
    parsed = facets.parse_filters(params)
    for name in ("year", "body", "tag", "state"):
        if request.GET.get(name) and not getattr(parsed, name):
            raise HttpError(400, f"valore non valido per {name}")
    now = timezone.now()
    base = site_structure.public(Page.objects.live()).filter(
        content_type__in=list(facets.type_content_types().values())
    )
    pages = facets.filtered(base, parsed, now).order_by(*facets.date_order())
    count = pages.count()
    ids = list(pages.values_list("pk", flat=True)[filters.offset : filters.offset + filters.limit])
    specific = {}
    for model in TYPES.values():  # one query per type, shown or not: a constant count
        specific.update((page.pk, page) for page in model.objects.filter(pk__in=ids))
    tags = {}
    for page_id, name in PageTag.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag__name"
    ):
        tags.setdefault(page_id, []).append(name)
    items = []
    for pk in ids:
        page = specific.get(pk)
        if page is None:
            continue
        kind = facets.type_of(type(page))
        item = ContentItem(
            id=page.pk,
            type=kind,
            type_label=str(facets.TYPE_LABELS[kind]),
            title=page.title,
            intro=getattr(page, "intro", "") or "",
            html_url=page.get_full_url(request) or "",
            detail_url=request.build_absolute_uri(f"/api/v3/pages/{page.pk}/"),
            date=natural_date(page, now),
            tags=sorted(tags.get(pk, []), key=str.casefold),
        )
        if isinstance(page, CallPage):
            item.state = page.state_at(now)
            item.state_label = str(call_state.STATE_LABELS[item.state])
        items.append(item)
    return ContentList(count=count, limit=filters.limit, offset=filters.offset, items=items)
