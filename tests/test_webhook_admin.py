"""The webhook log in the admin (Impostazioni → Notifiche webhook): read-only, filtered,
searchable and exportable; superusers and holders of the view permission only."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse

from cms.models import WebhookDelivery

pytestmark = pytest.mark.django_db

INDEX = "webhook_deliveries:index"


@pytest.fixture
def deliveries(db):
    sent = WebhookDelivery.objects.create(
        event="page_published",
        page_id=7,
        url="https://front.example.it/rebuild",
        payload={"event": "page_published"},
        status=WebhookDelivery.Status.SENT,
        attempts=1,
        last_status_code=200,
    )
    failed = WebhookDelivery.objects.create(
        event="page_unpublished",
        page_id=8,
        url="https://altro.example.org/hook",
        payload={"event": "page_unpublished"},
        status=WebhookDelivery.Status.FAILED,
        attempts=5,
        last_status_code=503,
        last_error="Servizio non disponibile",
    )
    return sent, failed


def test_a_superuser_sees_the_log_with_each_delivery(client, superuser, deliveries):
    client.force_login(superuser)
    response = client.get(reverse(INDEX))

    assert response.status_code == 200
    html = response.content.decode()
    assert "https://front.example.it/rebuild" in html
    assert "Servizio non disponibile" in html
    assert "pagina pubblicata" in html and "non consegnato" in html
    assert reverse("webhook_deliveries:inspect", args=[deliveries[1].pk]) in html


def test_it_is_in_the_settings_menu_for_superusers_only(client, superuser, editor):
    client.force_login(superuser)
    assert "Notifiche webhook" in client.get("/admin/").content.decode()

    client.force_login(editor)
    assert "Notifiche webhook" not in client.get("/admin/").content.decode()


def test_an_editor_has_no_access(client, editor, deliveries):
    client.force_login(editor)

    for url in (
        reverse(INDEX),
        reverse("webhook_deliveries:inspect", args=[deliveries[0].pk]),
        reverse(INDEX) + "?export=csv",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url


def test_the_view_permission_opens_it(client, editor, deliveries):
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="cms", codename="view_webhookdelivery")
    )
    client.force_login(editor)

    assert client.get(reverse(INDEX)).status_code == 200
    inspect = client.get(reverse("webhook_deliveries:inspect", args=[deliveries[1].pk]))
    assert inspect.status_code == 200
    assert "Servizio non disponibile" in inspect.content.decode()


def test_nothing_can_be_added_changed_or_deleted(client, superuser, deliveries):
    for name, args in (("add", []), ("edit", [1]), ("delete", [1]), ("copy", [1])):
        with pytest.raises(NoReverseMatch):
            reverse(f"webhook_deliveries:{name}", args=args)

    client.force_login(superuser)
    html = client.get(reverse(INDEX)).content.decode()
    assert "/edit/" not in html and "/new/" not in html and "/delete/" not in html
    inspect = client.get(reverse("webhook_deliveries:inspect", args=[deliveries[0].pk]))
    assert "/edit/" not in inspect.content.decode()
    assert client.get("/admin/webhook_deliveries/new/").status_code == 404


def test_filters_and_search(client, superuser, deliveries):
    client.force_login(superuser)

    def urls(**params):
        html = client.get(reverse(INDEX), params).content.decode()
        return {url for url in ("front.example.it", "altro.example.org") if url in html}

    assert urls(status="failed") == {"altro.example.org"}
    assert urls(event="page_published") == {"front.example.it"}
    assert urls(q="altro") == {"altro.example.org"}
    assert urls() == {"front.example.it", "altro.example.org"}


def test_the_csv_export(client, superuser, deliveries):
    client.force_login(superuser)
    response = client.get(reverse(INDEX), {"export": "csv", "status": "failed"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="notifiche-webhook.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["Evento"] == "pubblicazione ritirata"
    assert rows[0]["Esito"] == "non consegnato"
    assert rows[0]["Indirizzo"] == "https://altro.example.org/hook"
    assert rows[0]["Tentativi"] == "5"


def test_the_xlsx_export(client, superuser, deliveries):
    client.force_login(superuser)
    response = client.get(reverse(INDEX), {"export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
