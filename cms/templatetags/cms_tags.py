"""Template helpers of the public site: menu, breadcrumb, tags, pagination, icons, summaries.

Each helper runs a fixed number of queries whatever the number of items on the page: the menu
and the breadcrumb none once remembered (cms/site_structure.py), tag links one or two (tags,
and the parent page unless routing left it on the page), the rest none.
"""

import html
from urllib.parse import urlencode

from django import template
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail.models import Page, Site
from wagtail.rich_text import RichText, expand_db_html

from cms import menu, site_structure
from cms.call_state import STATE_LABELS

register = template.Library()

SPRITES = "bootstrap-italia/svg/sprites.svg"

FILE_ICONS = {
    "pdf": "it-file-pdf",
    "doc": "it-file-docx",
    "docx": "it-file-docx",
    "odt": "it-file-odt",
    "rtf": "it-file-txt",
    "txt": "it-file-txt",
    "csv": "it-file-csv",
    "xls": "it-file-xlsx",
    "xlsx": "it-file-xlsx",
    "ods": "it-file-ods",
    "ppt": "it-file-ppt",
    "pptx": "it-file-ppt",
    "odp": "it-file-odp",
    "zip": "it-file-compressed",
}


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu's entries (cms/menu.py): the site root's live, public children flagged
    "show in menus", in tree order, each with its page and its validator hook.

    Remembered until content changes (cms/site_structure.py): no query on most requests.
    """
    site = _site(context)
    if site is None:
        return []
    return site_structure.main_menu(site)


@register.simple_tag(takes_context=True)
def active_menu_key(context, page):
    """The pk of the menu entry ``page`` lies under, with "=" when it is that entry itself
    (for ``aria-current``); empty outside the menu. The header is cached by it."""
    if not getattr(page, "path", None):  # no page, or a 404's context that names another
        return ""
    entry = menu.active_entry(main_menu(context), page)
    if entry is None:
        return ""
    return f"{entry.pk}{'=' if entry.pk == page.pk else ''}"


@register.filter
def menu_state(entry, menu_key):
    """ "current" for the entry of the page shown, "active" for the entry it lies under."""
    if not menu_key or menu_key.rstrip("=") != str(entry.pk):
        return ""
    return "current" if menu_key.endswith("=") else "active"


@register.simple_tag
def section_link_hook(section, link):
    """The validator's hook of an entry of a menu section page (cms/menu.py)."""
    return menu.link_hook(section, link)


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page):
    """Ancestors of ``page`` from the site root down, without ``page`` itself (remembered)."""
    site = _site(context)
    if site is None:
        return []
    return site_structure.ancestors(page, site.root_page.depth)


@register.simple_tag
def tag_links(page):
    """``(tag, url)`` pairs: the parent listing filtered by the tag, else the site search."""
    tags = list(page.tags.all())
    if not tags:
        return []
    from django.urls import reverse

    from cms.models.listing import SectionIndexPage

    parent = page.get_parent()
    listing_url = None
    if parent is not None and issubclass(parent.specific_class or Page, SectionIndexPage):
        listing_url = parent.url
    search_url = reverse("search:search")
    links = []
    for tag in tags:
        if listing_url:
            links.append((tag, f"{listing_url}?tag={tag.slug}"))
        else:
            links.append((tag, f"{search_url}?{urlencode({'q': tag.name})}"))
    return links


@register.simple_tag
def elided_page_range(page_obj, on_each_side=2, on_ends=1):
    """Page numbers around the current one with ``…`` gaps, as ``Paginator`` elides them."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


@register.filter
def is_page_number(value):
    """False for the ellipsis of an elided page range."""
    return isinstance(value, int)


@register.filter
def rich_text(value):
    """Wagtail's ``richtext`` filter, the same HTML, without rendering a template for each
    field: Wagtail's (wagtailcore/shared/richtext.html) only marks the expanded HTML safe, and
    a minutes page has two rich text fields per agenda item."""
    if isinstance(value, RichText):
        return value
    if not value:
        return ""
    return mark_safe(expand_db_html(str(value)))  # noqa: S308 - the editor's sanitised HTML


@register.filter
def icon_url(name):
    """Path of a Bootstrap Italia sprite icon, e.g. ``{{ "it-search"|icon_url }}``."""
    return f"{static(SPRITES)}#{name}"


@register.filter
def file_icon(extension):
    """The sprite icon name for a file extension: ``pdf`` -> ``it-file-pdf``."""
    return FILE_ICONS.get((extension or "").lower().lstrip("."), "it-file")


@register.filter
def type_label(obj):
    """The Italian name of a page's type, e.g. "Verbale" (templates cannot read ``_meta``)."""
    model = getattr(obj, "specific_class", None) or type(obj)
    return capfirst(model._meta.verbose_name)


@register.filter
def summary(page):
    """Plain-text summary of a page: its search description, else its intro without markup."""
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    return " ".join(html.unescape(strip_tags(str(text))).split())


@register.filter
def call_state_label(state):
    """The Italian label of a call state key, so a badge computes the state only once."""
    return STATE_LABELS.get(state, "")
