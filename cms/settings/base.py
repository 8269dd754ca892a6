"""Settings shared by every environment.

Everything that varies between machines is read from the environment here, in one place:
DATABASE_URL (default: SQLite in the project folder), REDIS_URL (enables the Redis cache),
SECRET_KEY, ALLOWED_HOSTS, WAGTAILADMIN_BASE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "cms",
    "network",
    "search",
    "imports",
    "feeds",
    "topics",
    "feedback",
    "transparency",
    "privacy",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail_headless_preview",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "corsheaders",
    "csp",
    "axes",
    # Only so that the API docs (/api/v3/docs/) serve Swagger UI from our static files, not a CDN.
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "cms.two_factor",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the response cache, so cached pages get the header too (cms/security.py).
    "cms.security.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # HEAD on /api/ runs as GET inside (ETag, 304, response cache), body dropped on the way out.
    "cms.http_cache.api_head_as_get",
    # Before anything that may change a body: ETag from the final body, 304 to If-None-Match.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous answers (API, public pages) from the cache until content changes
    # (cms/response_cache.py).
    "cms.response_cache.response_cache",
    # Inside the cache, which keeps the compressed answer: gzip of anonymous public answers
    # only (BREACH, cms/compression.py). ConditionalGetMiddleware's ETag is then that of the
    # bytes sent, which are the same every time (no random padding).
    "cms.compression.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A no-op unless ADMIN_2FA=1.
    "cms.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.http_cache.api_cache_headers",
    # The remembered Site of the host for public GETs (cms/site_structure.py).
    "cms.site_structure.known_site",
    "cms.api_guard.json_object_bodies",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]
# Publish webhooks (cms/webhooks.py): signed POSTs to these URLs on publish and unpublish.
PUBLISH_WEBHOOKS = [
    {"url": url.strip(), "secret": os.environ.get("PUBLISH_WEBHOOK_SECRET", "")}
    for url in os.environ.get("PUBLISH_WEBHOOK_URLS", "").split(",")
    if url.strip()
]
# Server-side cache of anonymous API answers (cms/response_cache.py); API_RESPONSE_CACHE=0
# turns it off (benchmarks compare both).
API_RESPONSE_CACHE = os.environ.get("API_RESPONSE_CACHE", "1") != "0"
# The same for the public pages (PAGE_RESPONSE_CACHE=0 turns it off).
PAGE_RESPONSE_CACHE = os.environ.get("PAGE_RESPONSE_CACHE", "1") != "0"
# CORS (django-cors-headers): front ends on these origins may call the JSON API, e.g.
# CORS_ALLOWED_ORIGINS="https://www.example.it,https://app.example.it". None by default.
CORS_ALLOWED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",")
    if origin.strip()
]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = ["authorization", "content-type", "if-none-match"]
CORS_EXPOSE_HEADERS = ["etag"]
# How long a shared cache may keep an anonymous API response (cms/http_cache.py).
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))


def frontend_cache_backends(environ):
    """The caching proxies to purge on publication (cms/frontend_cache.py): FRONTEND_CACHE_URL
    for one that accepts PURGE (Varnish, nginx), CLOUDFLARE_ZONEID with
    CLOUDFLARE_BEARER_TOKEN for Cloudflare. None by default."""
    backends = {}
    if environ.get("FRONTEND_CACHE_URL"):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": environ["FRONTEND_CACHE_URL"],
        }
    if environ.get("CLOUDFLARE_ZONEID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": environ["CLOUDFLARE_ZONEID"],
            "BEARER_TOKEN": environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_backends(os.environ)


def headless_preview_client_urls(value):
    """HEADLESS_PREVIEW_CLIENT_URLS="default=https://front.example.it/anteprima" (or just the
    URL; more sites as "host=URL", comma-separated) → {"default": URL, host: URL}."""
    urls = {}
    for item in value.split(","):
        key, sep, url = item.strip().partition("=")
        if not sep or "://" in key:
            key, url = "default", item.strip()
        if url:
            urls[key.strip()] = url.strip()
    if urls and "default" not in urls:
        urls["default"] = next(iter(urls.values()))
    return urls


# Headless preview (cms/headless_preview.py), off without a front end. The package refuses a
# Django setting named HEADLESS_PREVIEW_CLIENT_URLS, so the variable is only read here.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": headless_preview_client_urls(os.environ.get("HEADLESS_PREVIEW_CLIENT_URLS", "")),
    # Wagtail ≥ 7.1 shows a cross-origin preview in its panel: a redirect, no nested iframe.
    "REDIRECT_ON_PREVIEW": True,
}

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.content_generation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (gunicorn) and the task worker work while an editor saves.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Connections are kept (CONN_MAX_AGE, 60 s by default) as on PostgreSQL: opening the file
    # and running the PRAGMAs again cost about 1.7 ms, a quarter of a page. In autocommit mode
    # a kept connection holds no read snapshot between requests, so it sees every write.

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "udp",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
    # Each process has its own memory cache: this file, rewritten by any change of content,
    # tells the others that their cached pages and site structure are stale
    # (cms/response_cache.py, cms/site_structure.py).
    CONTENT_GENERATION_FILE = os.environ.get(
        "CONTENT_GENERATION_FILE", str(BASE_DIR / "var" / "content-generation")
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out username+address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login rate limiting: 5 wrong passwords for one username from one address lock that pair out
# for 15 minutes (a right password included); a successful login clears the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.security.client_ip"
# Set by the production settings behind a reverse proxy (BEHIND_PROXY).
CLIENT_IP_FROM_FORWARDED_FOR = False
# Successful logins are in Wagtail's own log; axes keeps only the failures.
AXES_DISABLE_ACCESS_LOG = True
# No "AXES: BEGIN ..." line on every manage.py command; lockouts are still logged.
AXES_VERBOSE = False

# Content-Security-Policy (django-csp 4, cms/security.py). The public site runs no inline script
# or style: everything is a file under 'self'. Bootstrap Italia's CSS draws icons and a font
# from data: URLs. Pages are cached whole for anonymous visitors, so no nonce: a cached nonce
# would be the same for everyone.
_CSP_COMMON = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    # Wagtail's preview panel frames the site's own pages.
    "frame-ancestors": [SELF],
}
_CSP_REPORT_URI = os.environ.get("CSP_REPORT_URI", "")
if _CSP_REPORT_URI:
    _CSP_COMMON["report-uri"] = [_CSP_REPORT_URI]


def url_origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# The admin: Wagtail 8 still writes inline scripts (inline panels, date pickers) and style
# attributes, and previews images being uploaded from blob: URLs. Its preview panel may frame a
# separate front end (headless preview).
CSP_ADMIN_PATH_PREFIXES = ["/admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [
            SELF,
            *sorted(
                {
                    origin
                    for url in WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"].values()
                    if (origin := url_origin(url))
                }
            ),
        ],
    }
}
_CSP_POLICY = {"DIRECTIVES": _CSP_COMMON}
# CSP_REPORT_ONLY=1 sends the same policies as Content-Security-Policy-Report-Only, to try a
# change on a live site without breaking it.
if os.environ.get("CSP_REPORT_ONLY", "0") == "1":
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP_POLICY
else:
    CONTENT_SECURITY_POLICY = _CSP_POLICY

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Italian first: the public site, the admin and every date are Italian, in Rome time.
LANGUAGE_CODE = "it"
LANGUAGES = [("it", _("Italiano"))]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("it", "Italiano"), ("en", "English")]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# assets/ is built by `make assets` from the pinned npm package bootstrap-italia; never committed.
STATICFILES_DIRS = [d for d in (BASE_DIR / "frontend", BASE_DIR / "assets") if d.is_dir()]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work goes through Django's tasks framework: the database backend by default
# (worker: `manage.py db_worker`), RQ on Redis where TASKS_BACKEND=rq.
if os.environ.get("TASKS_BACKEND") == "rq":
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
    INSTALLED_APPS.append("django_tasks_rq")
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = "Ufficio di Piano - Ambito distrettuale"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Italian-aware search on the database (search/italian.py): on SQLite our FTS5 backend stems at
# index and query time; on PostgreSQL the same analysis feeds "udp_italian", the Italian
# Snowball configuration without stop words (search/migrations/0001). For sites that outgrow one machine, OpenSearch is a settings switch:
# {"BACKEND": "wagtail.search.backends.opensearch2", "URLS": [...], "INDEX": "udp"}, then
# `manage.py update_index` (its own Italian analyser replaces ours).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.sqlite"}}
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.postgres", "SEARCH_CONFIG": "udp_italian"}
    }
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Upload policy (cms/uploads.py, docs/operations.md "Caricamento di file"): these extensions
# only, size limits from the environment, safe file names and, for documents, bytes that match
# the extension, through the base forms Wagtail builds every upload form from (admin add and
# replace, multiple upload, chooser upload, API v3). Documents are served by Wagtail's view
# (never straight from MEDIA_ROOT) with fixed types, only PDF inline, everything else as an
# attachment, with "X-Content-Type-Options: nosniff" and "Content-Security-Policy:
# default-src 'none'" (WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT, on by default). No SVG images.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_CONTENT_TYPES = {
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
    # Imported from the old sites before this policy: downloaded, never rendered.
    "htm": "application/octet-stream",
    "html": "application/octet-stream",
    "svg": "application/octet-stream",
    "xml": "application/octet-stream",
}
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_MAX_UPLOAD_SIZE = round(float(os.environ.get("UPLOAD_MAX_MB", "20")) * 1024 * 1024)
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = round(
    float(os.environ.get("IMAGE_UPLOAD_MAX_MB", "10")) * 1024 * 1024
)
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.ImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the admin would send a hash of every editor's e-mail to a third party, and the
# CSP allows no outside images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Two-factor login for the admin (cms/two_factor/, django-otp TOTP codes from an
# authenticator app), off unless ADMIN_2FA=1. Then superusers (ADMIN_2FA_REQUIRED=superusers)
# or every admin user (=all) must set up a device at their next login, anyone else may, and
# whoever has one is always asked for a code. Switching it on needs no migration.
ADMIN_2FA = os.environ.get("ADMIN_2FA", "0") == "1"
ADMIN_2FA_REQUIRED = os.environ.get("ADMIN_2FA_REQUIRED", "superusers")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
# Wagtail 8's autosave is off unless ADMIN_AUTOSAVE_MS (its interval, e.g. 500) is set. On an
# add form its first background save creates the object, and a submission crossing it creates
# it again (a second membership, or a page refused as "slug in use"); it may also duplicate
# new inline rows such as agenda items (wagtail/wagtail#14568). Drafts are saved explicitly.
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("ADMIN_AUTOSAVE_MS", "0"))
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": [
                "h2",
                "h3",
                "h4",
                "bold",
                "italic",
                "ol",
                "ul",
                "link",
                "document-link",
                "blockquote",
                "hr",
            ]
        },
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Failed logins and lockouts are warnings; successful logins need no line each.
        "axes": {"level": "WARNING"},
    },
}

# Privacy guard (privacy/, docs/privacy-guard.md): years a confirmed publication of personal
# data stays online before the scheduled job withdraws it; e-mail domains never reported
# (beside the built-in public bodies' ones), e.g. "PRIVACY_GUARD_ALLOWED_EMAIL_DOMAINS=
# asst-crema.it,aziendasociale.it"; numbers and addresses of offices published on purpose.
PRIVACY_PUBLICATION_YEARS = int(os.environ.get("PRIVACY_PUBLICATION_YEARS", "5"))
PRIVACY_GUARD_ALLOWED_EMAIL_DOMAINS = [
    d.strip()
    for d in os.environ.get("PRIVACY_GUARD_ALLOWED_EMAIL_DOMAINS", "").split(",")
    if d.strip()
]
PRIVACY_GUARD_ALLOWED_EMAILS = []
PRIVACY_GUARD_ALLOWED_PHONES = []
