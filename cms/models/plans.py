"""Plans: the three-year Piano di Zona and the annual Piano Operativo with numbered objectives."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from cms.serializers import network_field, network_list_field
from topics.panels import topics_panel

from .base import BasePage

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


class PlanKind(models.TextChoices):
    PIANO_DI_ZONA = "pdz", _("Piano di Zona")
    PIANO_OPERATIVO = "po", _("Piano Operativo")
    OTHER = "other", _("Altro piano")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Bozza")
    CONSULTATION = "consultation", _("In consultazione")
    APPROVED = "approved", _("Approvato")
    SUPERSEDED = "superseded", _("Superato")


class ObjectiveStatus(models.TextChoices):
    PLANNED = "planned", _("Da avviare")
    IN_PROGRESS = "in_progress", _("In corso")
    ACHIEVED = "achieved", _("Raggiunto")
    SUSPENDED = "suspended", _("Sospeso")


class PlanPage(BasePage):
    kind = models.CharField(_("tipo di piano"), max_length=16, choices=PlanKind.choices)
    start_year = models.PositiveSmallIntegerField(_("anno di inizio"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("anno di fine"), validators=YEAR_VALIDATORS)
    status = models.CharField(
        _("stato"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    body = RichTextField(_("testo"), blank=True)
    related_networks = ParentalManyToManyField(
        "network.Network", blank=True, related_name="plans", verbose_name=_("reti collegate")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("status"),
            ],
            heading=_("Piano"),
        ),
        FieldPanel("body"),
        InlinePanel("objectives", heading=_("Obiettivi"), label=_("obiettivo")),
        InlinePanel("approval_steps", heading=_("Iter di approvazione"), label=_("passaggio")),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        FieldPanel("related_networks"),
        FieldPanel("tags"),
        topics_panel(),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("start_year"),
        index.FilterField("end_year"),
        index.RelatedFields(
            "objectives", [index.SearchField("title"), index.SearchField("description")]
        ),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("status"),
        APIField("body"),
        APIField("objectives"),
        APIField("approval_steps"),
        APIField("related_networks", serializer=network_list_field()),
    ]
    parent_page_types = ["cms.PlanIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("piano")
        verbose_name_plural = _("piani")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("L'anno di fine non può precedere l'anno di inizio.")}
            )

    def approval_step_list(self):
        """Approval steps with the body that approved, in one query."""
        return self.approval_steps.select_related("body").all()

    @property
    def period_label(self):
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}-{self.end_year}"


class PlanObjective(Orderable):
    page = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField(_("numero"))
    title = models.CharField(_("titolo"), max_length=255)
    description = RichTextField(_("descrizione"), blank=True)
    status = models.CharField(
        _("stato"), max_length=16, choices=ObjectiveStatus.choices, default=ObjectiveStatus.PLANNED
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("status")]),
        FieldPanel("title"),
        FieldPanel("description"),
    ]
    api_fields = [
        APIField("number"),
        APIField("title"),
        APIField("description"),
        APIField("status"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("obiettivo")
        verbose_name_plural = _("obiettivi")


class PlanApprovalStep(Orderable):
    page = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="approval_steps")
    body = models.ForeignKey(
        "network.Network",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organo"),
    )
    date = models.DateField(_("data"))
    act_reference = models.CharField(
        _("estremi dell'atto"), max_length=255, blank=True, help_text=_("Es. «Delibera n. 3/2017»")
    )

    panels = [FieldRowPanel([FieldPanel("body"), FieldPanel("date")]), FieldPanel("act_reference")]
    api_fields = [
        APIField("body", serializer=network_field()),
        APIField("date"),
        APIField("act_reference"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("passaggio di approvazione")
        verbose_name_plural = _("iter di approvazione")
