"""The security settings that the production environment switches (subprocesses, as in
test_deploy_check: settings are read once per process)."""

import json

from tests.test_deploy_check import manage, random_secret_key

PRINT = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'proxy': s.SECURE_PROXY_SSL_HEADER, 'xff': s.CLIENT_IP_FROM_FORWARDED_FOR,"
    "'subdomains': s.SECURE_HSTS_INCLUDE_SUBDOMAINS, 'preload': s.SECURE_HSTS_PRELOAD,"
    "'csp': bool(getattr(s, 'CONTENT_SECURITY_POLICY', None)),"
    "'csp_report_only': bool(getattr(s, 'CONTENT_SECURITY_POLICY_REPORT_ONLY', None)),"
    "'frame_src': s.CONTENT_SECURITY_POLICY_ADMIN['DIRECTIVES']['frame-src'],"
    "'two_factor': s.ADMIN_2FA}))"
)


def production_settings(**env):
    result = manage(
        "shell", "-c", PRINT, SECRET_KEY=random_secret_key(), ALLOWED_HOSTS="example.org", **env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_defaults_trust_the_proxy_and_send_a_full_hsts_and_csp():
    values = production_settings()

    assert values["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["xff"] is True
    assert values["subdomains"] is True
    assert values["preload"] is True
    assert values["csp"] is True
    assert values["csp_report_only"] is False
    assert values["frame_src"] == ["'self'"]
    assert values["two_factor"] is False


def test_without_a_proxy_no_forwarded_header_is_trusted():
    values = production_settings(BEHIND_PROXY="0")

    assert values["proxy"] is None
    assert values["xff"] is False


def test_another_proxy_header_and_a_headless_front_end():
    values = production_settings(
        PROXY_SSL_HEADER="X-Forwarded-Protocol",
        HEADLESS_PREVIEW_CLIENT_URLS="default=https://front.example.it/anteprima",
        CSP_REPORT_ONLY="1",
        ADMIN_2FA="1",
    )

    assert values["proxy"] == ["HTTP_X_FORWARDED_PROTOCOL", "https"]
    assert values["frame_src"] == ["'self'", "https://front.example.it"]
    assert values["csp"] is False
    assert values["csp_report_only"] is True
    assert values["two_factor"] is True


def test_hsts_without_subdomains_and_preload_still_passes_the_deploy_check():
    values = production_settings(SECURE_HSTS_INCLUDE_SUBDOMAINS="0", SECURE_HSTS_PRELOAD="0")
    assert values["subdomains"] is False
    assert values["preload"] is False

    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=random_secret_key(),
        ALLOWED_HOSTS="example.org",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        SECURE_HSTS_PRELOAD="0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
