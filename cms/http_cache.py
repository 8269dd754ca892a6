"""HTTP caching of the public JSON API: every anonymous GET of /api/ says how long it may be
kept (Cache-Control) and carries an ETag, so a client or a proxy asks again with
If-None-Match and gets a 304 with no body. Django's ConditionalGetMiddleware (in settings)
computes the ETag and answers the 304; this middleware only decides who may cache what.

A request with credentials (a session or an API token) may see drafts or private data: its
response is private and never stored by a shared cache.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

API_PREFIX = "/api/"


def api_cache_headers(get_response):
    def middleware(request):
        response = get_response(request)
        if not request.path.startswith(API_PREFIX) or request.method not in ("GET", "HEAD"):
            return response
        patch_vary_headers(response, ["Authorization", "Cookie"])
        authenticated = "HTTP_AUTHORIZATION" in request.META or request.user.is_authenticated
        # A view may say so itself (a draft in preview, cms/api_preview.py).
        cache_control = response.get("Cache-Control", "")
        marked_private = "private" in cache_control or "no-store" in cache_control
        if authenticated or response.status_code >= 400 or marked_private:
            patch_cache_control(response, private=True, no_store=True)
        else:
            patch_cache_control(
                response, public=True, max_age=getattr(settings, "API_CACHE_SECONDS", 60)
            )
        return response

    return middleware


def api_head_as_get(get_response):
    """HEAD on the API answers as GET would, without the body: django-ninja registers the
    v3 routes for GET only, so HEAD would be a 405. Placed before ConditionalGetMiddleware,
    which only computes ETags and 304s for GET, and before the response cache, so HEAD and
    GET share one cached answer."""

    def middleware(request):
        if request.method != "HEAD" or not request.path.startswith(API_PREFIX):
            return get_response(request)
        request.method = request.META["REQUEST_METHOD"] = "GET"
        try:
            response = get_response(request)
        finally:
            request.method = request.META["REQUEST_METHOD"] = "HEAD"
        if response.streaming:
            response.streaming_content = []
        else:
            length = len(response.content)
            response.content = b""
            if response.status_code != 304:
                response["Content-Length"] = str(length)
        return response

    return middleware
