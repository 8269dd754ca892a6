import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.static import serve


@never_cache
def healthz(request):
    """Liveness probe for load balancers; touches no database (also the benchmarks' baseline)."""
    return HttpResponse("ok", content_type="text/plain")


# Image files only: documents go through Wagtail's serve view, which checks their collection's
# privacy and sets safe headers, and must never be reachable under /media/.
IMAGE_FOLDERS = ("images/", "original_images/")


def media_image(request, path):
    """Image files and renditions for `make run` (``SERVE_MEDIA=1``); in production the
    proxy serves them (docs/operations.md) and this answers 404."""
    path = posixpath.normpath(path).lstrip("/")  # "images/../documents/x" is a document
    if not getattr(settings, "SERVE_MEDIA", False) or not path.startswith(IMAGE_FOLDERS):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    return response
