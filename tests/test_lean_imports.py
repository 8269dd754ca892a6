"""The WSGI entry point keeps optional libraries that the site never uses out of the workers
(cms/lean_imports.py), and leaves them importable for code that does need them."""

import json
import os
import subprocess
import sys
from pathlib import Path

from cms.lean_imports import hidden_modules, unused_optional_modules

BASE_DIR = Path(__file__).resolve().parents[1]
PROBE = """
import json, sys
from cms.wsgi import application
import django.urls
django.urls.get_resolver().url_patterns  # every URLconf, admin and APIs included
import rest_framework.compat
loaded = {name: name in sys.modules for name in sys.argv[1:]}
import requests  # still importable afterwards, for whoever needs it
print(json.dumps({"loaded": loaded, "drf_requests": rest_framework.compat.requests is None,
                  "requests_works": hasattr(requests, "get")}))
"""


def probe(database_url, *modules):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *modules],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_web_worker_on_sqlite_loads_none_of_the_unused_libraries(tmp_path):
    modules = ["requests", "yaml", "pillow_heif", "psycopg", "icalendar", "wagtail.embeds"]
    seen = probe(f"sqlite:///{tmp_path / 'db.sqlite3'}", *modules)
    assert seen["loaded"] == dict.fromkeys(modules, False)
    assert seen["drf_requests"] is True
    assert seen["requests_works"] is True


def test_psycopg_is_hidden_only_when_the_database_is_not_postgresql():
    assert "psycopg" in unused_optional_modules({"DATABASE_URL": "sqlite:///x.sqlite3"})
    assert "psycopg" in unused_optional_modules({})
    for url in ("postgres://u@h/db", "postgresql://u@h/db"):
        hidden = unused_optional_modules({"DATABASE_URL": url})
        assert "psycopg" not in hidden
        assert "requests" in hidden


def test_hidden_modules_are_importable_again_after_the_block():
    name = "udp_probe_module_that_is_not_imported"
    with hidden_modules([name, "json"]):
        assert sys.modules[name] is None
        assert sys.modules["json"] is json  # an imported module is never hidden
    assert name not in sys.modules
