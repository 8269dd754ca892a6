"""What each importer has already brought in, so running it again updates instead of
duplicating."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string


class ImportedItem(models.Model):
    """One item of an old site (a Blogger post, a Plone object) and what it became here.

    ``source`` names the importer ("blogger", "plone"), ``external_id`` is the item's own
    stable id there; ``checksum`` is a digest of what was imported, so an unchanged item is
    recognised without comparing fields. The page or document may be deleted later: the row
    stays (with a null link), and the next run creates the item again."""

    source = models.CharField(_("origine"), max_length=32)
    external_id = models.CharField(_("identificativo nell'origine"), max_length=255)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pagina"),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("documento"),
    )
    checksum = models.CharField(_("impronta del contenuto"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("importato il"), auto_now=True)

    class Meta:
        verbose_name = _("elemento importato")
        verbose_name_plural = _("elementi importati")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="imports_item_unique_source_id"
            )
        ]

    def __str__(self):
        return f"{self.source}:{self.external_id}"
