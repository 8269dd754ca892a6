"""Background work of the search: the text of attached documents, run by the task worker."""

import logging

from django.utils import timezone
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from . import extraction
from .models import DocumentText

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id):
    """Extract, store and index the text of one document; returns the outcome's status.

    Never raises for a bad file: the outcome (failed, skipped, empty) is stored with its
    reason and logged, so the worker moves on and staff can see why a file has no text.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return "gone"
    file_name = document.file.name
    result, file_hash = read(document)
    DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "text": result.text,
            "status": result.status,
            "message": result.message[:255],
            "file_name": file_name,
            "file_hash": file_hash,
            "extracted_at": timezone.now(),
        },
    )
    if result.status in (extraction.FAILED, extraction.SKIPPED):
        logger.warning("No text from document %s (%s): %s", document_id, file_name, result.message)
    return result.status


def read(document):
    """The extraction of the document's current file, and the file's SHA-1."""
    try:
        with document.open_file() as fileobj:
            file_hash = hash_filelike(fileobj)
            fileobj.seek(0)
            return extraction.extract(document.file.name, fileobj, document.file.size), file_hash
    except OSError as error:
        return extraction.Extraction(extraction.FAILED, message=f"File mancante: {error}"), ""
