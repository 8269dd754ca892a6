"""The calendars (.ics) and robots.txt."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from cms.models import BodyIdentity

from . import publications
from .events import calendar_events
from .syndication import MAX_AGE


def calendar_response(request, network=None):
    root = publications.site_root(request)

    def url_of(page):
        return request.build_absolute_uri(page.get_url(request))

    events = calendar_events(root, publications.site_hostname(request), url_of, network)
    body_name = BodyIdentity.load(request_or_site=request).name
    if network is None:
        name = f"{body_name} – sedute e scadenze"
        description = "Sedute degli organi e delle reti e scadenze dei bandi."
        filename = "calendario.ics"
    else:
        name = f"{network.name} – sedute"
        description = f"{network.name}: sedute e scadenze dei bandi collegati ({body_name})."
        filename = f"calendario-{network.slug}.ics"
    # icalendar (4 MB) is loaded by the workers that serve a calendar, not by every worker.
    from .ics import calendar_bytes

    response = HttpResponse(
        calendar_bytes(events, name=name, description=description),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
@cache_control(public=True, max_age=MAX_AGE)
def site_calendar(request):
    return calendar_response(request)


@require_safe
@cache_control(public=True, max_age=MAX_AGE)
def network_calendar(request, slug):
    return calendar_response(request, publications.network_or_404(slug))


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    # Disallow lines only: parsers that stop at the first matching rule read them right.
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
