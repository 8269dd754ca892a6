"""The public side: the page-feedback endpoint and the "Segnala disservizio" form.

Page feedback and the page cache. Every public page carries the rating form and is cached
whole for anonymous visitors (cms/response_cache.py): every visitor gets the same bytes. A
CSRF token would be one visitor's token served to all, so the form carries none and this
endpoint is ``csrf_exempt``. What CSRF would protect against (another site making a
visitor's browser post a rating) gains an attacker nothing here: the endpoint changes no
account and reads no session. It is protected instead by a honeypot field, a daily limit per
client (feedback/ratelimit.py: a keyed hash of address and day, never the address), a check
that the page is live and public and that the rated address is one it serves
(feedback/addresses.py), and length limits. It sets no cookie and stores no
personal data (feedback/models.py).

The report form is not cached (``never_cache``: its CSRF token belongs to one visitor), so
it keeps Django's CSRF protection.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.encoding import iri_to_uri
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from cms.site_structure import public

from . import addresses, questions, ratelimit
from .forms import InefficiencyReportForm, PageFeedbackForm
from .models import PageFeedback

THANKS_QUERY = "valutazione=grazie"


def feedback_limit():
    return getattr(settings, "FEEDBACK_DAILY_LIMIT", 30)


def report_limit():
    return getattr(settings, "INEFFICIENCY_REPORT_DAILY_LIMIT", 5)


def rated_page(page_id):
    """The live, public page with this id (not the tree's root), or None."""
    if page_id is None:
        return None
    return public(Page.objects.live().filter(pk=page_id, depth__gt=1)).first()


def rated_url(request, page, subpath=""):
    """The public address the rating was given on: the page's own, or its sub-page's."""
    return iri_to_uri(f"{page.get_url(request)}{subpath}")


def _refused(request, message, page=None, status=400, subpath=""):
    response = render(
        request,
        "feedback/feedback_refused.html",
        {"message": message, "back_url": rated_url(request, page, subpath) if page else "/"},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
@require_POST
def page_feedback(request):
    """Store a rating sent by the form at the foot of every page, then go back to the address
    it was given on (Post/Redirect/Get) where the thank-you message replaces the form.

    The form sends the page's id and the address it was shown on: a routable page's sub-page
    (a network under «Reti») is rated as such, once the address is known to be one the page
    serves (feedback/addresses.py)."""
    form = PageFeedbackForm(request.POST)
    page_id = request.POST.get("pagina", "")
    page = rated_page(int(page_id) if page_id.isdigit() else None)
    if page is None:
        return _refused(request, "La pagina da valutare non esiste o non è pubblica.")
    subpath = addresses.subpath_of(page, request.POST.get("indirizzo", ""), request)
    if subpath is None:
        return _refused(
            request, "L'indirizzo della pagina valutata non appartiene a questa pagina.", page
        )
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return _refused(request, " ".join(errors), page, subpath=subpath)
    back = f"{rated_url(request, page, subpath)}?{THANKS_QUERY}#feedback"
    if form.is_robot():
        return redirect(back)  # as if stored: a robot learns nothing
    if not ratelimit.allow(request, "feedback", feedback_limit()):
        return _refused(
            request,
            "Hai inviato molte valutazioni oggi: grazie, per oggi non ne registriamo altre.",
            page,
            status=429,
            subpath=subpath,
        )
    PageFeedback.objects.create(page=page, subpath=subpath, **form.feedback_values())
    return redirect(back)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report_inefficiency(request):
    """Segnala disservizio: a form stored for the office, visible in the admin."""
    status = 200
    if request.method == "POST":
        form = InefficiencyReportForm(request.POST, request.FILES)
        if form.is_robot():
            return redirect("feedback:report_thanks")
        if not form.is_valid():
            status = 400
        elif not ratelimit.allow(request, "report", report_limit()):
            form.add_error(
                None,
                "Hai inviato molte segnalazioni oggi: riprova domani, oppure scrivi all'Ufficio "
                "di Piano ai contatti in fondo alla pagina.",
            )
            status = 429
        else:
            form.save()
            return redirect("feedback:report_thanks")
    else:
        form = InefficiencyReportForm()
    context = {"form": form, "privacy_url": privacy_url(request)}
    return render(request, "feedback/report_form.html", context, status=status)


def privacy_url(request):
    """The footer's «Informativa privacy» link (cms.models.FooterLinks), or ""."""
    from cms.models.settings import FooterLinks

    return FooterLinks.load(request_or_site=request).url_of("privacy")


def report_thanks(request):
    return render(request, "feedback/report_thanks.html", {"thanks": questions.THANKS})
