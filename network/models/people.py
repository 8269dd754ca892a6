from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import RevisionMixin

from .popolo import popolo_id_field, unique_popolo_id

# Fields that identify or reach a person privately. They are shown to registry staff in the
# admin and nowhere else: no public page, API, search index, feed or export reads them.
PRIVATE_PERSON_FIELDS = ("private_email", "private_phone", "private_notes")


class Person(RevisionMixin, models.Model):
    name = models.CharField(_("nome e cognome"), max_length=255)
    role_email = models.EmailField(
        _("casella istituzionale del ruolo"),
        blank=True,
        help_text=_("Indirizzo pubblico legato al ruolo (es. ufficio), non alla persona."),
    )
    private_email = models.EmailField(_("email personale (riservata)"), blank=True)
    private_phone = models.CharField(_("telefono personale (riservato)"), max_length=64, blank=True)
    private_notes = models.TextField(_("note riservate"), blank=True)
    hidden_from_public = models.BooleanField(
        _("nome nascosto al pubblico"),
        default=False,
        help_text=_(
            "Per la sicurezza della persona (es. operatrici dei centri antiviolenza): "
            "le appartenenze restano, ma pagine, API ed esportazioni pubbliche mostrano "
            "solo il ruolo e l'ente («Referente per …»), mai il nome."
        ),
    )
    popolo_id = popolo_id_field()

    panels = [
        FieldPanel("name"),
        FieldPanel("role_email"),
        FieldPanel("hidden_from_public"),
        MultiFieldPanel(
            [FieldPanel("private_email"), FieldPanel("private_phone"), FieldPanel("private_notes")],
            heading=_("Dati riservati: mai pubblicati"),
        ),
        FieldPanel("popolo_id"),
    ]
    # Deliberately not index.Indexed: the public search must never see people.

    class Meta:
        ordering = ["name"]
        verbose_name = _("persona")
        verbose_name_plural = _("persone")
        constraints = [unique_popolo_id("person")]

    def __str__(self):
        return self.name

    @property
    def public_name(self):
        """The name the public may read, or None when it is hidden."""
        return None if self.hidden_from_public else self.name
