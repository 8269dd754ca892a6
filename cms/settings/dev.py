"""Local development and `make run`: debug off by default so the demo behaves like production."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")  # noqa: F405
CSRF_TRUSTED_ORIGINS = env_list(  # noqa: F405
    "CSRF_TRUSTED_ORIGINS", "http://127.0.0.1:8000,http://localhost:8000"
)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` has no proxy in front: the application serves image files itself (cms/views.py).
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "1") == "1"
