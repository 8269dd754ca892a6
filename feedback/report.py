"""The figures of the admin report on page ratings, from a queryset of ratings: per page the
count, the average, the distribution of stars and the day of the last rating; for one page
also the follow-up answers and the latest comments. Plain functions, one or two queries each."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Max, Q
from wagtail.models import Page

from .questions import ANSWER_LABELS, RATINGS


@dataclass
class PageSummary:
    page: Page
    count: int
    average: float
    last: object
    stars: dict[int, int] = field(default_factory=dict)

    @property
    def distribution(self):
        """[(stars, count, percent)] from 5 down to 1."""
        return [
            (n, self.stars.get(n, 0), round(100 * self.stars.get(n, 0) / self.count))
            for n in reversed(RATINGS)
        ]


def _star_counts():
    return {f"r{n}": Count("pk", filter=Q(rating=n)) for n in RATINGS}


def page_summaries(ratings) -> list[PageSummary]:
    """One summary per rated page, the most rated first."""
    rows = list(
        ratings.values("page")
        .annotate(
            count=Count("pk"), average=Avg("rating"), last=Max("created_on"), **_star_counts()
        )
        .order_by("-count", "page")
    )
    pages = Page.objects.select_related("content_type").in_bulk([row["page"] for row in rows])
    return [
        PageSummary(
            page=pages[row["page"]],
            count=row["count"],
            average=round(row["average"], 2),
            last=row["last"],
            stars={n: row[f"r{n}"] for n in RATINGS},
        )
        for row in rows
        if row["page"] in pages
    ]


def page_summary(ratings, page) -> PageSummary | None:
    found = page_summaries(ratings.filter(page=page))
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
