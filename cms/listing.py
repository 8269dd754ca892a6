"""Listing filters of the section index pages, as plain functions over request parameters.

Invalid values (``?year=abc``, an unknown state or category, a 10,000-character tag) are
dropped, never raised: a listing always renders, showing what the valid filters select.
"""

from dataclasses import dataclass

from django.utils.text import slugify

MIN_YEAR, MAX_YEAR = 1990, 2100
MAX_SLUG = 100
# The service category filter keeps the Italian name of AgID's model (``?categoria=``).
CATEGORY_PARAM = "categoria"


@dataclass(frozen=True)
class ListingParams:
    year: int | None = None
    body: str = ""
    state: str = ""
    tag: str = ""
    category: str = ""
    page: str = "1"

    @property
    def active(self):
        return bool(self.year or self.body or self.state or self.tag or self.category)

    def as_query(self, **overrides):
        """The query string of these filters (without the page), for pagination links."""
        values = {
            "year": self.year or "",
            "body": self.body,
            "state": self.state,
            "tag": self.tag,
            CATEGORY_PARAM: self.category,
        }
        values.update(overrides)
        return "&".join(f"{key}={value}" for key, value in values.items() if value)


def _clean_slug(value):
    """The value if it is a well-formed slug; a truncated slug would name another tag, so no."""
    value = value or ""
    if not value or len(value) > MAX_SLUG or slugify(value, allow_unicode=True) != value:
        return ""
    return value


def parse_params(query, state_keys=(), category_keys=()):
    """Read listing filters from a QueryDict, keeping only well-formed values."""
    year = None
    raw_year = (query.get("year") or "").strip()
    if raw_year.isdigit() and len(raw_year) == 4 and MIN_YEAR <= int(raw_year) <= MAX_YEAR:
        year = int(raw_year)
    state = query.get("state") or ""
    category = query.get(CATEGORY_PARAM) or ""
    page = (query.get("page") or "1")[:6]
    return ListingParams(
        year=year,
        body=_clean_slug(query.get("body")),
        state=state if state in state_keys else "",
        tag=_clean_slug(query.get("tag")),
        category=category if category in category_keys else "",
        page=page,
    )
