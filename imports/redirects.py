"""Permanent redirects from the old addresses of imported content to its new pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect


def old_path(url: str) -> str | None:
    """The path a redirect can answer for ``url`` ("/2017/03/slug.html"), or None when the
    address depends on its query string ("/?p=39"): one path would stand for every post."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.query or parts.path in ("", "/"):
        return None
    return Redirect.normalise_path(parts.path)


class RedirectBook:
    """The redirects valid on every site (``site`` empty), by old path, loaded once.
    ``stage`` saves a new redirect (by default at once; an import may collect them)."""

    def __init__(self, stage=None):
        self._stage = stage or (lambda redirect: redirect.save())
        self._targets: dict[str, int | None] = dict(
            Redirect.objects.filter(site__isnull=True).values_list("old_path", "redirect_page_id")
        )

    def page_id(self, path: str) -> int | None:
        return self._targets.get(path)

    def add(self, path: str, page) -> str:
        """Redirect ``path`` to ``page``: "created", "unchanged" (already there), or "taken"
        (an existing redirect points elsewhere: it is left as the editors set it)."""
        if path in self._targets:
            return "unchanged" if self._targets[path] == page.pk else "taken"
        self._stage(Redirect(old_path=path, site=None, redirect_page=page, is_permanent=True))
        self._targets[path] = page.pk
        return "created"

    def forget(self, path: str):
        """Undo the memory of ``add`` when its savepoint was rolled back."""
        self._targets.pop(path, None)
