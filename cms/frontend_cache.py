"""Purge of the caching proxy in front of the site (Varnish, nginx, Cloudflare), through
``wagtail.contrib.frontend_cache``: settings ``WAGTAILFRONTENDCACHE``, from the environment
``FRONTEND_CACHE_URL`` and ``CLOUDFLARE_*``; nothing happens when none is set.

Wagtail itself purges a page's own address when it is published or unpublished. This module
adds what changes with it in the JSON API (the page in v3 and v2, the content listing, its
parent's listing) and, when a membership of the registry changes, the registry's API
addresses and the network's public page. The purge requests are sent by the task worker
(Wagtail's purge task), never in the editor's request, and only after the commit, so the
proxy cannot fetch the old content again before the change is visible.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _root_url(page=None):
    site = page.get_site() if page is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else None


def page_api_paths(page):
    paths = [
        f"/api/v3/pages/{page.pk}/",
        f"/api/v2/pages/{page.pk}/",
        "/api/v3/pages/",
        "/api/v3/content/",
    ]
    parent = page.get_parent()
    if parent is not None:
        paths += [f"/api/v3/pages/?child_of={parent.pk}", f"/api/v2/pages/?child_of={parent.pk}"]
    return paths


def registry_paths(slug, membership_id=None):
    paths = [
        "/api/v3/registry/networks/",
        f"/api/v3/registry/networks/{slug}/",
        f"/api/v3/registry/networks/{slug}/gaps/",
        "/api/v3/registry/gaps/",
        "/api/v3/registry/matrix/",
        "/api/v3/registry/memberships/",
        "/api/v3/registry/popolo/",
    ]
    if membership_id is not None:
        paths.append(f"/api/v3/registry/memberships/{membership_id}/")
    return paths


def network_page_urls(slug):
    """The public list of the networks and the network's own page, where the site has them."""
    from network.models import NetworkIndexPage

    index = NetworkIndexPage.objects.live().first()
    base = index.get_full_url() if index is not None else None
    if not base:
        return []
    return [base, index.network_url(slug, base=base)]


def purge_after_commit(urls):
    batch = PurgeBatch(urls)
    transaction.on_commit(batch.purge, robust=True)


def page_changed(sender, instance, **kwargs):
    if not configured():
        return
    root = _root_url(instance)
    if root:
        purge_after_commit(root + path for path in page_api_paths(instance))


def membership_changed(sender, instance, **kwargs):
    if not configured():
        return
    from network.models import Network

    slug = Network.objects.filter(pk=instance.network_id).values_list("slug", flat=True).first()
    root = _root_url()
    if slug is None or root is None:
        return
    urls = [root + path for path in registry_paths(slug, instance.pk)]
    purge_after_commit(urls + network_page_urls(slug))
