"""Test settings: fast hashing, tasks run at once, no manifest needed for static files."""

import atexit
import os
import shutil
import tempfile

from .base import *  # noqa: F403

# Uploaded files go to a real folder of their own, removed at exit: Wagtail serves documents
# from a filesystem path, so an in-memory storage would only pass on leftovers in media/.
MEDIA_ROOT = tempfile.mkdtemp(prefix="udp-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
_VAR = tempfile.mkdtemp(prefix="udp-test-var-")
atexit.register(shutil.rmtree, _VAR, ignore_errors=True)
CONTENT_GENERATION_FILE = os.path.join(_VAR, "content-generation")
# Tests read the template context of pages and count their queries, which a cached answer
# has not: the page cache is off here and on in tests/test_page_response_cache.py.
PAGE_RESPONSE_CACHE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files straight from the apps and assets/, as `make test` never runs collectstatic:
# the browser tests' server needs the admin's scripts and Bootstrap Italia.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
