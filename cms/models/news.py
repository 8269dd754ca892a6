"""News items and generic content pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from topics.panels import topics_panel

from .base import BasePage


class NewsPage(BasePage):
    date = models.DateField(_("data"), default=timezone.localdate)
    body = RichTextField(_("testo"), blank=True)
    related_plan = models.ForeignKey(
        "cms.PlanPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        verbose_name=_("piano collegato"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("related_plan"),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        FieldPanel("tags"),
        topics_panel(),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("body"),
        APIField("related_plan"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("notizia")
        verbose_name_plural = _("notizie")


class StandardSection(models.TextChoices):
    """A part of a generic page the site writes itself, with the hooks AgID's validator reads."""

    NONE = "", _("nessuna")
    CONTENT_LICENCE = (
        "content_licence",
        _("«Licenza dei contenuti» (CC BY 4.0), per le note legali"),
    )
    SITE_MAP = "site_map", _("mappa del sito (elenco delle sezioni e delle pagine)")


class StandardPage(BasePage):
    """A generic page: who we are, contacts, legal notes, privacy, FAQ, the site map, or the
    description of a service."""

    body = RichTextField(_("testo"), blank=True)
    standard_section = models.CharField(
        _("sezione automatica"),
        max_length=32,
        choices=StandardSection.choices,
        default=StandardSection.NONE,
        blank=True,
        help_text=_("Mostrata dopo il testo, scritta dal sito."),
    )
    describes_service = models.BooleanField(
        _("la pagina descrive un servizio"),
        default=False,
        help_text=_(
            "Aggiunge i metadati del servizio letti dai motori di ricerca e dal validatore AgID."
        ),
    )
    service_type = models.CharField(
        _("tipo di servizio"),
        max_length=255,
        blank=True,
        help_text=_("Es. «Assistenza domiciliare», «Sostegno al reddito»."),
    )
    service_audience = models.CharField(
        _("destinatari del servizio"),
        max_length=255,
        blank=True,
        help_text=_("Es. «Famiglie con minori», «Persone anziane»."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("standard_section"),
        MultiFieldPanel(
            [
                FieldPanel("describes_service"),
                FieldPanel("service_type"),
                FieldPanel("service_audience"),
            ],
            heading=_("Scheda servizio"),
        ),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        FieldPanel("tags"),
        topics_panel(),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("pagina generica")
        verbose_name_plural = _("pagine generiche")

    def clean(self):
        super().clean()
        if self.describes_service:
            missing = {
                name: _("Obbligatorio quando la pagina descrive un servizio.")
                for name in ("service_type", "service_audience")
                if not getattr(self, name).strip()
            }
            if missing:
                raise ValidationError(missing)
