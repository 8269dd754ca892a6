"""Minutes (verbali) of the meetings of a governance body."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from cms.serializers import network_field
from topics.panels import topics_panel

from .base import BasePage


class AgendaOutcome(models.TextChoices):
    DISCUSSED = "discussed", _("Discusso")
    DECIDED = "decided", _("Deliberato")
    POSTPONED = "postponed", _("Rimandato")


class MinutesPage(BasePage):
    meeting_body = models.ForeignKey(
        "network.Network",
        on_delete=models.PROTECT,
        related_name="minutes",
        verbose_name=_("organo riunito"),
    )
    meeting_date = models.DateField(_("data della seduta"))
    meeting_time = models.TimeField(_("ora"), null=True, blank=True)
    place = models.CharField(_("luogo"), max_length=255, blank=True)
    body = RichTextField(_("note"), blank=True)
    next_meeting_date = models.DateField(_("data della prossima seduta"), null=True, blank=True)
    next_meeting_time = models.TimeField(_("ora della prossima seduta"), null=True, blank=True)
    next_meeting_place = models.CharField(
        _("luogo della prossima seduta"), max_length=255, blank=True
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("meeting_body"),
                FieldRowPanel([FieldPanel("meeting_date"), FieldPanel("meeting_time")]),
                FieldPanel("place"),
            ],
            heading=_("Seduta"),
        ),
        InlinePanel("agenda_items", heading=_("Ordine del giorno"), label=_("punto")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("next_meeting_date"), FieldPanel("next_meeting_time")]),
                FieldPanel("next_meeting_place"),
            ],
            heading=_("Prossima seduta"),
        ),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        FieldPanel("tags"),
        topics_panel(),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("place"),
        index.FilterField("meeting_date"),
        index.FilterField("meeting_body"),
        index.RelatedFields("meeting_body", [index.SearchField("name")]),
        index.RelatedFields(
            "agenda_items",
            [
                index.SearchField("title"),
                index.SearchField("discussion"),
                index.SearchField("decisions"),
            ],
        ),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("meeting_body", serializer=network_field()),
        APIField("meeting_date"),
        APIField("meeting_time"),
        APIField("place"),
        APIField("body"),
        APIField("agenda_items"),
        APIField("postponed_items"),
        APIField("next_meeting_date"),
        APIField("next_meeting_time"),
        APIField("next_meeting_place"),
    ]
    parent_page_types = ["cms.MinutesIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("verbale")
        verbose_name_plural = _("verbali")

    def clean(self):
        super().clean()
        if (
            self.next_meeting_date
            and self.meeting_date
            and self.next_meeting_date < self.meeting_date
        ):
            raise ValidationError(
                {
                    "next_meeting_date": _(
                        "La prossima seduta non può precedere la seduta di questo verbale."
                    )
                }
            )

    @cached_property
    def agenda_list(self):
        """The agenda items, read once for the page and its list of postponed items."""
        return list(self.agenda_items.all())

    @property
    def postponed_items(self):
        """Titles of the agenda items postponed to the next meeting (outcome "rimandato")."""
        return [item.title for item in self.agenda_list if item.is_postponed]


class AgendaItem(Orderable):
    page = ParentalKey(MinutesPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("argomento"), max_length=500)
    discussion = RichTextField(_("discussione"), blank=True)
    decisions = RichTextField(_("decisioni"), blank=True)
    outcome = models.CharField(
        _("esito"), max_length=16, choices=AgendaOutcome.choices, default=AgendaOutcome.DISCUSSED
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("outcome"),
        FieldPanel("discussion"),
        FieldPanel("decisions"),
    ]
    api_fields = [
        APIField("title"),
        APIField("discussion"),
        APIField("decisions"),
        APIField("outcome"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("punto all'ordine del giorno")
        verbose_name_plural = _("ordine del giorno")

    @property
    def is_postponed(self):
        return self.outcome == AgendaOutcome.POSTPONED
