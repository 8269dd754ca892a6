"""Template helpers of the public site."""

from django import template
from django.utils.text import capfirst
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site root's live, public children flagged "show in menus", in tree order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return site.root_page.get_children().live().public().in_menu()


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page):
    """Ancestors of ``page`` below the site root, the site root first."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return page.get_ancestors().filter(depth__gte=site.root_page.depth).specific()


@register.filter
def icon_url(name):
    """Path of a Bootstrap Italia sprite icon, e.g. ``{{ "it-search"|icon_url }}``."""
    from django.templatetags.static import static

    return f"{static('bootstrap-italia/svg/sprites.svg')}#{name}"


@register.filter
def contains_page(section, page):
    """True when ``page`` is ``section`` or lies below it (for the active menu item)."""
    return bool(page) and hasattr(page, "path") and page.path.startswith(section.path)


@register.filter
def type_label(obj):
    """The Italian name of a page's type, e.g. "Verbale"."""
    return capfirst(obj._meta.verbose_name)
