import os

from django.core.wsgi import get_wsgi_application

from cms.lean_imports import import_lean

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
import_lean()

application = get_wsgi_application()
