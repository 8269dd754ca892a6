"""Segnala disservizio (feedback/): the public form, its validation in Italian, the attachment
policy, storage in a folder nothing serves, the rate limit, and the admin where only
moderators read and handle reports."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from feedback.models import InefficiencyReport, ReportStatus
from tests.factories import PDF_BYTES

pytestmark = pytest.mark.django_db

URL = "/segnala-disservizio/"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def valid(**changes):
    data = {
        "category": "ufficio",
        "place": "Sportello di Crema",
        "subject": "Telefono dello sportello sempre occupato",
        "description": "Ho chiamato per tre giorni in orario di apertura senza risposta.",
        "contact_email": "cittadina@example.org",
        "privacy": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def send(client, address="127.0.0.1", **changes):
    return client.post(URL, valid(**changes), REMOTE_ADDR=address)


def test_the_form_page_has_breadcrumb_fields_and_privacy_notice(client, home):
    response = client.get(URL)
    html = response.content.decode()

    assert response.status_code == 200
    assert 'data-element="breadcrumb"' in html
    assert '<h1 data-element="page-name">Segnala disservizio</h1>' in html
    for name in ("category", "place", "subject", "description", "attachment", "contact_email"):
        assert f'name="{name}"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "Informativa sul trattamento dei dati personali" in html
    assert "csrfmiddlewaretoken" in html
    assert "no-store" in response["Cache-Control"]
    assert client.head(URL).status_code == 200


def test_the_form_page_is_never_served_from_the_page_cache(client, home, settings):
    settings.PAGE_RESPONSE_CACHE = True
    client.get(URL)
    from django.test import Client

    other = Client()
    first, second = other.get(URL), Client().get(URL)
    token = 'name="csrfmiddlewaretoken" value="'
    assert (
        first.content.decode().split(token)[1][:20] != second.content.decode().split(token)[1][:20]
    )


def test_a_valid_report_is_stored_and_thanked(client, home):
    response = send(client)

    assert response.status_code == 302
    assert response.url == reverse("feedback:report_thanks")
    report = InefficiencyReport.objects.get()
    assert report.subject == "Telefono dello sportello sempre occupato"
    assert report.category == "ufficio"
    assert report.contact_email == "cittadina@example.org"
    assert report.status == ReportStatus.NEW
    thanks = client.get(response.url)
    assert thanks.status_code == 200
    assert "Abbiamo ricevuto la tua segnalazione" in thanks.content.decode()


def test_the_contact_email_is_optional(client, home):
    assert send(client, contact_email="").status_code == 302
    assert InefficiencyReport.objects.get().contact_email == ""


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"category": ""}, "Scegli la categoria del disservizio."),
        ({"category": "inventata"}, "Scegli una delle categorie proposte."),
        ({"place": ""}, "Indica il luogo del disservizio."),
        ({"subject": ""}, "Scrivi l&#x27;oggetto della segnalazione."),
        ({"subject": "x" * 151}, "L&#x27;oggetto può avere al massimo 150 caratteri."),
        ({"description": ""}, "Descrivi il disservizio."),
        ({"description": "x" * 2001}, "La descrizione può avere al massimo 2000 caratteri"),
        ({"contact_email": "non-una-email"}, "Scrivi un indirizzo e-mail valido"),
        ({"privacy": None}, "conferma di aver letto l&#x27;informativa"),
    ],
)
def test_bad_input_gets_an_italian_message_and_nothing_is_stored(client, home, changes, message):
    response = send(client, **changes)

    assert response.status_code == 400
    html = response.content.decode()
    assert "La segnalazione non è stata inviata" in html
    assert message in html
    assert not InefficiencyReport.objects.exists()


def test_an_attachment_is_stored_in_a_private_folder_under_a_random_name(client, home):
    photo = SimpleUploadedFile("Foto dello sportello è.png", PNG_BYTES, content_type="image/png")
    assert send(client, attachment=photo).status_code == 302

    report = InefficiencyReport.objects.get()
    assert report.attachment.name.startswith("segnalazioni/")
    assert "Foto" not in report.attachment.name
    assert report.attachment_name == "Foto_dello_sportello_e.png"
    assert Path(report.attachment.path).read_bytes() == PNG_BYTES
    # Nothing public serves it: not the media view, not the documents' view.
    assert client.get(f"/media/{report.attachment.name}").status_code == 404


def test_the_media_view_refuses_reports_even_when_serving_images(client, home, settings):
    settings.SERVE_MEDIA = True
    photo = SimpleUploadedFile("a.png", PNG_BYTES, content_type="image/png")
    send(client, attachment=photo)
    name = InefficiencyReport.objects.get().attachment.name
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(f"/media/images/../{name}").status_code == 404


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("pagina.html", b"<html><script>alert(1)</script></html>", "tipo di file non è ammesso"),
        ("disegno.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "tipo di file non è ammesso"),
        ("programma.exe", b"MZ\x90\x00", "tipo di file non è ammesso"),
        ("finta.png", b"<?php echo 1; ?>", "non è un&#x27;immagine valida"),
        ("finto.pdf", b"GIF89a not a pdf", "non corrisponde all&#x27;estensione .pdf"),
    ],
)
def test_an_attachment_outside_the_policy_is_refused(client, home, name, content, message):
    before = stored_files()
    upload = SimpleUploadedFile(name, content)
    response = send(client, attachment=upload)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not InefficiencyReport.objects.exists()
    assert stored_files() == before


def stored_files():
    folder = Path(django_settings.MEDIA_ROOT) / "segnalazioni"
    return {path for path in folder.rglob("*") if path.is_file()}


def test_a_too_large_attachment_is_refused(client, home, settings):
    settings.INEFFICIENCY_REPORT_MAX_MB = 0.001
    upload = SimpleUploadedFile("relazione.pdf", PDF_BYTES + b"0" * 2048)
    response = send(client, attachment=upload)
    assert response.status_code == 400
    assert "troppo grande" in response.content.decode()
    assert not InefficiencyReport.objects.exists()


def test_a_robot_filling_the_honeypot_stores_nothing(client, home):
    response = send(client, sito_web="http://spam.example")
    assert response.status_code == 302
    assert not InefficiencyReport.objects.exists()


def test_reports_past_the_daily_limit_are_refused(client, home, settings):
    settings.INEFFICIENCY_REPORT_DAILY_LIMIT = 2
    assert send(client).status_code == 302
    assert send(client).status_code == 302
    response = send(client)

    assert response.status_code == 429
    assert "molte segnalazioni oggi" in response.content.decode()
    assert InefficiencyReport.objects.count() == 2
    assert send(client, address="10.0.0.9").status_code == 302


def test_a_post_without_csrf_token_is_refused(home):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, valid())
    assert response.status_code == 403
    assert not InefficiencyReport.objects.exists()


# --------------------------------------------------------------------------- the admin


@pytest.fixture
def report(client, home):
    photo = SimpleUploadedFile("foto.png", PNG_BYTES, content_type="image/png")
    send(client, attachment=photo)
    return InefficiencyReport.objects.get()


def test_moderators_list_read_and_handle_reports(client, moderator, report):
    client.force_login(moderator)

    listing = client.get(reverse("inefficiency_reports:index"))
    assert listing.status_code == 200
    assert report.subject in listing.content.decode()

    edit_url = reverse("inefficiency_reports:edit", args=[report.pk])
    form = client.get(edit_url)
    assert form.status_code == 200
    assert "cittadina@example.org" in form.content.decode()

    response = client.post(edit_url, {"status": "in_lavorazione", "internal_notes": "Chiamato"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.IN_PROGRESS
    # What the citizen wrote cannot be changed.
    assert report.subject == "Telefono dello sportello sempre occupato"

    download = client.get(reverse("inefficiency_reports:download", args=[report.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PNG_BYTES
    assert "attachment" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"


def test_editors_and_anonymous_visitors_see_no_report(client, editor, report):
    urls = [
        reverse("inefficiency_reports:index"),
        reverse("inefficiency_reports:edit", args=[report.pk]),
        reverse("inefficiency_reports:download", args=[report.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login
    client.force_login(editor)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_nobody_adds_a_report_from_the_admin(admin_client, report):
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("inefficiency_reports:add")
    html = admin_client.get(reverse("inefficiency_reports:index")).content.decode()
    assert "/segnalazioni/add/" not in html


def test_the_listing_filters_by_status(client, moderator, report):
    InefficiencyReport.objects.create(
        category="sito", place="Sito", subject="Pagina chiusa", description="-", status="chiusa"
    )
    client.force_login(moderator)
    html = client.get(reverse("inefficiency_reports:index"), {"status": "chiusa"}).content.decode()
    assert "Pagina chiusa" in html and report.subject not in html


def test_the_csv_export_leaves_out_the_citizens_email(client, moderator, report):
    client.force_login(moderator)
    response = client.get(reverse("inefficiency_reports:index"), {"export": "csv"})

    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:4] == ["N.", "Ricevuta il", "Categoria", "Luogo"]
    assert rows[1][4] == report.subject
    assert "cittadina@example.org" not in body.decode("utf-8-sig")


def test_deleting_a_report_deletes_its_attachment(client, moderator, report):
    path = Path(report.attachment.path)
    client.force_login(moderator)
    response = client.post(reverse("inefficiency_reports:delete", args=[report.pk]))

    assert response.status_code == 302
    assert not InefficiencyReport.objects.exists()
    assert not path.exists()
