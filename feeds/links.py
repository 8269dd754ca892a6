"""Which feeds and calendars a public page points to, with their Italian names."""

from dataclasses import dataclass

from django.urls import reverse

from cms.models import (
    CallIndexPage,
    CallPage,
    HomePage,
    MinutesIndexPage,
    MinutesPage,
    NewsIndexPage,
    NewsPage,
)

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
ICAL = "text/calendar"


@dataclass(frozen=True)
class FeedLink:
    label: str
    url: str
    mime: str

    @property
    def is_calendar(self):
        return self.mime == ICAL


def everything():
    return [
        FeedLink("Feed RSS di tutte le novità", reverse("feeds:all_rss"), RSS),
        FeedLink("Feed Atom di tutte le novità", reverse("feeds:all_atom"), ATOM),
    ]


def site_calendar():
    return FeedLink(
        "Calendario delle sedute e delle scadenze dei bandi (iCal)", reverse("feeds:calendar"), ICAL
    )


def section(key, name):
    return [
        FeedLink(f"Feed RSS {name}", reverse(f"feeds:{key}_rss"), RSS),
        FeedLink(f"Feed Atom {name}", reverse(f"feeds:{key}_atom"), ATOM),
    ]


def news():
    return section("news", "delle notizie")


def minutes():
    return section("minutes", "dei verbali")


def calls():
    return section("calls", "dei bandi")


def network(network):
    kwargs = {"slug": network.slug}
    return [
        FeedLink(
            f"Feed RSS dei verbali: {network.name}",
            reverse("feeds:network_rss", kwargs=kwargs),
            RSS,
        ),
        FeedLink(
            f"Feed Atom dei verbali: {network.name}",
            reverse("feeds:network_atom", kwargs=kwargs),
            ATOM,
        ),
        FeedLink(
            f"Calendario delle sedute: {network.name} (iCal)",
            reverse("feeds:network_calendar", kwargs=kwargs),
            ICAL,
        ),
    ]


def home():
    return [*everything(), *news()[:1], *minutes()[:1], *calls()[:1], site_calendar()]


def for_page(page, network_shown=None):
    """The feeds of what ``page`` shows: its section's feeds (and the calendar for minutes and
    calls), a network's feeds on that network's page; empty for other pages."""
    if network_shown is not None:
        return network(network_shown)
    if isinstance(page, HomePage):
        return home()
    if isinstance(page, NewsIndexPage | NewsPage):
        return news()
    if isinstance(page, MinutesIndexPage | MinutesPage):
        return [*minutes(), site_calendar()]
    if isinstance(page, CallIndexPage | CallPage):
        return [*calls(), site_calendar()]
    return []


def for_head(page, network_shown=None):
    """The page's feeds, then the feed of everything (announced on every page)."""
    feeds = for_page(page, network_shown)
    urls = {feed.url for feed in feeds}
    return feeds + [feed for feed in everything() if feed.url not in urls]
