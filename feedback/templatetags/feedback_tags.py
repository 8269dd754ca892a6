from django import template

from cms.site_structure import under_restriction
from feedback import questions

register = template.Library()


@register.simple_tag(takes_context=True)
def page_feedback_form(context, page):
    """What the rating form at the foot of a page needs, or None where it has no place: an
    editor's preview, a page not live, a page behind a view restriction (the endpoint only
    takes live, public pages). Costs no query."""
    request = context.get("request")
    if (
        request is None
        or getattr(request, "is_preview", False)
        or not getattr(page, "live", False)
        or getattr(page, "depth", 0) < 2
        or under_restriction(page)
    ):
        return None
    return {
        # The address shown: a routable page's sub-page is rated as itself (feedback/addresses.py).
        # The cached copy of a page is per address, so this never differs between visitors.
        "address": request.path,
        "thanked": request.GET.get("valutazione") == "grazie",
        "questions": questions,
        "ratings": list(reversed(questions.RATINGS)),
    }
