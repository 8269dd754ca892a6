"""What every public page needs and what changes only with content, kept in memory.

A page of the site is not only its own content: the site for the host, the route from the
address to the page, the view restrictions above it, the menu, the breadcrumb, the body's
identity and the address of the networks' page. Asked of the database on every request, those
cost two thirds of a page's queries and most of its time in the ORM. They change only when
content changes, so each process remembers them under the content *generation* of
cms/response_cache.py, which any save or delete of content moves on: the first request after a
change computes them again.

Processes learn of each other's changes at once through the generation (a shared file on one
machine, Redis across machines); as a last bound, an entry is never kept longer than
``API_CACHE_SECONDS``. What is kept is never handed out to be changed: pages are only read,
settings are copied.
"""

import copy
import time

from django.conf import settings
from django.db.models import Q
from wagtail.models import PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from cms.response_cache import generation

# Past this many entries the memory is emptied rather than grown (a crawl of every address).
MAX_ENTRIES = 20_000
_memo: dict = {}


def _max_age() -> float:
    return float(getattr(settings, "API_CACHE_SECONDS", 60))


_MISSING = object()


def _recall(key, current):
    """The value kept under ``key`` for generation ``current``, or ``_MISSING``."""
    entry = _memo.get(key)
    if entry is not None and entry[0] == current and time.monotonic() - entry[1] < _max_age():
        return entry[2]
    return _MISSING


def _keep(key, current, value) -> None:
    if len(_memo) >= MAX_ENTRIES:
        _memo.clear()
    _memo[key] = (current, time.monotonic(), value)


def remembered(key, compute):
    """``compute()``, computed again only after content changed or the entry aged out."""
    current = generation()
    value = _recall(key, current)
    if value is _MISSING:
        value = compute()
        _keep(key, current, value)
    return value


def forget_everything() -> None:
    """Empty the memory of this process (tests, and after bulk changes made without signals)."""
    _memo.clear()


# --------------------------------------------------------------------------- site and route


def site_for_request(request):
    """The Site answering this host, its root page already read as its specific type."""
    host = request._get_raw_host()
    port = request.get_port()

    def load():
        site = Site._find_for_request(request)
        if site is not None:
            _ = site.root_page.specific  # read once, kept with the site
        return site

    return remembered(("site", host, port), load)


def route(root, request, path_components, default_route):
    """Wagtail's route from ``root`` down ``path_components``, remembered as the page's type
    and id: a known address costs one query (the page itself) instead of two per level.

    Only plain page routes are remembered; a route with arguments (a routable page's own
    sub-address) goes through Wagtail every time.
    """
    if not path_components:
        return default_route(request, path_components)
    key = ("route", root.pk, tuple(path_components))
    current = generation()
    known = _recall(key, current)
    if known is not _MISSING:
        model, pk, parent = known
        page = model._default_manager.filter(pk=pk, live=True).first()
        if page is not None:
            if parent is not None:
                page._cached_parent_obj = parent
            return RouteResult(page)
    result = default_route(request, path_components)
    page, args, kwargs = result
    if not args and not kwargs and page.live:
        _keep(key, current, (type(page), page.pk, getattr(page, "_cached_parent_obj", None)))
    return result


# --------------------------------------------------------------------------- restrictions


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages that carry a view restriction (a short list)."""
    return remembered(
        ("restricted-paths",),
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def under_restriction(page) -> bool:
    """True when ``page`` or one of its ancestors has a view restriction."""
    return any(page.path.startswith(path) for path in restricted_paths())


# --------------------------------------------------------------------------- site parts


def main_menu(site) -> list:
    """The site root's live, public children shown in menus, in tree order, as menu entries
    (cms/menu.py: the page, its validator hook, the paths it covers)."""
    from cms.menu import build_menu

    return remembered(
        ("main-menu", site.pk),
        lambda: build_menu(
            public(site.root_page.get_children().live()).in_menu().specific(),
            site.root_page.depth,
        ),
    )


def children(page) -> list:
    """The live, public children of ``page`` as specific pages, in tree order."""
    return remembered(
        ("children", page.pk),
        lambda: list(public(page.get_children().live()).specific()),
    )


def ancestors(page, from_depth: int) -> list:
    """The ancestors of ``page`` from ``from_depth`` down, without ``page`` itself."""
    parent_path = page.path[: -page.steplen]
    return remembered(
        ("ancestors", parent_path, from_depth),
        lambda: list(page.get_ancestors().filter(depth__gte=from_depth)),
    )


def generic_setting(model, request):
    """A generic Wagtail setting (one row) for a public request, as a copy the caller may
    change; None in the admin, which edits the row itself."""
    if request.path_info.startswith("/admin/"):
        return None
    return copy.copy(remembered(("setting", model._meta.label), model._get_or_create))


def public_page_of_type(model):
    """The first live, public page of ``model`` (e.g. the networks' index), or None."""
    return remembered(
        ("page-of-type", model._meta.label),
        lambda: public(model.objects.live()).first(),
    )


# Addresses that are not pages of the site: Wagtail finds their Site itself, if it needs one.
NOT_PAGES = ("/admin/", "/api/", "/documents/", "/healthz", "/static/", "/media/")


def known_site(get_response):
    """Middleware: hands Wagtail the remembered Site of the request's host for public GETs."""

    def middleware(request):
        if request.method in ("GET", "HEAD") and not request.path_info.startswith(NOT_PAGES):
            request._wagtail_site = site_for_request(request)
        return get_response(request)

    return middleware


class KnownViewRestrictions:
    """Page mixin: a page with no view restriction above it says so from memory, sparing the
    two queries Wagtail runs before serving every page. Restricted pages and aliases go
    through Wagtail's own lookup."""

    def get_view_restrictions(self):
        if self.alias_of_id is None and not under_restriction(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def public(queryset):
    """``queryset.public()`` (pages outside every restricted section) without the query
    Wagtail runs for it each time: the restricted sections come from memory."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset
