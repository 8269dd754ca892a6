"""Headless preview (wagtail-headless-preview): when ``WAGTAIL_HEADLESS_PREVIEW`` names a
front end (environment ``HEADLESS_PREVIEW_CLIENT_URLS``), the admin preview of a page sends
the editor to that front end with a signed token, and the front end reads the draft from
``/api/v3/preview/`` (cms/api_preview.py). Without it Wagtail's own preview renders the
site's templates, as before."""

from django.conf import settings
from wagtail_headless_preview.models import HeadlessPreviewMixin


def enabled():
    return bool(getattr(settings, "WAGTAIL_HEADLESS_PREVIEW", {}).get("CLIENT_URLS"))


class HeadlessPreview(HeadlessPreviewMixin):
    """The package's preview, only while a front end is configured."""

    def serve_preview(self, request, preview_mode):
        if not enabled():
            # Skip the package's serve_preview: Wagtail's own renders the page's template.
            return super(HeadlessPreviewMixin, self).serve_preview(request, preview_mode)
        return super().serve_preview(request, preview_mode)
