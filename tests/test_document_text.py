"""Text of attached documents: extracted in the background when a file is uploaded or replaced,
stored, indexed with the title, and searchable only for documents the public may see."""

import io
import logging
import random
import string
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.demo.pdf import pdf_bytes
from cms.models import CallOutcomeAttachment, StandardPage
from search import extraction, signals, tasks
from search.documents import public_pages_by_document, searchable_documents
from search.models import DocumentText
from tests.factories import (
    CallPageFactory,
    DocumentFactory,
    StandardPageFactory,
    attachments,
)

Document = get_document_model()


def pdf_file(title, footer="Ambito distrettuale di Crema", name="allegato.pdf"):
    return ContentFile(pdf_bytes(title, footer), name=name)


def zipped(member, xml):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, xml)
    return buffer.getvalue()


@pytest.fixture
def committed(db, django_capture_on_commit_callbacks):
    """Run what the code defers to the commit (the test transaction never commits)."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def upload(committed, title, file):
    with committed():
        return DocumentFactory(title=title, file=file)


def found(query, queryset=None):
    queryset = DocumentText.objects.all() if queryset is None else queryset
    return {text.document.title for text in queryset.search(query)}


# -- extraction, no database


def test_a_pdf_gives_its_text():
    data = pdf_bytes("Graduatoria assistenti familiari", "Ambito di Crema")
    result = extraction.extract("graduatoria.pdf", io.BytesIO(data), len(data))
    assert result.status == extraction.OK
    assert "Graduatoria assistenti familiari" in result.text
    assert "Ambito di Crema" in result.text


def test_an_odt_gives_its_paragraphs_with_their_spaces():
    xml = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:h>Verbale del Tavolo</text:h><text:p>Presenti<text:s/>i"
        "<text:s text:c='2'/>comuni <text:span>di Crema</text:span></text:p>"
        "</office:text></office:body></office:document-content>"
    )
    data = zipped("content.xml", xml)
    result = extraction.extract("verbale.odt", io.BytesIO(data), len(data))
    assert result.status == extraction.OK
    assert result.text == "Verbale del Tavolo\nPresenti i comuni di Crema"


def test_a_docx_gives_its_paragraphs():
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (
        f'<w:document xmlns:w="{w}"><w:body>'
        "<w:p><w:r><w:t>Avviso pubblico</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>contributi</w:t></w:r><w:r><w:tab/><w:t>affitto</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    data = zipped("word/document.xml", xml)
    result = extraction.extract("avviso.docx", io.BytesIO(data), len(data))
    assert result.status == extraction.OK
    assert result.text == "Avviso pubblico\ncontributi affitto"


def test_a_broken_file_fails_with_a_reason_and_does_not_raise():
    result = extraction.extract("rotto.pdf", io.BytesIO(b"%PDF-1.4 non un pdf"), 19)
    assert result.status == extraction.FAILED
    assert result.message.startswith("File illeggibile")
    assert extraction.extract("rotto.docx", io.BytesIO(b"no zip"), 6).status == extraction.FAILED


def test_limits_skip_the_file_with_a_reason(monkeypatch):
    data = pdf_bytes("Piano di Zona")
    assert extraction.extract("p.pdf", io.BytesIO(data), 21 * 1024 * 1024).status == "skipped"
    monkeypatch.setattr(extraction, "MAX_PAGES", 0)
    result = extraction.extract("p.pdf", io.BytesIO(data), len(data))
    assert result.status == extraction.SKIPPED
    assert "1 pagine" in result.message
    assert extraction.extract("tabella.xlsx", io.BytesIO(b""), 0).status == extraction.SKIPPED


def test_long_text_is_cut_on_a_word(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_CHARS", 12)
    result = extraction.extract("n.txt", io.BytesIO(b"assistenti familiari anziani"), 28)
    assert result.status == extraction.OK
    assert result.text == "assistenti"
    assert "troncato" in result.message


def test_a_file_with_no_text_is_empty():
    result = extraction.extract("vuoto.txt", io.BytesIO(b"  \n\n "), 5)
    assert result.status == extraction.EMPTY


# -- on save, through the task queue


def test_an_uploaded_pdf_is_extracted_and_searchable(committed):
    document = upload(committed, "Esito", pdf_file("Graduatoria definitiva voucher"))
    text = DocumentText.objects.get(document=document)
    assert text.status == DocumentText.Status.OK
    assert "Graduatoria definitiva voucher" in text.text
    assert text.file_name == document.file.name
    assert len(text.file_hash) == 40
    assert found("voucher") == {"Esito"}
    assert found("graduatoria") == {"Esito"}
    assert found("Esito") == {"Esito"}


def test_nothing_is_extracted_before_the_commit(db):
    document = DocumentFactory(file=pdf_file("Graduatoria"))
    assert not DocumentText.objects.filter(document=document).exists()


def test_a_replaced_file_is_extracted_again(committed):
    document = upload(committed, "Bando", pdf_file("Prima versione voucher"))
    document.file = pdf_file("Seconda versione contributi", name="bando-v2.pdf")
    with committed():
        document.save()
    text = DocumentText.objects.get(document=document)
    assert "Seconda versione contributi" in text.text
    assert found("contributi") == {"Bando"}
    assert found("voucher") == set()


def test_a_new_title_is_searchable_without_extracting_again(committed, monkeypatch):
    document = upload(committed, "Bando", pdf_file("Contributi affitto"))
    calls = []
    monkeypatch.setattr(tasks.extraction, "extract", lambda *args: calls.append(args))
    document.title = "Avviso morosita incolpevole"
    with committed():
        document.save()
    assert calls == []
    assert found("morosita") == {"Avviso morosita incolpevole"}


def test_a_broken_pdf_is_logged_and_the_document_is_saved(committed, caplog):
    with caplog.at_level(logging.WARNING, logger="search.tasks"):
        document = upload(committed, "Rotto", ContentFile(b"%PDF-1.4\n%%EOF\n", name="r.pdf"))
    assert Document.objects.filter(pk=document.pk).exists()
    text = DocumentText.objects.get(document=document)
    assert text.status == DocumentText.Status.FAILED
    assert text.text == ""
    assert f"No text from document {document.pk}" in caplog.text
    assert "File illeggibile" in caplog.text
    assert found("Rotto") == {"Rotto"}


def test_an_oversized_file_is_logged_and_skipped(committed, caplog, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_FILE_BYTES", 100)
    with caplog.at_level(logging.WARNING, logger="search.tasks"):
        document = upload(committed, "Enorme", pdf_file("Bilancio sociale"))
    text = DocumentText.objects.get(document=document)
    assert text.status == DocumentText.Status.SKIPPED
    assert "troppo grande" in text.message
    assert "troppo grande" in caplog.text


def test_a_missing_file_fails_without_raising(committed):
    document = upload(committed, "Sparito", pdf_file("Testo"))
    document.file.storage.delete(document.file.name)
    assert tasks.extract_document_text.call(document.pk) == extraction.FAILED
    assert DocumentText.objects.get(document=document).message.startswith("File mancante")


def test_an_unavailable_queue_never_fails_the_save(committed, monkeypatch, caplog):
    class BrokenQueue:
        def enqueue(self, *args):
            raise ConnectionError("queue down")

    monkeypatch.setattr(signals, "extract_document_text", BrokenQueue())
    document = upload(committed, "Comunque salvato", pdf_file("Testo"))
    assert Document.objects.filter(pk=document.pk).exists()
    assert "queue down" in caplog.text


def test_an_upload_through_the_admin_gets_its_text(client, superuser, committed):
    client.force_login(superuser)
    data = pdf_bytes("Determina di aggiudicazione servizio educativo")
    with committed():
        response = client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Determina",
                "file": SimpleUploadedFile("determina.pdf", data, "application/pdf"),
                "collection": Collection.get_first_root_node().pk,
            },
        )
    assert response.status_code == 302
    text = DocumentText.objects.get(document__title="Determina")
    assert "servizio educativo" in text.text


def test_the_command_queues_documents_without_current_text(committed):
    extracted = upload(committed, "Estratto", pdf_file("Verbale"))
    waiting = DocumentFactory(title="In attesa", file=pdf_file("Piano di Zona"))
    out = io.StringIO()
    call_command("extract_document_text", "--missing", stdout=out)
    assert "1." in out.getvalue()
    assert "Piano di Zona" in DocumentText.objects.get(document=waiting).text
    call_command("extract_document_text", "--all", stdout=out)
    assert "2." in out.getvalue()
    assert DocumentText.objects.get(document=extracted).status == DocumentText.Status.OK


# -- what the public may find


@pytest.fixture
def restricted_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Riservata")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_a_document_on_a_live_public_page_is_searchable(home):
    document = DocumentFactory()
    StandardPageFactory(parent=home, attachments=attachments(document))
    assert list(searchable_documents()) == [document]


def test_an_unattached_document_is_not_searchable(db):
    DocumentFactory()
    assert not searchable_documents().exists()


def test_a_document_in_a_restricted_collection_or_below_is_not_searchable(
    home, restricted_collection
):
    inside = DocumentFactory(collection=restricted_collection)
    below = DocumentFactory(collection=restricted_collection.add_child(name="Sotto"))
    StandardPageFactory(parent=home, attachments=attachments(inside, below))
    assert not searchable_documents().exists()


def test_a_document_on_a_draft_page_only_is_not_searchable(home):
    document = DocumentFactory()
    draft = StandardPage(title="Bozza", slug="bozza", live=False, attachments=attachments(document))
    home.add_child(instance=draft)
    draft.save_revision()
    assert not searchable_documents().exists()


def test_a_document_on_a_private_page_only_is_not_searchable(home):
    document = DocumentFactory()
    section = StandardPageFactory(parent=home)
    StandardPageFactory(parent=section, attachments=attachments(document))
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert not searchable_documents().exists()


def test_a_call_outcome_attachment_makes_a_document_searchable(call_index):
    document = DocumentFactory()
    CallPageFactory(
        parent=call_index, outcome_attachments=[CallOutcomeAttachment(document=document)]
    )
    assert list(searchable_documents()) == [document]


def test_search_finds_the_text_of_public_documents_only(committed, home, restricted_collection):
    public = upload(committed, "Pubblico", pdf_file("Graduatoria voucher anziani"))
    private = upload(committed, "Privato", pdf_file("Graduatoria voucher riservata"))
    private.collection = restricted_collection
    private.save()
    StandardPageFactory(parent=home, attachments=attachments(public, private))
    queryset = DocumentText.objects.filter(document__in=searchable_documents())
    assert found("voucher") == {"Pubblico", "Privato"}
    assert found("voucher", queryset) == {"Pubblico"}
    assert found("Privato", queryset) == set()


def test_pages_of_documents_in_two_queries_whatever_their_number(home, django_assert_num_queries):
    documents = [DocumentFactory() for _ in range(3)]
    older = StandardPageFactory(parent=home, attachments=attachments(*documents))
    newer = StandardPageFactory(parent=home, attachments=attachments(documents[0]))
    older.refresh_from_db()
    newer_draft_only = StandardPage(
        title="Bozza", slug="bozza", live=False, attachments=attachments(documents[1])
    )
    home.add_child(instance=newer_draft_only)
    StandardPage.objects.filter(pk=newer.pk).update(first_published_at=older.first_published_at)
    StandardPage.objects.filter(pk=older.pk).update(
        first_published_at=older.first_published_at.replace(year=2016)
    )
    with django_assert_num_queries(2):
        pages = public_pages_by_document([document.pk for document in documents])
    assert pages[documents[0].pk] == [newer.page_ptr, older.page_ptr]
    assert pages[documents[1].pk] == [older.page_ptr]
    assert pages[documents[2].pk] == [older.page_ptr]
    assert public_pages_by_document([]) == {}


def test_demo_documents_get_their_text(committed):
    with committed():
        call_command("load_demo", stdout=io.StringIO())
    documents = Document.objects.all()
    assert documents.exists()
    texts = DocumentText.objects.filter(status=DocumentText.Status.OK)
    assert texts.count() == documents.count()
    assert all(text.document.title.split()[0] in text.text for text in texts)


def test_the_longest_text_kept_is_indexed(db):
    # Distinct words are the worst case for PostgreSQL's 1 MB tsvector.
    rng = random.Random(4)
    words, length = [], 0
    while length < extraction.MAX_CHARS:
        words.append("".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 10))))
        length += len(words[-1]) + 1
    result = extraction.finished(" ".join(words))
    assert len(result.text) <= extraction.MAX_CHARS
    DocumentText.objects.create(
        document=DocumentFactory(title="Lungo"),
        text=result.text,
        status=result.status,
        file_name="lungo.txt",
        extracted_at=timezone.now(),
    )
    assert found(words[-100]) == {"Lungo"}
