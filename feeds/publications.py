"""The pages a feed or a calendar may show: live, public, on the site that was asked for."""

from datetime import UTC, datetime

from django.db.models import F
from django.http import Http404
from wagtail.models import Site

from cms import site_structure
from cms.models import MinutesPage, PageTag
from network.models import Network


def site_root(request):
    """The root page of the site answering ``request``, or None when no site is configured."""
    site = Site.find_for_request(request)
    return site.root_page if site else None


def site_hostname(request):
    """The configured host name of the site: the right-hand side of calendar UIDs, so they
    stay the same whichever address (proxy, www or not) the calendar is fetched from."""
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def visible(model, root):
    """Live, public pages of ``model`` below ``root`` (none without a site)."""
    if root is None:
        return model.objects.none()
    return site_structure.public(model.objects.live()).descendant_of(root)


# A page made live by a script, never published, has no publication date: it comes last.
NEVER_PUBLISHED = datetime.min.replace(tzinfo=UTC)


def latest(root, models, limit, network=None):
    """The ``limit`` most recently published pages of ``models``, newest first.

    One query per model, so each can join what its descriptions need; ``network`` keeps the
    minutes of that body only."""
    pages = []
    for model in models:
        queryset = visible(model, root)
        if issubclass(model, MinutesPage):
            queryset = queryset.select_related("meeting_body")
            if network is not None:
                queryset = queryset.filter(meeting_body=network)
        newest = F("first_published_at").desc(nulls_last=True)
        pages.extend(queryset.order_by(newest, "-pk")[:limit])
    pages.sort(key=lambda page: (page.first_published_at or NEVER_PUBLISHED, page.pk), reverse=True)
    return pages[:limit]


def tag_names(pages):
    """``{page pk: [tag names]}`` for ``pages``, in one query."""
    names = {page.pk: [] for page in pages}
    rows = (
        PageTag.objects.filter(content_object_id__in=names)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name")
    )
    for page_id, name in rows:
        names[page_id].append(name)
    return names


def network_or_404(slug):
    try:
        return Network.objects.get(slug=slug)
    except Network.DoesNotExist:
        raise Http404("Rete non trovata.") from None


def first_listing(root, model):
    """The first live, public page of ``model`` on the site (a section listing), or None."""
    return visible(model, root).order_by("path").first()


def network_index(root):
    from network.models import NetworkIndexPage

    return first_listing(root, NetworkIndexPage)
