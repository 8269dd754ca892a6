"""Security plumbing shared by the settings: the Content-Security-Policy for the public site and
for the Wagtail admin, and the client address that login rate limiting (django-axes) counts."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import default_config
from django.conf import settings


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp with a second policy for the admin (CONTENT_SECURITY_POLICY_ADMIN) under
    CSP_ADMIN_PATH_PREFIXES: Wagtail's admin still writes a few inline scripts (inline panels,
    date pickers) and style attributes, which the public policy refuses."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        configured = getattr(
            settings,
            "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY",
            None,
        )
        if (
            configured
            and parts.config is None
            and request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))
        ):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        elif parts.config is None and parts.update is None and is_html(response):
            origin = analytics_origin(request)
            if origin:
                parts.update = {
                    "script-src": [origin],
                    "img-src": [origin],
                    "connect-src": [origin],
                }
        return parts


def is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def analytics_origin(request) -> str:
    """The visit-statistics tracker's origin when the editors configured one
    (Impostazioni > Statistiche di visita), else "": the public policy then names no other host.
    The tracker itself loads only after the visitor's consent (frontend/js/consent.js)."""
    from cms.models import WebAnalytics

    if request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)):
        return ""
    return WebAnalytics.load(request).tracker_origin


def client_ip(request):
    """The address that login attempts are counted against.

    Behind our reverse proxy every request comes from the proxy's address, so the client is the
    right-most X-Forwarded-For entry: the one the proxy appended itself (entries further left
    are whatever the client sent, and can be forged)."""
    if settings.CLIENT_IP_FROM_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [item.strip() for item in forwarded.split(",") if item.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the login form while a username is locked out (HTTP 429)."""
    from axes.helpers import get_client_username, get_cool_off
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": minutes,
    }
    return render(request, "axes/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
