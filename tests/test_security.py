"""Content-Security-Policy on the public site and the admin, and login rate limiting."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings

from cms.security import client_ip
from tests.factories import DocumentFactory, MinutesPageFactory, NetworkFactory, attachments

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"


def directives(response):
    """{"script-src": ["'self'"], ...} from the response's CSP header."""
    policy = {}
    for part in response[CSP].split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


def scripts(html):
    return re.findall(r"<script\b[^>]*>", html, flags=re.IGNORECASE)


@pytest.fixture
def minutes(minutes_index):
    return MinutesPageFactory(
        parent=minutes_index,
        title="Verbale dell'Assemblea del 1 marzo 2017",
        meeting_body=NetworkFactory(name="Assemblea dei Sindaci", slug="assemblea"),
        meeting_date=date(2017, 3, 1),
        attachments=attachments(DocumentFactory(title="Delibera")),
    )


def test_a_public_page_has_a_strict_policy(client, home, minutes):
    for url in (home.url, minutes.url, "/search/?q=verbale"):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert "'unsafe-inline'" not in response[CSP]
        assert "'unsafe-eval'" not in response[CSP]


def test_a_public_page_runs_no_inline_script_nor_inline_style(client, home, minutes):
    for url in (home.url, minutes.url, "/search/?q=verbale"):
        response = client.get(url)
        html = response.content.decode()
        nonces = re.findall(r"'nonce-([^']+)'", response[CSP])
        for tag in scripts(html):
            has_source = re.search(r"\bsrc=", tag)
            is_data = re.search(r'type="application/(ld\+)?json"', tag)
            nonce = re.search(r'nonce="([^"]+)"', tag)
            assert has_source or is_data or (nonce and nonce.group(1) in nonces), (url, tag)
        assert not re.search(r"<style\b", html), url
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"\son[a-z]+=", html), url


def test_a_cached_public_page_still_carries_the_policy(client, home, settings):
    settings.PAGE_RESPONSE_CACHE = True
    first = client.get(home.url)
    second = client.get(home.url)

    assert first[CSP] == second[CSP]
    assert directives(second)["script-src"] == ["'self'"]


def test_the_admin_has_its_own_policy(client, superuser, minutes):
    login_page = client.get("/admin/login/")
    assert login_page.status_code == 200
    assert "'unsafe-inline'" in directives(login_page)["script-src"]

    client.force_login(superuser)
    for url in ("/admin/", f"/admin/pages/{minutes.pk}/edit/", "/admin/snippets/"):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"], url
        assert policy["frame-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert "'unsafe-eval'" not in response[CSP]


def test_the_api_docs_use_local_files(client):
    response = client.get("/api/v3/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn.jsdelivr.net" not in html
    assert all("/static/" in tag for tag in scripts(html) if "src=" in tag)


def test_a_served_document_keeps_wagtail_s_own_policy(client, minutes):
    document = minutes.attachments.first().document

    response = client.get(document.url)

    assert response.status_code == 200
    assert response[CSP] == "default-src 'none'"


# Login rate limiting (django-axes)

PASSWORD = "pw-capo-123"


def log_in(client, username, password):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )


def logged_in(client):
    return client.get("/admin/").status_code == 200


@pytest.fixture
def other_admin(db):
    return get_user_model().objects.create_superuser("vice", "vice@example.org", "pw-vice-123")


def test_five_wrong_passwords_lock_the_username_out_even_with_the_right_one(client, superuser):
    for _ in range(4):
        response = log_in(client, "capo", "sbagliata")
        assert response.status_code == 200  # the login form again, with its error

    fifth = log_in(client, "capo", "sbagliata")
    assert fifth.status_code == 429

    refused = log_in(client, "capo", PASSWORD)
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Accesso temporaneamente bloccato" in page
    assert "Riprova tra 15 minuti" in page
    assert not logged_in(client)
    assert CSP in refused


def test_another_user_is_not_affected(client, superuser, other_admin):
    for _ in range(5):
        log_in(client, "capo", "sbagliata")
    assert log_in(client, "capo", PASSWORD).status_code == 429

    response = log_in(client, "vice", "pw-vice-123")

    assert response.status_code == 302
    assert logged_in(client)


def test_the_same_username_from_another_address_is_not_affected(client, superuser):
    for _ in range(5):
        log_in(client, "capo", "sbagliata")

    response = client.post(
        "/admin/login/",
        {"username": "capo", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
    )

    assert response.status_code == 302


def test_a_successful_login_resets_the_count(client, superuser):
    for _ in range(4):
        log_in(client, "capo", "sbagliata")
    assert log_in(client, "capo", PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        log_in(client, "capo", "sbagliata")

    assert log_in(client, "capo", PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, superuser, settings):
    from axes.models import AccessAttempt
    from django.utils import timezone

    for _ in range(5):
        log_in(client, "capo", "sbagliata")
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)

    assert log_in(client, "capo", PASSWORD).status_code == 302


def test_force_login_keeps_working(client, superuser):
    client.force_login(superuser)

    assert logged_in(client)


def test_the_client_address_behind_the_proxy_is_the_one_the_proxy_appended():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )

    assert client_ip(request) == "127.0.0.1"
    with override_settings(CLIENT_IP_FROM_FORWARDED_FOR=True):
        assert client_ip(request) == "203.0.113.7"
        assert client_ip(RequestFactory().get("/", REMOTE_ADDR="198.51.100.1")) == "198.51.100.1"
