"""Which public address of a page a rating was given on.

Most pages have one address. A routable page (``wagtail.contrib.routable_page``) also serves
sub-pages below its own: the networks' page ``/reti/`` serves each network at
``/reti/<slug>/``, «Argomenti» each topic at ``/argomenti/<slug>/``. The rating form sends the
address it was shown on; a rating keeps the part below the page's own address, its
*sub-address* ("" for the page itself, ``"rete-contatto/"`` for a network), so the report tells
the sub-pages apart and ratings stay with their page when it moves.

The address comes from the visitor's browser, so it is checked before anything is stored: it
must lie under the page's own address and name a sub-page the page really serves (one of its
routes and, when the page can tell, a record that exists).

A routable page tells the titles of its sub-pages with
``subpage_titles(route_name, slugs) -> {slug: title}`` (only those that exist); it must answer
for every route with a ``slug``. Without that method a sub-address that matches a route counts
as served, and the report shows its address instead of a title.
"""

from collections import defaultdict
from urllib.parse import unquote, urlsplit

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin

# Longest address accepted from the form, and longest sub-address stored.
ADDRESS_MAX_LENGTH = 1000
SUBPATH_MAX_LENGTH = 200


def page_path(page, request=None) -> str | None:
    """The path of ``page``'s own address on its site (``/reti/``), decoded, or None."""
    parts = page.get_url_parts(request)
    return unquote(parts[2]) if parts else None


def subpath_of(page, address, request=None) -> str | None:
    """The sub-address of ``page`` that ``address`` (a path sent by the rating form) names:
    ``""`` for the page itself, ``"rete-contatto/"`` for a sub-page it serves; None when the
    address is not one of ``page``'s. Query string and fragment are dropped. An empty address
    (a form cached before the field existed) is the page itself."""
    address = (address or "").strip()
    if not address:
        return ""
    if len(address) > ADDRESS_MAX_LENGTH:
        return None
    parts = urlsplit(address)
    base = page_path(page, request)
    if parts.scheme or parts.netloc or base is None:
        return None
    path = unquote(parts.path)
    if not path.startswith(base):
        return None
    subpath = path[len(base) :]
    if not subpath:
        return ""
    if not subpath.endswith("/"):
        subpath += "/"
    if len(subpath) > SUBPATH_MAX_LENGTH:
        return None
    return subpath if subpath in served_subpages(page.specific, [subpath]) else None


def _resolve(page, subpath):
    """Wagtail's match of ``subpath`` among ``page``'s routes, or None."""
    if not isinstance(page, RoutablePageMixin) or not subpath:
        return None
    try:
        return page.resolve_subpage(f"/{subpath}")
    except Http404:
        return None


def served_subpages(page, subpaths) -> dict[str, str | None]:
    """The sub-addresses among ``subpaths`` that ``page`` (specific) serves, each with the title
    of its sub-page (None when the page cannot tell). One query per route asked."""
    served = {}
    asked = defaultdict(dict)  # route name -> {slug: sub-address}
    titles_of = getattr(page, "subpage_titles", None)
    for subpath in set(subpaths):
        match = _resolve(page, subpath)
        if match is None:
            continue
        slug = match.kwargs.get("slug")
        if titles_of is not None and slug is not None:
            asked[match.url_name][slug] = subpath
        else:
            served[subpath] = None
    for route_name, by_slug in asked.items():
        for slug, title in titles_of(route_name, list(by_slug)).items():
            if slug in by_slug:
                served[by_slug[slug]] = title
    return served
