"""The text of attached documents, extracted in the background (search/tasks.py) and indexed
with the document's title, so the public search can find a PDF by what it says."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from . import extraction


class DocumentTextQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class DocumentText(index.Indexed, models.Model):
    """One document's extracted text. Every document that went through extraction has one,
    whatever the outcome, so `--missing` knows what is left and the admin can say why a file
    has no text. Rows with no text stay indexed: their title is still searchable."""

    class Status(models.TextChoices):
        OK = extraction.OK, _("testo estratto")
        EMPTY = extraction.EMPTY, _("nessun testo")
        FAILED = extraction.FAILED, _("file illeggibile")
        SKIPPED = extraction.SKIPPED, _("non estratto")

    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="extracted_text",
        verbose_name=_("documento"),
    )
    text = models.TextField(_("testo"), blank=True)
    status = models.CharField(_("esito"), max_length=16, choices=Status.choices)
    message = models.CharField(_("messaggio"), max_length=255, blank=True)
    # The stored file the text came from: a replaced file gets a new name in the storage.
    file_name = models.CharField(_("file"), max_length=255)
    file_hash = models.CharField(_("impronta SHA-1 del file"), max_length=40, blank=True)
    extracted_at = models.DateTimeField(_("estratto il"))

    objects = DocumentTextQuerySet.as_manager()

    search_fields = [
        index.RelatedFields("document", [index.SearchField("title")]),
        index.SearchField("text"),
        index.FilterField("document"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("testo di un documento")
        verbose_name_plural = _("testi dei documenti")

    def __str__(self):
        return f"{self.document_id}: {self.get_status_display()}"
