"""Calls (bandi): their dates, recipients and a state computed from the dates."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms import call_state
from cms.serializers import names_field, network_list_field
from topics.panels import topics_panel

from .base import AttachmentBase, BasePage


@register_snippet
class CallRecipient(models.Model):
    """Who a call is addressed to (Cittadini, Enti del terzo settore, Comuni...): a managed list."""

    name = models.CharField(_("nome"), max_length=120, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("destinatario dei bandi")
        verbose_name_plural = _("destinatari dei bandi")

    def __str__(self):
        return self.name


class CallType(models.TextChoices):
    GRANTS = "grants", _("Agevolazioni, finanziamenti, contributi")
    SUPPLIES = "supplies", _("Acquisizione di beni e servizi")
    EXPRESSION_OF_INTEREST = "expression_of_interest", _("Manifestazione di interesse")
    CO_DESIGN = "co_design", _("Co-progettazione")
    OTHER = "other", _("Altro")


class CallPage(BasePage):
    issuer = models.CharField(
        _("ente che emette il bando"), max_length=255, help_text=_("Es. «ATS Val Padana»")
    )
    call_type = models.CharField(
        _("tipologia"), max_length=32, choices=CallType.choices, default=CallType.GRANTS
    )
    recipients = ParentalManyToManyField(
        CallRecipient, blank=True, related_name="calls", verbose_name=_("destinatari")
    )
    cig = models.CharField(
        _("CIG"), max_length=10, blank=True, help_text=_("Codice identificativo di gara, se c'è.")
    )
    amount = models.DecimalField(
        _("importo (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    opening = models.DateTimeField(_("apertura"), null=True, blank=True)
    questions_deadline = models.DateTimeField(
        _("termine per le richieste di chiarimenti"), null=True, blank=True
    )
    application_deadline = models.DateTimeField(_("scadenza per le domande"), null=True, blank=True)
    closing_date = models.DateField(_("chiusura del procedimento"), null=True, blank=True)
    awarded_on = models.DateField(
        _("data di aggiudicazione"),
        null=True,
        blank=True,
        help_text=_(
            "Compilare quando l'esito è pubblicato: da quel giorno il bando è aggiudicato."
        ),
    )
    cancelled_on = models.DateField(
        _("data di annullamento"),
        null=True,
        blank=True,
        help_text=_("Compilare solo se il bando è annullato: da quel giorno risulta annullato."),
    )
    body = RichTextField(_("testo"), blank=True)
    outcome = RichTextField(_("esito"), blank=True)
    related_networks = ParentalManyToManyField(
        "network.Network", blank=True, related_name="calls", verbose_name=_("reti collegate")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("call_type"), FieldPanel("cig")]),
                FieldPanel("recipients"),
                FieldPanel("amount"),
            ],
            heading=_("Bando"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opening"), FieldPanel("questions_deadline")]),
                FieldRowPanel([FieldPanel("application_deadline"), FieldPanel("closing_date")]),
                FieldRowPanel([FieldPanel("awarded_on"), FieldPanel("cancelled_on")]),
            ],
            heading=_("Date (ora di Roma)"),
        ),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        FieldPanel("outcome"),
        InlinePanel("outcome_attachments", heading=_("Allegati dell'esito"), label=_("allegato")),
        FieldPanel("related_networks"),
        FieldPanel("tags"),
        topics_panel(),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("issuer"),
        index.SearchField("body"),
        index.SearchField("outcome"),
        index.SearchField("cig"),
        index.FilterField("call_type"),
        index.FilterField("opening"),
        index.FilterField("application_deadline"),
        index.FilterField("closing_date"),
        index.FilterField("awarded_on"),
        index.FilterField("cancelled_on"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("issuer"),
        APIField("call_type"),
        APIField("recipients", serializer=names_field()),
        APIField("cig"),
        APIField("amount"),
        APIField("opening"),
        APIField("questions_deadline"),
        APIField("application_deadline"),
        APIField("closing_date"),
        APIField("awarded_on"),
        APIField("cancelled_on"),
        APIField("state"),
        APIField("state_label"),
        APIField("body"),
        APIField("outcome"),
        APIField("outcome_attachments"),
        APIField("related_networks", serializer=network_list_field()),
    ]
    parent_page_types = ["cms.CallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bando")
        verbose_name_plural = _("bandi")

    def clean(self):
        super().clean()
        errors = call_state.date_order_errors(
            opening=self.opening,
            questions_deadline=self.questions_deadline,
            application_deadline=self.application_deadline,
            closing_date=self.closing_date,
            awarded_on=self.awarded_on,
        )
        if errors:
            raise ValidationError(errors)

    @property
    def dates(self):
        return call_state.CallDates(
            opening=self.opening,
            application_deadline=self.application_deadline,
            closing_date=self.closing_date,
            awarded_on=self.awarded_on,
            cancelled_on=self.cancelled_on,
        )

    def state_at(self, now):
        return call_state.call_state(self.dates, now)

    @property
    def state(self):
        return self.state_at(timezone.now())

    @property
    def state_label(self):
        return call_state.STATE_LABELS[self.state]

    def outcome_attachment_list(self):
        """Outcome attachments with their documents, in one query."""
        return self.outcome_attachments.select_related("document").all()


class CallOutcomeAttachment(AttachmentBase):
    """Documents of the outcome (graduatoria, determina di aggiudicazione)."""

    page = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="outcome_attachments")

    class Meta(AttachmentBase.Meta):
        verbose_name = _("allegato dell'esito")
        verbose_name_plural = _("allegati dell'esito")
