"""Upload policy (cms/uploads.py, the WAGTAILDOCS_* / WAGTAILIMAGES_* settings): through the
real admin views (document add, replace, multiple upload, chooser upload; the same for
images), only the allowed extensions, within the size limit, with bytes that match the
extension, stored under MEDIA_ROOT with a safe name; a refusal leaves no row and no file.
Documents are served with a fixed type, inline only for PDF, with nosniff and Wagtail's CSP."""

import html
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import APIToken, Collection, UploadedFile

from cms.demo.pdf import pdf_bytes
from cms.uploads import MAX_NAME_LENGTH, safe_filename

Document = get_document_model()
Image = get_image_model()

PDF = pdf_bytes("Relazione sociale di ambito", "Ambito distrettuale di Crema")
PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64 + b"PE\x00\x00"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
PPTX = zipped({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
ODS = zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
ZIP = zipped({"leggimi.txt": "allegati del bando"})
RTF = b"{\\rtf1\\ansi Verbale della seduta}"
TXT = b"Elenco dei comuni dell'ambito: Crema, Offanengo, Pandino.\n"
CSV = b"comune;abitanti\nCrema;34000\nSergnano;3600\n"


def png(size=(8, 8)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    """MEDIA_ROOT in a folder of its own, inside tmp_path: whatever lands outside it escaped."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = str(root)
    return root


def stored_files(root):
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def nothing_outside(media):
    assert [p.name for p in media.parent.iterdir()] == ["media"]


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def redattrice(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


def add_document(client, collection, name, data, title="Allegato"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, data),
            "collection": collection.pk,
        },
    )


def add_multiple(client, collection, name, data, kind="documents"):
    response = client.post(
        reverse(f"wagtail{'docs' if kind == 'documents' else 'images'}:add_multiple"),
        {"title": name, "collection": collection.pk, "files[]": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 200
    return response.json()


def chooser_upload(client, collection, name, data):
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Dal selettore",
            "document-chooser-upload-file": SimpleUploadedFile(name, data),
            "document-chooser-upload-collection": collection.pk,
        },
    )
    assert response.status_code == 200
    return response.json()


def form_errors(response):
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


# Refused: not allowed, or bytes that are not what the extension says.
REFUSED = [
    pytest.param("pagina.html", PAGE, "non sono ammessi", id="html"),
    pytest.param("pagina.htm", PAGE, "non sono ammessi", id="htm"),
    pytest.param("disegno.svg", SVG, "non sono ammessi", id="svg"),
    pytest.param("dati.xml", b"<?xml version='1.0'?><a/>", "non sono ammessi", id="xml"),
    pytest.param("shell.php", b"<?php system($_GET['c']); ?>", "non sono ammessi", id="php"),
    pytest.param(
        ".htaccess", b"AddType application/x-httpd-php .pdf", "non sono ammessi", id="htaccess"
    ),
    pytest.param("setup.exe", EXE, "non sono ammessi", id="exe"),
    pytest.param("script.js", b"alert(1)", "non sono ammessi", id="js"),
    pytest.param("senza-estensione", PDF, "non ha un'estensione", id="no-extension"),
    pytest.param("bando.pdf", PAGE, "non è un file PDF valido", id="html-as-pdf"),
    pytest.param("bando.pdf", EXE, "non è un file PDF valido", id="exe-as-pdf"),
    pytest.param("bando.pdf", SVG, "non è un file PDF valido", id="svg-as-pdf"),
    pytest.param("bando.PDF", b"", "vuoto", id="empty"),
    pytest.param("verbale.docx", PAGE, "non è un file Word (.docx) valido", id="html-as-docx"),
    pytest.param("verbale.docx", ZIP, "non è un file Word (.docx) valido", id="zip-as-docx"),
    pytest.param("verbale.docx", ODT, "non è un file Word (.docx) valido", id="odt-as-docx"),
    pytest.param("tabella.xlsx", DOCX, "Excel (.xlsx)", id="docx-as-xlsx"),
    pytest.param("verbale.odt", DOCX, "OpenDocument (.odt)", id="docx-as-odt"),
    pytest.param("tabella.ods", ODT, "OpenDocument (.ods)", id="odt-as-ods"),
    pytest.param("archivio.zip", ELF, "non è un file ZIP valido", id="elf-as-zip"),
    pytest.param("lettera.rtf", PAGE, "non è un file RTF valido", id="html-as-rtf"),
    pytest.param("note.txt", PAGE, "pagina web o del codice", id="html-as-txt"),
    pytest.param(
        "note.txt", b"  \n<svg onload=alert(1)>", "pagina web o del codice", id="svg-as-txt"
    ),
    pytest.param(
        "dati.csv", b"<script>alert(1)</script>", "pagina web o del codice", id="script-as-csv"
    ),
    pytest.param("note.txt", EXE, "non contiene testo", id="exe-as-txt"),
]

ACCEPTED = [
    pytest.param("bando.pdf", PDF, "application/pdf", id="pdf"),
    pytest.param("verbale.docx", DOCX, "wordprocessingml.document", id="docx"),
    pytest.param("tabella.xlsx", XLSX, "spreadsheetml.sheet", id="xlsx"),
    pytest.param("slide.pptx", PPTX, "presentationml.presentation", id="pptx"),
    pytest.param("verbale.odt", ODT, "opendocument.text", id="odt"),
    pytest.param("tabella.ods", ODS, "opendocument.spreadsheet", id="ods"),
    pytest.param("allegati.zip", ZIP, "application/zip", id="zip"),
    pytest.param("lettera.rtf", RTF, "application/rtf", id="rtf"),
    pytest.param("elenco.txt", TXT, "text/plain", id="txt"),
    pytest.param("dati.csv", CSV, "text/csv", id="csv"),
]


# -- documents: the add view


@pytest.mark.parametrize(("name", "data", "message"), REFUSED)
def test_the_add_view_refuses(admin, media, root_collection, name, data, message):
    response = add_document(admin, root_collection, name, data)

    assert response.status_code == 200
    assert message in form_errors(response)
    assert len(response.context["form"].errors["file"]) == 1  # one clear message
    assert not Document.objects.exists()
    assert stored_files(media) == []
    nothing_outside(media)


@pytest.mark.parametrize(("name", "data", "content_type"), ACCEPTED)
def test_the_add_view_accepts(admin, media, root_collection, name, data, content_type):
    response = add_document(admin, root_collection, name, data)

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name == f"documents/{name}"
    assert stored_files(media) == [f"documents/{name}"]
    assert content_type in document.content_type


def test_an_editor_is_held_to_the_same_rules(redattrice, media, root_collection):
    refused = add_document(redattrice, root_collection, "bando.pdf", PAGE)
    accepted = add_document(redattrice, root_collection, "Bando 2026.pdf", PDF)

    assert "non è un file PDF valido" in form_errors(refused)
    assert accepted.status_code == 302
    assert Document.objects.get().file.name == "documents/Bando_2026.pdf"
    assert stored_files(media) == ["documents/Bando_2026.pdf"]


def test_replacing_a_file_is_checked_too_and_keeps_the_old_one(admin, media, root_collection):
    add_document(admin, root_collection, "bando.pdf", PDF)
    document = Document.objects.get()

    response = admin.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Bando",
            "file": SimpleUploadedFile("bando.pdf", PAGE),
            "collection": root_collection.pk,
        },
    )

    assert response.status_code == 200
    assert "non è un file PDF valido" in form_errors(response)
    document.refresh_from_db()
    assert document.file.name == "documents/bando.pdf"
    assert Path(document.file.path).read_bytes() == PDF
    assert stored_files(media) == ["documents/bando.pdf"]


# -- documents: the multiple upload and the chooser


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("pagina.html", PAGE, "non sono ammessi", id="html"),
        pytest.param("disegno.svg", SVG, "non sono ammessi", id="svg"),
        pytest.param("bando.pdf", PAGE, "non è un file PDF valido", id="html-as-pdf"),
        pytest.param("verbale.docx", EXE, "Word (.docx)", id="exe-as-docx"),
        pytest.param("note.txt", PAGE, "pagina web o del codice", id="html-as-txt"),
    ],
)
def test_the_multiple_upload_refuses(admin, media, root_collection, name, data, message):
    answer = add_multiple(admin, root_collection, name, data)

    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(media) == []


def test_the_multiple_upload_accepts_and_cleans_the_name(admin, media, root_collection):
    answer = add_multiple(admin, root_collection, "Verbale n. 3 del Tavolo è.pdf", PDF)

    assert answer["success"] is True
    assert Document.objects.get().file.name == "documents/Verbale_n_3_del_Tavolo_e.pdf"
    assert stored_files(media) == ["documents/Verbale_n_3_del_Tavolo_e.pdf"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("pagina.html", PAGE, "non sono ammessi", id="html"),
        pytest.param("bando.pdf", PAGE, "non è un file PDF valido", id="html-as-pdf"),
        pytest.param("verbale.odt", ZIP, "OpenDocument (.odt)", id="zip-as-odt"),
    ],
)
def test_the_chooser_upload_refuses(admin, media, root_collection, name, data, message):
    answer = chooser_upload(admin, root_collection, name, data)

    assert answer["step"] != "chosen"
    assert message in html.unescape(answer["htmlFragment"])
    assert not Document.objects.exists()
    assert stored_files(media) == []


def test_the_chooser_upload_accepts_and_cleans_the_name(redattrice, media, root_collection):
    answer = chooser_upload(redattrice, root_collection, "x.php.pdf", PDF)

    assert answer["step"] == "chosen"
    assert Document.objects.get().file.name == "documents/x_php.pdf"
    assert stored_files(media) == ["documents/x_php.pdf"]


# -- documents: the API v3 (a token of an editor), the same forms


def test_the_api_refuses_and_accepts_the_same_way(client, editor, media, root_collection):
    _token, raw = APIToken.create_token(user=editor, name="strumento esterno")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def post(name, data):
        return client.post(
            "/api/v3/documents/", {"title": "Bando", "file": SimpleUploadedFile(name, data)}, **auth
        )

    refused = post("bando.pdf", PAGE)
    not_allowed = post("pagina.html", PAGE)
    assert stored_files(media) == []
    accepted = post("Bando finale è.pdf", PDF)

    assert refused.status_code == 422
    assert refused.json()["errors"][0]["type"] == "content_mismatch"
    assert not_allowed.status_code == 422
    assert "I file .html non sono ammessi" in not_allowed.json()["errors"][0]["msg"]
    assert accepted.status_code == 201
    assert accepted.json()["meta"]["download_url"].endswith("/Bando_finale_e.pdf")
    assert stored_files(media) == ["documents/Bando_finale_e.pdf"]


# -- size limit (WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE, from UPLOAD_MAX_MB)


def big_pdf(size):
    return PDF + b"%" + b"x" * (size - len(PDF) - 1)


def test_a_document_over_the_limit_is_refused_naming_the_limit(
    admin, media, root_collection, settings
):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024 * 1024

    response = add_document(admin, root_collection, "grande.pdf", big_pdf(1024 * 1024 + 1))
    answer = add_multiple(admin, root_collection, "grande.pdf", big_pdf(1024 * 1024 + 1))

    assert "Questo file è troppo grande (1,0\xa0MB)" in form_errors(response)
    assert "Dimensione massima del file 1,0\xa0MB" in form_errors(response)
    assert answer["success"] is False
    assert answer["error_message"] == (
        "Questo file è troppo grande (1,0\xa0MB). Dimensione massima del file 1,0\xa0MB."
    )
    assert not Document.objects.exists()
    assert stored_files(media) == []


def test_a_document_at_the_limit_is_accepted(admin, media, root_collection, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024 * 1024

    response = add_document(admin, root_collection, "grande.pdf", big_pdf(1024 * 1024))

    assert response.status_code == 302
    assert Document.objects.get().file_size == 1024 * 1024


def test_the_add_form_tells_the_limit(admin, media):
    response = admin.get(reverse("wagtaildocs:add"))
    help_text = response.context["form"].fields["file"].help_text
    assert help_text == (
        "Formati ammessi: csv, docx, odt, ods, pdf, pptx, rtf, txt, xlsx, zip. "
        "Dimensione massima: 20,0\xa0MB."
    )
    assert help_text in html.unescape(response.content.decode())


def test_an_image_over_the_limit_is_refused(admin, media, root_collection, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2000

    response = add_image(admin, root_collection, "foto.png", png((400, 400)) + b"\x00" * 2000)

    assert "Dimensione massima del file 2,0\xa0KB" in form_errors(response)
    assert not Image.objects.exists()
    assert stored_files(media) == []


def test_the_limits_come_from_the_environment():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "UPLOAD_MAX_MB": "5",
        "IMAGE_UPLOAD_MAX_MB": "2.5",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.WAGTAILDOCS_MAX_UPLOAD_SIZE, s.WAGTAILIMAGES_MAX_UPLOAD_SIZE)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [str(5 * 1024 * 1024), str(int(2.5 * 1024 * 1024))]


def test_the_default_limits():
    assert django_settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert django_settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024


# -- file names: sent as they are on the wire (the test client would drop the folders itself)


def raw_upload(client, url, fields, file_field, filename, data):
    boundary = "----udp-upload-boundary"
    parts = []
    for key, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        (
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{file_field}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return client.post(
        url, data=b"".join(parts), content_type=f"multipart/form-data; boundary={boundary}"
    )


LONG = "Determina dirigenziale di approvazione della graduatoria " * 6 + ".pdf"

NAMES = [
    pytest.param("../../fuori.pdf", "fuori.pdf", id="traversal"),
    pytest.param("..\\..\\..\\fuori.pdf", "fuori.pdf", id="windows-traversal"),
    pytest.param("/etc/cron.d/fuori.pdf", "fuori.pdf", id="absolute"),
    pytest.param("C:fuori.pdf", "C_fuori.pdf", id="drive"),
    pytest.param("&#46;&#46;/&#46;&#46;/fuori.pdf", "fuori.pdf", id="html-entities"),
    pytest.param("con\x07tro\x1bllo\x7f.pdf", "controllo.pdf", id="control-characters"),
    pytest.param(
        "Relazione finale  2025 – è già.pdf", "Relazione_finale_2025_e_gia.pdf", id="accents"
    ),
    pytest.param("x.php.pdf", "x_php.pdf", id="double-extension"),
    pytest.param(".hidden.pdf", "hidden.pdf", id="hidden"),
    pytest.param("BANDO.PDF", "BANDO.pdf", id="upper-case-extension"),
    pytest.param("€€€.pdf", "documento.pdf", id="nothing-left"),
    pytest.param(LONG, "Determina_dirigenziale_di_approvazione_della_graduatoria.pdf", id="long"),
]


@pytest.mark.parametrize(("sent", "stored"), NAMES)
def test_an_uploaded_name_is_stored_safely_inside_media(
    admin, media, root_collection, sent, stored
):
    response = raw_upload(
        admin,
        reverse("wagtaildocs:add"),
        {"title": "Allegato", "collection": root_collection.pk},
        "file",
        sent,
        PDF,
    )

    assert response.status_code == 302, response.context and form_errors(response)
    document = Document.objects.get()
    assert document.file.name == f"documents/{stored}"
    assert len(document.filename) <= MAX_NAME_LENGTH
    assert Path(document.file.path).resolve().is_relative_to(media.resolve())
    assert stored_files(media) == [f"documents/{stored}"]
    nothing_outside(media)
    # The download keeps that name.
    download = admin.get(document.url)
    assert download.status_code == 200
    assert f'filename="{stored}"' in download["Content-Disposition"]


def test_the_multiple_upload_cleans_raw_names_too(admin, media, root_collection):
    response = raw_upload(
        admin,
        reverse("wagtaildocs:add_multiple"),
        {"title": "Allegato", "collection": root_collection.pk},
        "files[]",
        "../../../Verbale del Tavolo.pdf",
        PDF,
    )

    assert response.json()["success"] is True
    assert stored_files(media) == ["documents/Verbale_del_Tavolo.pdf"]
    nothing_outside(media)


def test_the_same_name_twice_gets_two_files(admin, media, root_collection):
    add_document(admin, root_collection, "bando.pdf", PDF)
    add_document(admin, root_collection, "bando.pdf", PDF)

    names = stored_files(media)
    assert len(names) == 2
    assert names[0].startswith("documents/bando") and names[1].startswith("documents/bando")


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../x.pdf", "x.pdf"),
        ("..\\x.pdf", "x.pdf"),
        (".htaccess", "file.htaccess"),
        ("x.p%df", "x.p_df"),
        ("....pdf", "file.pdf"),
        ("a" * 300 + ".pdf", "a" * (MAX_NAME_LENGTH - 4) + ".pdf"),
        ("senza estensione", "senza_estensione"),
        ("Ünïcödé façade.Docx", "Unicode_facade.docx"),
    ],
)
def test_safe_filename(name, safe):
    assert safe_filename(name) == safe


# -- serving: no active content ever rendered


def legacy_document(name, data):
    """A document that never went through the forms (imported before this policy)."""
    collection = Collection.get_first_root_node()
    document = Document(title=name, file=ContentFile(data, name=name), collection=collection)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("vecchia.html", "application/octet-stream"),
        ("vecchio.svg", "application/octet-stream"),
        ("vecchio.xml", "application/octet-stream"),
        ("vecchio.txt", "text/plain"),
        ("vecchio.csv", "text/csv"),
        ("vecchio.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_anything_but_pdf_is_downloaded_never_rendered(client, db, media, name, content_type):
    document = legacy_document(name, PAGE)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_pdf_is_shown_inline_as_a_pdf_whatever_its_bytes(client, db, media):
    document = legacy_document("finto.pdf", PAGE)

    response = client.get(document.url)

    # Inline, but as application/pdf with nosniff: the browser never renders it as a page,
    # and the policy forbids any script or embedded content.
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="finto.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_media_files_are_not_served_by_the_application(client, db, media):
    document = legacy_document("bando.pdf", PDF)

    assert client.get(f"/media/{document.file.name}").status_code == 404


# -- images: no SVG, bytes that match the extension, safe names


def add_image(client, collection, name, data, title="Foto"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": SimpleUploadedFile(name, data), "collection": collection.pk},
    )


UNSUPPORTED = "Formato immagine non supportato. Formati supportati: GIF, JPG, JPEG, PNG, WEBP."
IMAGE_REFUSED = [
    pytest.param("logo.svg", SVG, UNSUPPORTED, id="svg"),
    pytest.param("logo.png", SVG, "non corrisponde al formato del file (svg)", id="svg-as-png"),
    pytest.param("pagina.png", PAGE, "Non è un'immagine .png valida", id="html-as-png"),
    pytest.param("foto.jpg", png(), "non corrisponde al formato del file (png)", id="png-as-jpg"),
    pytest.param("setup.png", EXE, "Invia un'immagine valida", id="exe-as-png"),
    pytest.param("foto.bmp", b"BM" + b"\x00" * 60, UNSUPPORTED, id="bmp"),
]


@pytest.mark.parametrize(("name", "data", "message"), IMAGE_REFUSED)
def test_the_image_add_view_refuses(admin, media, root_collection, name, data, message):
    response = add_image(admin, root_collection, name, data)

    assert response.status_code == 200
    assert message in form_errors(response)
    assert not Image.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize(("name", "data", "message"), IMAGE_REFUSED[:3])
def test_the_image_multiple_upload_refuses(admin, media, root_collection, name, data, message):
    answer = add_multiple(admin, root_collection, name, data, kind="images")

    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not Image.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(media) == []


def test_the_image_chooser_upload_refuses_svg(admin, media, root_collection):
    response = admin.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Logo",
            "image-chooser-upload-file": SimpleUploadedFile("logo.svg", SVG),
            "image-chooser-upload-collection": root_collection.pk,
        },
    )

    answer = response.json()
    assert answer["step"] != "chosen"
    assert UNSUPPORTED in html.unescape(answer["htmlFragment"])
    assert not Image.objects.exists()
    assert stored_files(media) == []


def test_an_image_is_stored_with_a_safe_name(redattrice, media, root_collection):
    response = raw_upload(
        redattrice,
        reverse("wagtailimages:add"),
        {"title": "Foto", "collection": root_collection.pk},
        "file",
        "../../Festa d'estate è.foto.PNG",
        png(),
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name == "original_images/Festa_d_estate_e_foto.png"
    assert stored_files(media) == ["original_images/Festa_d_estate_e_foto.png"]
    nothing_outside(media)


def test_the_upload_forms_are_ours():
    from wagtail.documents.forms import get_document_form
    from wagtail.images.forms import get_image_form

    from cms.uploads import DocumentForm, ImageForm

    assert issubclass(get_document_form(Document), DocumentForm)
    assert issubclass(get_image_form(Image), ImageForm)
    assert "svg" not in django_settings.WAGTAILIMAGES_EXTENSIONS
    assert django_settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == ["application/pdf"]
