"""An editor writes a call with an attachment and submits it to the review workflow; a
moderator approves it; visitors then find it on the public site and can download the PDF."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from cms.demo.pdf import pdf_bytes

from .conftest import login

TITLE = "Contributi per i centri estivi 2026"
SLUG = "contributi-per-i-centri-estivi-2026"
DOCUMENT_TITLE = "Testo del bando per i centri estivi"
ROME = ZoneInfo("Europe/Rome")


def admin_datetime(moment):
    return moment.strftime("%d/%m/%Y %H:%M")


def fill_date(page, label, value):
    """Type a date into one of Wagtail's date fields and leave it with its picker closed.

    The picker (the xdsoft datetimepicker of the admin) opens 100 ms after the field is
    clicked or focused, on a timer that leaving the field does not cancel: leave it before
    the timer fires (a fast test, or a loaded machine that runs the page's timer late) and the
    picker opens afterwards on a field without focus, and stays open over the form, since
    only a blur or a click elsewhere closes it. So the field is left only once its picker is
    open, when no opening is pending any more, and with a blur, which closes the picker and
    validates the typed value without focusing anything else in the form.
    """
    field = page.get_by_role("textbox", name=label, exact=True)
    open_pickers = page.locator(".xdsoft_datetimepicker:visible")
    field.click()
    expect(open_pickers).to_have_count(1)
    field.fill(value)
    field.blur()
    expect(open_pickers).to_have_count(0)
    expect(field).to_have_value(value)


def modal_closed(page):
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.locator(".modal-backdrop")).to_have_count(0)


def test_editor_submits_a_call_and_a_moderator_publishes_it(new_page, shot, tmp_path):
    pdf = tmp_path / "bando-centri-estivi.pdf"
    pdf.write_bytes(pdf_bytes(DOCUMENT_TITLE, "Ambito distrettuale di Crema"))

    # The editor (Redazione) adds a call under Bandi.
    editor = new_page()
    login(editor, "redattore")
    editor.goto("/admin/pages/")
    editor.get_by_role("link", name="Esplora pagine figlio di 'Home'").click()
    editor.get_by_role("link", name="Esplora pagine figlio di 'Bandi'").click()
    editor.get_by_role("link", name="Aggiungi pagina figlio").click()
    editor.wait_for_url(re.compile(r"/admin/pages/add/cms/callpage/\d+/$"))

    editor.get_by_role("textbox", name="Titolo*").fill(TITLE)
    editor.get_by_role("textbox", name="Sommario").fill(
        "Contributi alle famiglie per la frequenza dei centri estivi dei comuni dell'ambito."
    )
    editor.get_by_role("textbox", name="Ente che emette il bando*").fill("Ufficio di Piano")
    now = datetime.now(ROME)
    fill_date(editor, "Apertura", admin_datetime(now - timedelta(days=1)))
    fill_date(editor, "Scadenza per le domande", admin_datetime(now + timedelta(days=30)))
    shot(editor, "editor-form")

    # The attachment: a PDF uploaded from the document chooser.
    editor.get_by_role("region", name="Allegati", exact=True).get_by_role(
        "button", name="Aggiungi allegato"
    ).click()
    attachment = editor.get_by_role("region", name="Allegato 1")
    attachment.get_by_role("button", name="Scegli un documento").click()
    chooser = editor.get_by_role("dialog")
    chooser.get_by_role("tab", name="Carica").click()
    upload = chooser.get_by_role("tabpanel", name="Carica")
    upload.locator("input[type=file]").set_input_files(pdf)
    # Wagtail fills the title from the file name, a moment after the file is chosen: typed
    # before that, the title would end up after the file name.
    title = upload.get_by_role("textbox", name="Titolo")
    expect(title).to_have_value(pdf.stem)
    title.fill(DOCUMENT_TITLE)
    shot(editor, "editor-upload")
    upload.get_by_role("button", name="Carica").click()
    modal_closed(editor)
    expect(editor.locator("#id_attachments-0-document-title")).to_have_text(DOCUMENT_TITLE)
    shot(editor, "editor-attachment-chosen")

    editor.get_by_role("button", name="Altre azioni").click()
    editor.get_by_role("button", name="Invia a Revisione").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(editor.locator(".messages")).to_contain_text("inviata per moderazione")
    shot(editor, "editor-submitted")

    # Not public yet.
    visitor = new_page()
    assert visitor.goto(f"/bandi/{SLUG}/").status == 404

    # The moderator (Moderatori) finds it in their review queue and approves it.
    moderator = new_page()
    login(moderator, "moderatore")
    queue = moderator.get_by_role("region", name="In attesa della tua revisione")
    shot(moderator, "moderator-dashboard")
    queue.get_by_role("link", name=TITLE).click()
    moderator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    moderator.get_by_role("button", name="Altre azioni").click()
    moderator.get_by_role("button", name="Approva e Pubblica", exact=True).click()
    moderator.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(moderator.locator(".messages")).to_contain_text(TITLE)
    shot(moderator, "moderator-approved")

    # Live: in the list of calls, open, with its attachment.
    visitor.goto("/bandi/")
    visitor.get_by_role("link", name=TITLE).click()
    visitor.wait_for_url(f"**/bandi/{SLUG}/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_text("Stato: Aperto")).to_be_visible()
    documents = visitor.get_by_role("region", name="Documenti del bando")
    link = documents.get_by_role("link", name=re.compile(DOCUMENT_TITLE))
    expect(link).to_be_visible()
    shot(visitor, "public-call")
    response = visitor.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
