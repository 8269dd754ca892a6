"""Gzip of what anonymous visitors get: public pages, listings, feeds, the calendar, the API.

Lighthouse and AgID's validator measure whatever the site serves, with or without a
compressing proxy in front: a page's HTML is about 32 KB as rendered and 6 KB gzipped, and on
a phone's connection that difference is one or two round trips before anything is painted
(docs/benchmarks.md, "Lighthouse").

Django's GZipMiddleware, with a policy on what it may compress. BREACH recovers a secret from
the size of compressed answers that also reflect the attacker's input, so only answers that
hold no secret are compressed:

- requests with credentials (a session cookie or an Authorization header: editors, visitors
  of password-protected pages, API tokens) are left as they are, as is anything under the
  admin;
- an answer that carries a CSRF token (it sets the CSRF cookie: the admin's login, the
  forms) is left as it is;
- only text (HTML, JSON, XML feeds, iCalendar); documents are files, sent as they are.

It sits inside the response cache (cms/response_cache.py), whose key tells a client that
accepts gzip from one that does not: a page is compressed once when it is cached, and every
cached hit is served already compressed. For the same reason the compressed bytes are
deterministic (no random padding: there is no secret to pad), so the ETag that
ConditionalGetMiddleware computes outside stays the same from one worker to the next.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

from cms.response_cache import anonymous

# Editors' screens and documents (files sent as stored, possibly large and streamed).
NEVER_COMPRESSED = ("/admin/", "/django-admin/", "/documents/")
TEXT_APPLICATION_TYPES = ("application/javascript",)


def is_text(response) -> bool:
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return (
        content_type.startswith("text/")
        or content_type.endswith(("/json", "+json", "/xml", "+xml"))
        or content_type in TEXT_APPLICATION_TYPES
    )


def may_compress(request, response) -> bool:
    """Whether the answer holds nothing BREACH could recover and is worth compressing."""
    return (
        anonymous(request)
        and not request.path.startswith(NEVER_COMPRESSED)
        and settings.CSRF_COOKIE_NAME not in response.cookies
        and is_text(response)
    )


class PublicGZipMiddleware(GZipMiddleware):
    max_random_bytes = 0

    def process_response(self, request, response):
        if not may_compress(request, response):
            return response
        return super().process_response(request, response)
