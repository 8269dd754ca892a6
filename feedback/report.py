"""The figures of the admin report on page ratings, from a queryset of ratings: per page (and
per sub-page of a routable page: each network under «Reti», each topic under «Argomenti») the
count, the average, the distribution of stars and the day of the last rating; for one of them
also the follow-up answers and the latest comments. Plain functions, a few queries each."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Max, Q
from django.utils.encoding import iri_to_uri
from wagtail.models import Page

from .addresses import served_subpages
from .questions import ANSWER_LABELS, RATINGS


@dataclass
class PageSummary:
    page: Page
    count: int
    average: float
    last: object
    stars: dict[int, int] = field(default_factory=dict)
    # The sub-page rated ("" for the page itself) and its title, when the page can tell.
    subpath: str = ""
    subpage_title: str | None = None

    @property
    def subpage_label(self) -> str:
        """The sub-page's title, or its address when unknown (a network since removed);
        "" for the page itself."""
        if not self.subpath:
            return ""
        return self.subpage_title or f"{self.page.url or '/'}{self.subpath}"

    @property
    def label(self) -> str:
        return self.subpage_label or self.page.title

    @property
    def url(self) -> str:
        return public_url(self.page, self.subpath)

    @property
    def distribution(self):
        """[(stars, count, percent)] from 5 down to 1."""
        return [
            (n, self.stars.get(n, 0), round(100 * self.stars.get(n, 0) / self.count))
            for n in reversed(RATINGS)
        ]


def public_url(page, subpath="") -> str:
    """The public address of ``page`` or of its sub-page ("" when the page has none)."""
    base = page.url
    return iri_to_uri(f"{base}{subpath}") if base else ""


def _star_counts():
    return {f"r{n}": Count("pk", filter=Q(rating=n)) for n in RATINGS}


def page_summaries(ratings) -> list[PageSummary]:
    """One summary per rated page and sub-page, the most rated first."""
    rows = list(
        ratings.values("page", "subpath")
        .annotate(
            count=Count("pk"), average=Avg("rating"), last=Max("created_on"), **_star_counts()
        )
        .order_by("-count", "page", "subpath")
    )
    pages = Page.objects.select_related("content_type").in_bulk([row["page"] for row in rows])
    titles = subpage_titles(pages, rows)
    return [
        PageSummary(
            page=pages[row["page"]],
            count=row["count"],
            average=round(row["average"], 2),
            last=row["last"],
            stars={n: row[f"r{n}"] for n in RATINGS},
            subpath=row["subpath"],
            subpage_title=titles.get((row["page"], row["subpath"])),
        )
        for row in rows
        if row["page"] in pages
    ]


def subpage_titles(pages, rows) -> dict[tuple[int, str], str]:
    """{(page id, sub-address): title} for the sub-pages in ``rows`` whose page can tell:
    only the pages rated on a sub-page are read as their specific type."""
    subpaths = {}
    for row in rows:
        if row["subpath"] and row["page"] in pages:
            subpaths.setdefault(row["page"], set()).add(row["subpath"])
    titles = {}
    for page_id, wanted in subpaths.items():
        served = served_subpages(pages[page_id].specific, wanted)
        titles.update({(page_id, sub): title for sub, title in served.items() if title})
    return titles


def page_summary(ratings, page, subpath="") -> PageSummary | None:
    found = page_summaries(ratings.filter(page=page, subpath=subpath))
    return found[0] if found else None


def answer_counts(ratings) -> list[tuple[str, int]]:
    """[(answer text, count)], the most chosen first; ratings without an answer left out."""
    rows = ratings.exclude(answer="").values("answer").annotate(n=Count("pk")).order_by("-n")
    return [(ANSWER_LABELS.get(row["answer"], row["answer"]), row["n"]) for row in rows]


def recent_comments(ratings, limit=20):
    return list(ratings.exclude(comment="").order_by("-created_on", "-pk")[:limit])


def page_type_label(page) -> str:
    model = page.content_type.model_class()
    return str(model._meta.verbose_name) if model else ""
