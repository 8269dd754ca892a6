from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

from .popolo import popolo_id_field, source_kind_field, unique_popolo_id


class Sector(models.TextChoices):
    PUBLIC = "public", _("Pubblico")
    THIRD_SECTOR = "third_sector", _("Terzo settore")
    PRIVATE = "private", _("Privato")
    OTHER = "other", _("Altro o non indicato")


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Comune")
    HEALTH_AGENCY = "health_agency", _("Agenzia di tutela della salute (ATS)")
    HEALTH_TRUST = "health_trust", _("Azienda socio-sanitaria (ASST)")
    PROVINCE = "province", _("Provincia")
    REGION = "region", _("Regione")
    CONSORTIUM = "consortium", _("Azienda speciale consortile")
    PUBLIC_BODY = "public_body", _("Altro ente pubblico")
    ASSOCIATION = "association", _("Associazione")
    COOPERATIVE = "cooperative", _("Cooperativa sociale")
    CARITAS = "caritas", _("Caritas e centri di ascolto")
    FOUNDATION = "foundation", _("Fondazione")
    PATRONAGE = "patronage", _("Patronato")
    EMPLOYMENT_AGENCY = "employment_agency", _("Agenzia per il lavoro")
    FIRM = "firm", _("Impresa")
    OTHER = "other", _("Altro")


class Organisation(RevisionMixin, index.Indexed, models.Model):
    """A public body, a third-sector body or a private firm that sits on networks or on
    whose behalf people sit."""

    name = models.CharField(_("nome"), max_length=255)
    sector = models.CharField(_("settore"), max_length=32, choices=Sector.choices)
    kind = models.CharField(_("classificazione"), max_length=32, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("ente superiore"),
    )
    area = models.ForeignKey(
        "network.Area",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("area"),
    )
    website = models.URLField(_("sito web"), blank=True)
    public_email = models.EmailField(
        _("email istituzionale"), blank=True, help_text=_("Indirizzo pubblico dell'ente.")
    )
    source_kind = source_kind_field()
    popolo_id = popolo_id_field()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("parent"), FieldPanel("area")]),
        FieldRowPanel([FieldPanel("website"), FieldPanel("public_email")]),
        FieldPanel("popolo_id"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("sector"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("ente")
        verbose_name_plural = _("enti")
        constraints = [unique_popolo_id("organisation")]

    def __str__(self):
        return self.name
