"""Server-side cache of what anonymous visitors get: the JSON API and the public pages.

An anonymous GET of /api/ or of a public page (pages, listings, search, feeds, sitemap) is
answered from the cache when the same address was answered since the last change of content: every key carries a *generation* number, and any save or
delete of published content, registry data, documents, tags or view restrictions starts a
new generation, so nothing stale is served after a change. Answers that depend on the clock
(a call's state, "today" in the registry) are kept at most ``API_CACHE_SECONDS``, the same
time a browser or proxy may keep them (cms/http_cache.py).

Anonymous means no session cookie and no Authorization header: an editor, a visitor who
opened a password-protected page (the password lives in the session) and an API token are
never served from the cache. An answer that sets a cookie (a form's CSRF token), is private
or is not a 200 is never stored. The admin, document downloads and the health check are
never cached.

The middleware sits right after ConditionalGetMiddleware: a hit skips sessions,
authentication, the URL resolver and the view, and the outer middlewares still add CORS
headers and answer If-None-Match with a 304. Answers are kept as sent, gzipped for clients that
accept it (cms/compression.py), so a hit is never compressed again. With the default
per-process memory cache, the processes of one machine learn of each other's changes at once
through a small file (``CONTENT_GENERATION_FILE``); several machines share the cache instead
(``REDIS_URL``).
"""

import hashlib
import os
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.gzip import re_accepts_gzip

API_PREFIX = "/api/"
# Addresses never answered from the cache (besides the API, which has its own switch).
NEVER = ("/admin/", "/documents/", "/healthz", "/django-admin/")
GENERATION_KEY = "api-response:generation"
# Apps whose rows make up what the API shows; anything they save starts a new generation.
CONTENT_APPS = {
    "cms",
    "network",
    "search",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailsearchpromotions",
    "taggit",
    "topics",
    "transparency",
}
# Rows of those apps that change all the time without changing what the API shows.
NOT_CONTENT = {"cms.webhookdelivery"}


# Read once per request (the middleware below opens the scope): a page asks for it a dozen
# times (response cache, remembered site structure, cached header and footer).
_request = threading.local()


def generation() -> str:
    """The current content generation: it changes with every change of content."""
    known = getattr(_request, "generation", None)
    if known is not None:
        return known
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    current = f"{value}.{_shared_stamp()}"
    if getattr(_request, "open", False):
        _request.generation = current
    return current


def new_generation(**kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    _touch_shared_stamp()
    _request.generation = None  # a change made by this request is seen by the rest of it


# With a per-process cache (no REDIS_URL), the processes of one machine (gunicorn's workers,
# the task worker) still learn of each other's changes at once through a small file that any
# change rewrites: reading it costs a few microseconds.
def _stamp_file():
    return getattr(settings, "CONTENT_GENERATION_FILE", None)


def _shared_stamp() -> str:
    path = _stamp_file()
    if not path:
        return ""
    try:
        with open(path, "rb") as stamp:
            return stamp.read(64).decode("ascii", "replace")
    except FileNotFoundError:
        return ""


def _touch_shared_stamp() -> None:
    path = _stamp_file()
    if not path:
        return
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    token = f"{time.time_ns()}-{os.getpid()}-{threading.get_ident()}"
    temporary = f"{path}.{os.getpid()}.{threading.get_ident()}"
    with open(temporary, "w", encoding="ascii") as stamp:
        stamp.write(token)
    os.replace(temporary, path)  # atomic: a reader sees the old token or the new one


def _content_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in CONTENT_APPS:
        return
    if meta.label_lower in NOT_CONTENT:
        return
    new_generation()


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"api-response-cache-{id(signal)}")


def _cached_path(path: str) -> bool:
    if path.startswith(API_PREFIX):
        return getattr(settings, "API_RESPONSE_CACHE", True)
    if path.startswith(NEVER):
        return False
    return getattr(settings, "PAGE_RESPONSE_CACHE", True)


def anonymous(request) -> bool:
    """No credentials: no session cookie and no Authorization header."""
    return (
        "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _cacheable_request(request) -> bool:
    return request.method in ("GET", "HEAD") and anonymous(request) and _cached_path(request.path)


def _cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _accepts_gzip(request) -> bool:
    # Answers are stored as sent, gzipped or not (cms/compression.py, inside this middleware):
    # the Vary: Accept-Encoding of the key.
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def response_cache(get_response):
    def middleware(request):
        _request.open, _request.generation = True, None
        try:
            return answer(request)
        finally:
            _request.open, _request.generation = False, None

    def answer(request):
        if not _cacheable_request(request):
            return get_response(request)
        address = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        encoding = "gzip" if _accepts_gzip(request) else "identity"
        key = f"api-response:{generation()}:{request.method}:{encoding}:{digest}"
        response = cache.get(key)
        if response is not None:
            return response
        response = get_response(request)
        if _cacheable_response(response):
            cache.set(key, response, getattr(settings, "API_CACHE_SECONDS", 60))
        return response

    return middleware
