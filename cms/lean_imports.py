"""Keep the web workers from loading optional libraries that this site never uses.

Some packages import an optional dependency at import time whenever it is installed:
Django REST framework loads requests (for its test client), PyYAML (for schema renderers we
do not serve) and ``django.contrib.postgres`` with psycopg, libpq and OpenSSL even on SQLite;
Willow loads the HEIF/AVIF decoder although uploads accept neither format
(``WAGTAILIMAGES_EXTENSIONS``). Together about 20 MB in every gunicorn worker.

``import_lean()`` imports those two packages first while the optional modules are marked as
missing in ``sys.modules``, so their ``try: import ... except ImportError`` takes the "not
installed" branch; then the marks are removed, and any later ``import requests`` (an oEmbed
lookup, a Cloudflare purge) works as usual. Called by the WSGI entry point only: management
commands, the task worker and the tests import everything as usual.
"""

import contextlib
import os
import sys
from urllib.parse import urlsplit

POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql", "postgis"}


def unused_optional_modules(environ=os.environ):
    modules = ["requests", "yaml", "pillow_heif"]
    if urlsplit(environ.get("DATABASE_URL", "")).scheme not in POSTGRES_SCHEMES:
        modules += ["psycopg", "psycopg2"]
    return modules


@contextlib.contextmanager
def hidden_modules(names):
    """Within the block, ``import name`` raises ImportError for modules not imported yet."""
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


def import_lean(environ=os.environ):
    with hidden_modules(unused_optional_modules(environ)):
        import rest_framework.compat  # noqa: F401
        import willow.plugins.pillow  # noqa: F401
