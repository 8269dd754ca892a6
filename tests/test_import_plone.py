"""`manage.py import_plone`: a collective.exportimport list (our own sample), a folder of
one file per item, and the real plone.exportimport export of ../shared/samples."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.models import Page

from cms.models import CallPage, MinutesPage, NewsPage, StandardPage
from imports.models import ImportedItem
from tests.registry_factories import NetworkFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "samples" / "plone" / "export.json"
REAL = Path(__file__).resolve().parents[2] / "shared/samples/plone/plone-exportimport-base_import"


@pytest.fixture
def site(home, news_index, minutes_index, call_index):
    return NetworkFactory(name="Ufficio di Piano", slug="ufficio-di-piano")


def run(path, *args):
    out = io.StringIO()
    call_command("import_plone", str(path), *args, stdout=out)
    return out.getvalue()


def state():
    return (
        Page.objects.count(),
        Document.objects.count(),
        Redirect.objects.count(),
        ImportedItem.objects.count(),
    )


def test_every_kind_of_item_lands_where_it_belongs(site, client):
    summary = run(SAMPLE)

    folder = StandardPage.objects.get(slug="chi-siamo")
    contacts = StandardPage.objects.get(slug="contatti")
    assert contacts.get_parent().pk == folder.pk
    assert folder.live and contacts.live
    assert "<script" not in contacts.body and "style=" not in contacts.body
    assert "<b>martedì</b>" in contacts.body
    assert sorted(contacts.tags.names()) == ["Ambito", "Contatti"]
    assert timezone.localtime(contacts.first_published_at).date().isoformat() == "2019-03-02"

    news = NewsPage.objects.get(title="Nuove soglie ISEE per i voucher")
    assert news.live and news.date.isoformat() == "2021-02-15"
    assert news.intro == "Cambiano le soglie dal 1° marzo."

    meeting = MinutesPage.objects.get()
    assert meeting.meeting_body == site
    assert meeting.meeting_date.isoformat() == "2017-01-18"
    assert meeting.meeting_time.strftime("%H:%M") == "09:00"
    assert meeting.place == "Via Manini 21, Crema"
    # An event that names none of our networks is news.
    assert NewsPage.objects.filter(title="Festa del volontariato").exists()

    call = CallPage.objects.get(title="Avviso per i centri antiviolenza")
    assert call.issuer == "ATS Val Padana"
    assert call.call_type == "grants"
    assert sorted(r.name for r in call.recipients.all()) == ["Associazioni", "Enti locali"]
    assert call.application_deadline.isoformat() == "2030-06-30T10:00:00+00:00"
    assert call.closing_date.isoformat() == "2030-12-31"
    assert call.state_at(timezone.now()) == "open"
    assert "Ulteriori informazioni" in call.body
    assert [a.document.title for a in call.attachments.all()] == ["Modulo di domanda"]

    regolamento = Document.objects.get(title="Regolamento dell'ambito")
    assert regolamento.file.read().startswith(b"%PDF-1.4")

    assert "Creati: 9" in summary
    assert "tipo non importato: Link 1" in summary
    assert "cartelle di approfondimento" in summary


def test_a_private_item_stays_a_draft_nobody_sees(site, client):
    run(SAMPLE)

    draft = StandardPage.objects.get(title="Appunti riservati della riunione")
    assert not draft.live
    assert client.get(draft.get_url() or "/chi-siamo/bozza-interna/").status_code == 404
    listing = client.get("/api/v3/pages/", {"type": "cms.StandardPage"}).content.decode()
    assert "Appunti riservati" not in listing


def test_one_bad_item_is_reported_and_the_others_are_imported(site):
    summary = run(SAMPLE)

    assert "Non importati per errore: 1" in summary
    assert "Bando /bandi/bando-senza-date-coerenti" in summary
    assert not CallPage.objects.filter(title="Bando con date impossibili").exists()
    assert CallPage.objects.filter(title="Avviso per i centri antiviolenza").exists()


def test_old_addresses_redirect_to_the_new_pages(site, client):
    run(SAMPLE)
    news = NewsPage.objects.get(title="Nuove soglie ISEE per i voucher")

    response = client.get("/notizie/nuove-soglie-isee")
    document = client.get("/regolamento.pdf")

    assert response.status_code == 301
    assert response["Location"].endswith(news.url)
    assert document.status_code == 301
    assert document["Location"].endswith(Document.objects.get(title__startswith="Regolamento").url)


def test_a_second_run_changes_nothing_and_a_changed_item_is_updated(site, tmp_path):
    run(SAMPLE)
    before = state()

    again = run(SAMPLE)
    assert state() == before
    assert "Creati: 0" in again and "Aggiornati: 0" in again

    items = json.loads(SAMPLE.read_text())
    news = next(item for item in items if item["UID"] == "uid-news-isee")
    news["title"] = "Nuove soglie ISEE per i voucher (aggiornato)"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(items))
    page = NewsPage.objects.get(title__startswith="Nuove soglie ISEE")
    revisions = page.revisions.count()

    summary = run(changed)

    assert "Aggiornati: 1 (notizie 1)" in summary
    assert state() == before
    page.refresh_from_db()
    assert page.title.endswith("(aggiornato)") and page.live
    assert page.revisions.count() == revisions + 1


def test_dry_run_reports_and_writes_nothing(site):
    before = state()

    summary = run(SAMPLE, "--dry-run")

    assert "nessuna modifica salvata" in summary
    assert "notizie 2" in summary
    assert state() == before


@pytest.mark.parametrize(
    "content, message",
    [
        ('[{"@id": "/a", "@type": "Document"', "riga 1"),
        ('{"@type": "Document"}', "elenco JSON"),
        ('[{"@id": "/a", "title": "senza tipo"}]', "@type"),
        ("[1, 2]", "non è un oggetto"),
    ],
)
def test_a_malformed_export_is_refused_and_changes_nothing(site, tmp_path, content, message):
    bad = tmp_path / "rotto.json"
    bad.write_text(content)
    before = state()

    with pytest.raises(CommandError, match=message):
        run(bad)

    assert state() == before


def test_a_missing_path_is_a_clear_error(site, tmp_path):
    with pytest.raises(CommandError, match="non esiste"):
        run(tmp_path / "nessuno.json")


def test_a_folder_of_one_file_per_item_is_the_same_export(site, tmp_path):
    for number, item in enumerate(json.loads(SAMPLE.read_text())):
        (tmp_path / f"{number:02d}.json").write_text(json.dumps(item))

    summary = run(tmp_path)

    assert "Creati: 9" in summary
    assert CallPage.objects.filter(title="Avviso per i centri antiviolenza").exists()


def test_parent_puts_the_tree_under_another_page(site, home):
    archive = home.add_child(instance=StandardPage(title="Archivio", slug="archivio"))

    run(SAMPLE, "--parent", "/archivio/")

    assert StandardPage.objects.get(slug="chi-siamo").get_parent().pk == archive.pk
    with pytest.raises(CommandError, match="Nessuna pagina"):
        run(SAMPLE, "--parent", "/non-esiste/")


@pytest.mark.skipif(not REAL.is_dir(), reason="the shared samples are not on this machine")
def test_the_real_plone_exportimport_sample(site, tmp_path):
    export = tmp_path / "export"
    shutil.copytree(REAL, export)  # read-only originals; the importer only reads

    summary = run(export)

    live = set(StandardPage.objects.live().values_list("url_path", flat=True))
    assert {path.split("/", 2)[2] for path in live} == {"bar/foo/"}
    assert NewsPage.objects.get(title="An important news").live
    assert StandardPage.objects.not_live().count() == 4
    sizes = sorted(
        Document.objects.filter(collection__name="Importati da Plone").values_list(
            "file_size", flat=True
        )
    )
    assert sizes == [7903, 40383, 66267]
    assert "commenti (non importati) 7" in summary
    assert "mai importati" in summary
    assert "Creati: 0" in run(export)
