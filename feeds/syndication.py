"""RSS 2.0 and Atom feeds of the publications (Django's syndication framework).

A feed object is shared by every request, so nothing request-specific is kept on it:
``get_object`` returns a ``Scope`` and ``items`` hands each page its link, tags and
description, which the ``item_*`` methods read back."""

import html
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.models import Page

from cms.models import (
    BodyIdentity,
    CallIndexPage,
    CallPage,
    MinutesIndexPage,
    MinutesPage,
    NewsIndexPage,
    NewsPage,
    PlanPage,
)
from network.models import Network

from . import publications
from .descriptions import item_description

MAX_ITEMS = 30
MAX_AGE = 300  # seconds a reader or a proxy may keep a feed


@dataclass
class Scope:
    request: HttpRequest
    root: Page | None
    network: Network | None = None


class PublicationFeed(Feed):
    feed_type = Rss201rev2Feed
    models: tuple = ()
    section = ""  # "Notizie": the feed's title is the section, then the body's name
    about = ""  # the channel description
    listing_model = None  # the section listing the channel links to
    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    def get_object(self, request, *args, **kwargs):
        return Scope(request=request, root=publications.site_root(request))

    def items(self, scope):
        pages = publications.latest(scope.root, self.models, MAX_ITEMS, network=scope.network)
        tags = publications.tag_names(pages)
        for page in pages:
            page.feed_link = page.get_url(scope.request) or ""
            page.feed_tags = tags[page.pk]
            # Readers take a description as HTML: escape the plain text, keep apostrophes.
            page.feed_description = html.escape(item_description(page), quote=False)
        return pages

    def body_name(self, scope):
        return BodyIdentity.load(request_or_site=scope.request).name

    def title(self, scope):
        return f"{self.section} – {self.body_name(scope)}"

    def description(self, scope):
        return self.about

    def subtitle(self, scope):
        return self.description(scope)

    def author_name(self, scope):
        # Atom wants an author: the publishing body, never a person.
        return self.body_name(scope)

    def link(self, scope):
        listing = None
        if self.listing_model is not None:
            listing = publications.first_listing(scope.root, self.listing_model)
        return (listing.get_url(scope.request) if listing else None) or "/"

    def item_title(self, page):
        return page.title

    def item_link(self, page):
        return page.feed_link

    def item_guid(self, page):
        # The page's translation key never changes, unlike its address.
        return f"urn:uuid:{page.translation_key}"

    def item_description(self, page):
        return page.feed_description

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at or page.first_published_at

    def item_categories(self, page):
        return page.feed_tags


class NewsFeed(PublicationFeed):
    models = (NewsPage,)
    section = "Notizie"
    about = "Le ultime notizie pubblicate."
    listing_model = NewsIndexPage


class MinutesFeed(PublicationFeed):
    models = (MinutesPage,)
    section = "Verbali"
    about = "Gli ultimi verbali pubblicati delle sedute degli organi e delle reti."
    listing_model = MinutesIndexPage


class CallsFeed(PublicationFeed):
    models = (CallPage,)
    section = "Bandi"
    about = "Gli ultimi bandi pubblicati, con scadenza e stato."
    listing_model = CallIndexPage


class NetworkMinutesFeed(PublicationFeed):
    """The minutes of one network (``meeting_body``), by its slug."""

    models = (MinutesPage,)

    def get_object(self, request, slug):
        scope = super().get_object(request)
        scope.network = publications.network_or_404(slug)
        return scope

    def title(self, scope):
        return f"Verbali: {scope.network.name} – {self.body_name(scope)}"

    def description(self, scope):
        return f"Gli ultimi verbali pubblicati. Organo: {scope.network.name}."

    def link(self, scope):
        index = publications.network_index(scope.root)
        if index is None:
            return "/"
        return index.network_url(scope.network.slug, index.get_url(scope.request))


class EverythingFeed(PublicationFeed):
    models = (NewsPage, MinutesPage, CallPage, PlanPage)
    section = "Tutte le novità"
    about = "Notizie, verbali, bandi e piani, dal più recente."

    def link(self, scope):
        return (scope.root.get_url(scope.request) if scope.root else None) or "/"


class AtomMixin:
    feed_type = Atom1Feed


class NewsAtomFeed(AtomMixin, NewsFeed):
    pass


class MinutesAtomFeed(AtomMixin, MinutesFeed):
    pass


class CallsAtomFeed(AtomMixin, CallsFeed):
    pass


class NetworkMinutesAtomFeed(AtomMixin, NetworkMinutesFeed):
    pass


class EverythingAtomFeed(AtomMixin, EverythingFeed):
    pass
