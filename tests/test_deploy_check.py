"""The production settings pass Django's deployment checklist and refuse to start without secrets."""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **overrides):
    """Run manage.py with the production settings and only the environment given here."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    env.update(overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def random_secret_key(length=60):
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def test_the_deploy_check_passes_with_a_secret_key_and_allowed_hosts():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=random_secret_key(),
        ALLOWED_HOSTS="example.org",
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    assert "System check identified no issues" in output


def test_the_production_settings_refuse_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_production_settings_refuse_a_short_secret_key():
    result = manage("check", SECRET_KEY="too-short-to-be-safe", ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_production_settings_refuse_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=random_secret_key())

    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr
