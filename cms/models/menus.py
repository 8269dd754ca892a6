"""The first-level sections of the main menu, arranged as AgID's model asks (audits C.SI.1.6
and C.SI.1.7): a section page lists its second-level entries, which may point anywhere in the
tree, and says which entry of the model it is; the header and the section page carry the
validator's hooks from that choice. Also the two pages of "Vivere ...": places and events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.headless_preview import HeadlessPreview
from cms.site_structure import KnownViewRestrictions
from privacy.forms import PrivacyFindingsPanel
from privacy.publishing import PrivacyGuardedPage
from topics.panels import topics_panel
from topics.serializers import page_topics_field


class ModelEntry(models.TextChoices):
    """The first-level entries of the municipal site model a section page can stand for
    ("Servizi" is the services' own section, ServiceIndexPage)."""

    MANAGEMENT = "management", _("Amministrazione")
    NEWS = "news", _("Novità")
    LIVE = "live", _("Vivere il territorio (luoghi ed eventi)")


class LiveRole(models.TextChoices):
    PLACES = "places", _("Luoghi")
    EVENTS = "events", _("Eventi")


class SimplePage(PrivacyGuardedPage, KnownViewRestrictions, HeadlessPreview, Page):
    """Abstract: a page with an introduction and topics, whose body is built from data."""

    intro = RichTextField(_("introduzione"), blank=True)

    content_panels = [
        *Page.content_panels,
        PrivacyFindingsPanel(),
        FieldPanel("intro"),
        topics_panel(),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("topics", serializer=page_topics_field())]

    class Meta:
        abstract = True


class MenuSectionPage(SimplePage):
    """A section of the main menu (e.g. "Amministrazione"): its entries, each a card."""

    model_entry = models.CharField(
        _("voce del modello AgID"),
        max_length=16,
        choices=ModelEntry.choices,
        blank=True,
        help_text=_(
            "La voce del menu di primo livello del modello dei siti comunali che questa "
            "sezione rappresenta. Lasciare vuoto per una sezione aggiuntiva."
        ),
    )

    content_panels = [
        *SimplePage.content_panels,
        FieldPanel("model_entry"),
        InlinePanel("section_links", heading=_("Voci della sezione"), label=_("voce")),
    ]
    api_fields = [*SimplePage.api_fields, APIField("model_entry"), APIField("section_links")]
    parent_page_types = ["cms.HomePage", "cms.MenuSectionPage"]
    subpage_types = [
        "cms.MenuSectionPage",
        "cms.StandardPage",
        "cms.EventsPage",
        "cms.PlacesPage",
    ]

    class Meta:
        verbose_name = _("sezione del menu")
        verbose_name_plural = _("sezioni del menu")

    def entries(self):
        return self.section_links.select_related("link_page")


class MenuSectionLink(Orderable):
    """One entry of a menu section: a page of the site, with its own label if given."""

    page = ParentalKey(MenuSectionPage, on_delete=models.CASCADE, related_name="section_links")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("pagina"),
    )
    title = models.CharField(
        _("titolo"),
        max_length=255,
        blank=True,
        help_text=_(
            "Se vuoto, il titolo della pagina. Il modello AgID ha un elenco di titoli "
            "(es. «Organi di governo», «Uffici», «Documenti e dati», «Notizie», «Avvisi»)."
        ),
    )
    description = models.CharField(_("descrizione"), max_length=255, blank=True)
    live_role = models.CharField(
        _("ruolo in «Vivere»"),
        max_length=16,
        choices=LiveRole.choices,
        blank=True,
        help_text=_("Solo per la sezione «Vivere»: la voce dei luoghi e quella degli eventi."),
    )

    panels = [
        FieldPanel("link_page"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("live_role"),
    ]
    api_fields = [APIField("link_page"), APIField("title"), APIField("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("voce della sezione")
        verbose_name_plural = _("voci della sezione")

    def clean(self):
        super().clean()
        if self.live_role and self.page_id and self.page.model_entry != ModelEntry.LIVE:
            raise ValidationError({"live_role": _("Il ruolo vale solo nella sezione «Vivere».")})

    @property
    def label(self):
        return self.title or self.link_page.title

    def inner_links(self):
        """The entries of the linked page when it is itself a menu section, else none."""
        if self.link_page.specific_class is not MenuSectionPage:
            return []
        return MenuSectionLink.objects.filter(page_id=self.link_page_id).select_related("link_page")


class EventsPage(SimplePage):
    """Upcoming meetings of the bodies and networks and call deadlines (the site calendar)."""

    parent_page_types = ["cms.HomePage", "cms.MenuSectionPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("pagina degli eventi")
        verbose_name_plural = _("pagine degli eventi")

    def get_context(self, request, *args, **kwargs):
        from cms.events_page import upcoming_and_recent

        context = super().get_context(request, *args, **kwargs)
        context["upcoming"], context["recent"] = upcoming_and_recent(self, request)
        return context


class PlacesPage(SimplePage):
    """The territory: the district, its sub-areas and comuni, from the registry."""

    parent_page_types = ["cms.HomePage", "cms.MenuSectionPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("pagina dei luoghi")
        verbose_name_plural = _("pagine dei luoghi")

    def get_context(self, request, *args, **kwargs):
        from network.public import public_territory

        context = super().get_context(request, *args, **kwargs)
        context["districts"], context["subareas"] = public_territory()
        return context
