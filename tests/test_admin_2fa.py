"""Optional two-factor login for the admin (ADMIN_2FA=1, cms/two_factor/)."""

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "pw-capo-123"


@pytest.fixture
def two_factor(settings):
    settings.ADMIN_2FA = True
    settings.ADMIN_2FA_REQUIRED = "superusers"
    return settings


def code_for(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += offset * device.step
    return f"{totp.token():0{device.digits}d}"


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="Telefono", confirmed=True)


def password_login(client, username, password):
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]


def test_off_by_default(client, superuser):
    client.force_login(superuser)

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/2fa/").status_code == 404
    assert "Autenticazione a due fattori" not in client.get("/admin/account/").content.decode()


def test_a_superuser_without_a_device_must_set_one_up_first(client, superuser, two_factor, home):
    password_login(client, "capo", PASSWORD)

    for url in ("/admin/", "/admin/pages/", home.url):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/2fa/?next="), url

    page = client.get("/admin/2fa/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    assert "Per accedere all'amministrazione il tuo utente deve usare" in html
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)

    wrong = client.post(
        "/admin/2fa/", {"action": "attiva", "code": "000000", "password": "sbagliata"}
    )
    assert wrong.status_code == 200
    assert "Password errata." in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    done = client.post(
        "/admin/2fa/",
        {"action": "attiva", "code": code_for(device), "password": PASSWORD, "next": "/admin/"},
    )
    assert done.status_code == 302
    assert done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_user_with_a_device_gives_a_code_after_the_password(client, superuser, two_factor):
    device = confirmed_device(superuser)
    password_login(client, "capo", PASSWORD)

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/verifica/?next=/admin/pages/"
    # The password alone can neither replace nor remove the device.
    assert client.get("/admin/2fa/?nuovo=1")["Location"].startswith("/admin/2fa/verifica/")
    assert (
        client.post("/admin/2fa/", {"action": "disattiva", "password": PASSWORD}).status_code == 302
    )
    assert TOTPDevice.objects.filter(user=superuser).count() == 1

    page = client.get("/admin/2fa/verifica/?next=/admin/pages/")
    assert page.status_code == 200
    assert "Codice di verifica" in page.content.decode()
    assert "Content-Security-Policy" in page

    done = client.post("/admin/2fa/verifica/", {"code": code_for(device), "next": "/admin/pages/"})
    assert done.status_code == 302
    assert done["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_and_retries_are_slowed_down(client, superuser, two_factor):
    device = confirmed_device(superuser)
    password_login(client, "capo", PASSWORD)

    wrong = client.post("/admin/2fa/verifica/", {"code": code_for(device, offset=10)})
    assert wrong.status_code == 200
    assert "Codice non valido o scaduto" in wrong.content.decode()

    too_soon = client.post("/admin/2fa/verifica/", {"code": code_for(device)})
    assert "Troppi codici errati" in too_soon.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_verify_page_never_redirects_off_site(client, superuser, two_factor):
    device = confirmed_device(superuser)
    password_login(client, "capo", PASSWORD)

    done = client.post(
        "/admin/2fa/verifica/", {"code": code_for(device), "next": "https://evil.example/"}
    )

    assert done["Location"] == "/admin/"


def test_other_users_may_choose(client, editor, two_factor):
    editor.set_password("pw-red-123")
    editor.save()
    password_login(client, "redattrice", "pw-red-123")

    assert client.get("/admin/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert "Autenticazione a due fattori" in account

    client.get("/admin/2fa/")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    client.post(
        "/admin/2fa/", {"action": "attiva", "code": code_for(device), "password": "pw-red-123"}
    )
    assert TOTPDevice.objects.get(user=editor).confirmed

    # Once set up, it is asked for at every login, and its owner may turn it off.
    client.logout()
    password_login(client, "redattrice", "pw-red-123")
    assert client.get("/admin/").status_code == 302
    client.post("/admin/2fa/verifica/", {"code": code_for(device, offset=1)})
    assert client.get("/admin/").status_code == 200
    client.post("/admin/2fa/", {"action": "disattiva", "password": "pw-red-123"})
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_a_superuser_cannot_turn_it_off(client, superuser, two_factor):
    device = confirmed_device(superuser)
    password_login(client, "capo", PASSWORD)
    client.post("/admin/2fa/verifica/", {"code": code_for(device)})

    page = client.get("/admin/2fa/").content.decode()
    assert "non si può disattivare" in page
    assert (
        client.post("/admin/2fa/", {"action": "disattiva", "password": PASSWORD}).status_code == 404
    )
    assert TOTPDevice.objects.filter(user=superuser).exists()


def test_required_for_every_admin_user(client, editor, two_factor):
    two_factor.ADMIN_2FA_REQUIRED = "all"
    client.force_login(editor)

    assert client.get("/admin/")["Location"].startswith("/admin/2fa/?next=")


def test_reset_2fa_removes_a_lost_phone(superuser, capsys):
    confirmed_device(superuser)

    call_command("reset_2fa", "capo")

    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert "capo: 1 dispositivi rimossi." in capsys.readouterr().out
