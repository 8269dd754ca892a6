"""The pages of "Amministrazione trasparente": the section's root and its sub-sections."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from cms import site_structure
from cms.models.base import BasePage
from topics.panels import topics_panel

from .. import sections


class AutomaticContent(models.TextChoices):
    NONE = "", _("Nessuno: solo il testo della pagina")
    GOVERNING_BODIES = (
        sections.GOVERNING_BODIES,
        _("Organi di indirizzo e di governo, con i componenti in carica (dal registro)"),
    )
    OFFICES = (
        sections.OFFICES,
        _("Ufficio di Piano, servizi, tavoli e reti, con i componenti in carica (dal registro)"),
    )
    CONTRACT_CALLS = (
        sections.CONTRACT_CALLS,
        _("Bandi per beni e servizi, manifestazioni di interesse, co-progettazione"),
    )
    GRANT_CALLS = sections.GRANT_CALLS, _("Bandi per agevolazioni, finanziamenti, contributi")
    GRANTS = sections.GRANTS, _("Atti di concessione (art. 26-27), per anno")
    PLAN_ACTS = sections.PLAN_ACTS, _("Atti di approvazione dei piani")


class TransparencyIndexPage(BasePage):
    """ "Amministrazione trasparente": the list of its sections."""

    body = RichTextField(_("testo"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        topics_panel(),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["transparency.TransparencySectionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("amministrazione trasparente")
        verbose_name_plural = _("amministrazione trasparente")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = site_structure.children(self)
        return context


class TransparencySectionPage(BasePage):
    """A section or sub-section: text and attachments the editors write, and optionally a
    list the site fills from what it already holds (registry, calls, plans, grants)."""

    body = RichTextField(_("testo"), blank=True)
    automatic_content = models.CharField(
        _("contenuto automatico"),
        max_length=32,
        blank=True,
        choices=AutomaticContent.choices,
        default=AutomaticContent.NONE,
        help_text=_("Elenco aggiornato dal sito sotto il testo della pagina."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("automatic_content"),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        FieldPanel("tags"),
        topics_panel(),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body"), APIField("automatic_content")]
    parent_page_types = [
        "transparency.TransparencyIndexPage",
        "transparency.TransparencySectionPage",
    ]
    subpage_types = ["transparency.TransparencySectionPage"]

    class Meta:
        verbose_name = _("sezione di amministrazione trasparente")
        verbose_name_plural = _("sezioni di amministrazione trasparente")

    def get_context(self, request, *args, **kwargs):
        from ..public import automatic_content

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = site_structure.children(self)
        context["automatic"] = automatic_content(self.automatic_content)
        return context
