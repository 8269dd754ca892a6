"""Template tags for the parts of every page that AgID's validator checks: the footer's links,
the service metadata, the site map."""

from django import template

from cms import service_metadata, site_structure
from cms.models import BodyIdentity, FooterLinks
from cms.models.listing import SectionIndexPage

register = template.Library()

# A site map lists the sections and their pages, not the items of the listings (hundreds of
# minutes and news), and at most this many pages under one section.
SITE_MAP_CHILDREN = 50


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's links from the settings (Impostazioni > Collegamenti del piè di pagina)."""
    request = context.get("request")
    identity = BodyIdentity.load(request)
    return FooterLinks.load(request).links(identity.accessibility_statement_url)


@register.simple_tag(takes_context=True)
def service_metatag(context, page):
    """The JSON-LD description of a call, or of a generic page that describes a service."""
    request = context.get("request")
    identity = BodyIdentity.load(request)
    url = page.get_full_url(request)
    if page.specific_class.__name__ == "CallPage":
        data = service_metadata.call_metadata(page, identity, url)
    elif getattr(page, "describes_service", False):
        data = service_metadata.standard_page_metadata(page, identity, url)
    else:
        return ""
    return service_metadata.metatag_script(data)


@register.simple_tag(takes_context=True)
def site_map(context):
    """The public sections of the site, each with its pages (listings: the section only)."""
    request = context.get("request")
    site = site_structure.site_for_request(request) if request is not None else None
    if site is None:
        return []
    entries = []
    for section in site_structure.children(site.root_page):
        pages = []
        if not isinstance(section, SectionIndexPage):
            pages = site_structure.children(section)[:SITE_MAP_CHILDREN]
        entries.append((section, pages))
    return entries
