"""The governance networks of the district. The registry issue grows this app into the
Popolo-shaped registry (areas, organisations, people, memberships, composition rules)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index


class NetworkKind(models.TextChoices):
    PLANNING_OFFICE = "planning_office", _("Ufficio di Piano")
    ASSEMBLY = "assembly", _("Assemblea")
    COMMITTEE = "committee", _("Comitato")
    BOARD = "board", _("Consiglio di amministrazione")
    TABLE = "table", _("Tavolo")
    NETWORK = "network", _("Rete")
    STEERING = "steering", _("Cabina di regia")
    COHORT = "cohort", _("Gruppo di formazione")
    SERVICE = "service", _("Sportello o servizio")
    OTHER = "other", _("Altro")


class Network(index.Indexed, models.Model):
    """A governance body: the Ufficio di Piano, the Assemblea dei Sindaci, Tavolo SIA..."""

    name = models.CharField(_("nome"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("tipo"), max_length=32, choices=NetworkKind.choices)
    purpose = RichTextField(_("finalità"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("purpose")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("purpose"),
        index.FilterField("kind"),
    ]
    api_fields = [APIField("name"), APIField("slug"), APIField("kind"), APIField("purpose")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("rete")
        verbose_name_plural = _("reti")

    def __str__(self):
        return self.name
