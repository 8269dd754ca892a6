"""Queue the text extraction of existing documents (after an upgrade, a restore, or when
extraction improves). New and replaced files are queued on save by search/signals.py."""

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef
from wagtail.documents import get_document_model

from search.models import DocumentText
from search.tasks import extract_document_text


def documents_without_current_text():
    """Documents never extracted, or whose file was replaced since."""
    current = DocumentText.objects.filter(document=OuterRef("pk"), file_name=OuterRef("file"))
    return get_document_model().objects.filter(~Exists(current))


class Command(BaseCommand):
    help = (
        "Mette in coda l'estrazione del testo dei documenti per la ricerca: --missing quelli "
        "senza testo o con il file sostituito, --all tutti. Il worker dei task fa il lavoro."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="Tutti i documenti.")
        which.add_argument(
            "--missing", action="store_true", help="Solo i documenti senza testo aggiornato."
        )

    def handle(self, *args, **options):
        if options["all"]:
            documents = get_document_model().objects.all()
        else:
            documents = documents_without_current_text()
        document_ids = list(documents.order_by("pk").values_list("pk", flat=True))
        for document_id in document_ids:
            extract_document_text.enqueue(document_id)
        self.stdout.write(f"Documenti in coda per l'estrazione del testo: {len(document_ids)}.")
