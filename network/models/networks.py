from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin
from wagtail.search import index

from .popolo import popolo_id_field, unique_popolo_id


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


class Network(RevisionMixin, index.Indexed, ClusterableModel):
    """A governance body: the Ufficio di Piano, the Assemblea dei Sindaci, Tavolo SIA...
    In Popolo terms it is the Organization a Membership belongs to."""

    name = models.CharField(_("nome"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("tipo"), max_length=32, choices=NetworkKind.choices)
    purpose = RichTextField(_("finalità"), blank=True)
    coordinators = models.OneToOneField(
        "auth.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="coordinated_network",
        verbose_name=_("gruppo dei coordinatori"),
    )
    popolo_id = popolo_id_field()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [InlinePanel("rules", label=_("Regola"))],
            heading=_("Regole di composizione"),
        ),
        FieldPanel("popolo_id"),
    ]
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
        constraints = [unique_popolo_id("network")]
        permissions = [
            ("manage_all_networks", _("Può gestire le appartenenze di tutte le reti")),
        ]

    def __str__(self):
        return self.name
