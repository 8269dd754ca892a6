"""factory-boy factories for the models of the project.

Wagtail pages cannot be saved on their own: a page factory builds the instance and hands it
to ``add_published(parent, page)``, so ``PlanPageFactory(parent=plan_index)`` creates a live
page with a published revision. Child objects (objectives, agenda items, attachments) are
passed as lists of unsaved instances, as modelcluster expects.
"""

from datetime import date, time

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.models import (
    AgendaItem,
    AgendaOutcome,
    CallPage,
    CallRecipient,
    MinutesPage,
    NewsPage,
    PageAttachment,
    PlanKind,
    PlanObjective,
    PlanPage,
    PlanStatus,
    StandardPage,
)
from network.models import Network, NetworkKind

PDF_BYTES = b"%PDF-1.4\n% test document\n%%EOF\n"


def add_published(parent, page):
    """Add ``page`` under ``parent`` and publish its first revision."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def republish(page):
    """Publish a new revision of ``page`` (after changing its tags or fields)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Tavolo di prova {n}")
    slug = factory.Sequence(lambda n: f"tavolo-di-prova-{n}")
    kind = NetworkKind.TABLE


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Documento di prova {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(PDF_BYTES, name="x.pdf"))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document


class CallRecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallRecipient
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Destinatari {n}")


class PageFactory(factory.Factory):
    """Base of the page factories: ``parent`` is required and the page is published under it."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.Sequence(lambda n: f"pagina-{n}")

    @classmethod
    def _create(cls, model_class, parent, **kwargs):
        return add_published(parent, model_class(**kwargs))


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Chi siamo {n}")
    intro = "Chi siamo e che cosa facciamo."
    body = "<p>L'Ufficio di Piano coordina i servizi sociali dei 48 comuni.</p>"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Notizia {n}")
    date = date(2017, 3, 1)
    intro = "Un avviso per i cittadini."
    body = "<p>Testo della notizia.</p>"


class PlanPageFactory(PageFactory):
    class Meta:
        model = PlanPage

    title = factory.Sequence(lambda n: f"Piano Operativo {n}")
    kind = PlanKind.PIANO_OPERATIVO
    start_year = 2017
    end_year = 2017
    status = PlanStatus.APPROVED
    body = "<p>Il piano annuale.</p>"


class MinutesPageFactory(PageFactory):
    class Meta:
        model = MinutesPage

    title = factory.Sequence(lambda n: f"Verbale {n}")
    meeting_body = factory.SubFactory(NetworkFactory)
    meeting_date = date(2017, 3, 1)
    meeting_time = time(9, 0)
    place = "Via Manini 21, Crema"


class CallPageFactory(PageFactory):
    class Meta:
        model = CallPage

    title = factory.Sequence(lambda n: f"Bando {n}")
    issuer = "ATS Val Padana"
    body = "<p>Testo del bando.</p>"


def objectives(*titles):
    return [PlanObjective(number=n, title=title) for n, title in enumerate(titles, 1)]


def agenda(*titles, outcome=AgendaOutcome.DISCUSSED):
    return [AgendaItem(title=title, outcome=outcome) for title in titles]


def attachments(*documents, label=""):
    return [PageAttachment(document=document, label=label) for document in documents]
