"""Template helpers that show registry data on the public site (public labels only)."""

from django import template

from network import public

register = template.Library()


@register.simple_tag
def meeting_attendance(page):
    """Present / absent / excused groups of public labels for a minutes page (one query)."""
    return public.meeting_attendance(page)


@register.simple_tag(takes_context=True)
def network_public_url(context, network):
    """The public address of ``network`` on the networks page, or "" when there is none.

    The networks page is looked up once per request."""
    request = context.get("request")
    marker = "_network_index_page"
    index = getattr(request, marker, False) if request is not None else False
    if index is False:
        index = public.network_index_page()
        if request is not None:
            setattr(request, marker, index)
    if index is None or network is None:
        return ""
    return index.network_url(network.slug, index.get_url(request))
