"""Links to the feeds and calendars of the page being shown."""

from django import template

from feeds import links
from network.models import Network

register = template.Library()


def shown_network(context):
    network = context.get("network")
    return network if isinstance(network, Network) else None


@register.simple_tag(takes_context=True)
def page_feeds(context):
    """``{% page_feeds as feeds %}``: the feeds of the section of ``page``, or of the network
    a network's page shows; empty for other pages."""
    return links.for_page(context.get("page"), shown_network(context))


@register.simple_tag(takes_context=True)
def head_feeds(context):
    """The page's feeds and the feed of everything, for ``<link rel="alternate">``."""
    return links.for_head(context.get("page"), shown_network(context))


@register.filter
def has_calendar(feeds):
    return any(feed.is_calendar for feed in feeds)
