"""Documents saved with a new or replaced file get their text extracted, after the commit and
through the task queue: an upload never waits for a PDF parser, and never fails because of
one (``robust``: an unavailable queue is logged; `extract_document_text --missing` catches up).
"""

from django.db import transaction
from modelsearch.tasks import insert_or_update_object_task

from .models import DocumentText
from .tasks import extract_document_text


def document_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or not instance.file:
        return
    if update_fields is not None and not {"file", "title"} & set(update_fields):
        return  # Wagtail filling in file_size or file_hash
    document_id = instance.pk
    known = None
    if not created:
        known = DocumentText.objects.filter(document_id=document_id).values("pk", "file_name")
        known = known.first()

    if known is None or known["file_name"] != instance.file.name:

        def queue_extraction():
            extract_document_text.enqueue(document_id)

        transaction.on_commit(queue_extraction, robust=True)
    else:
        # Same file, perhaps a new title: the text's index entry carries the title.
        def queue_reindex():
            insert_or_update_object_task.enqueue("search", "documenttext", str(known["pk"]))

        transaction.on_commit(queue_reindex, robust=True)
