"""Service cards: one page per service of the district, with the sections of the AgID model
(audits C.SI.1.3 and C.SI.2.2), and the "Servizi" section that lists them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.listing import CATEGORY_PARAM
from cms.serializers import document_field
from topics.panels import topics_panel

from .base import BasePage
from .listing import SectionIndexPage
from .settings import LinkField, page_or_address


class ServiceCategory(models.TextChoices):
    """The service categories of AgID's municipal site model (the titles the validator expects
    under "Servizi", audit C.SI.1.7), in the model's order."""

    EDUCATION = "educazione-e-formazione", _("Educazione e formazione")
    HEALTH = "salute-benessere-e-assistenza", _("Salute, benessere e assistenza")
    WORK = "vita-lavorativa", _("Vita lavorativa")
    MOBILITY = "mobilita-e-trasporti", _("Mobilità e trasporti")
    LAND = "catasto-e-urbanistica", _("Catasto e urbanistica")
    REGISTRY = "anagrafe-e-stato-civile", _("Anagrafe e stato civile")
    TOURISM = "turismo", _("Turismo")
    JUSTICE = "giustizia-e-sicurezza-pubblica", _("Giustizia e sicurezza pubblica")
    TAXES = "tributi-finanze-e-contravvenzioni", _("Tributi, finanze e contravvenzioni")
    CULTURE = "cultura-e-tempo-libero", _("Cultura e tempo libero")
    ENVIRONMENT = "ambiente", _("Ambiente")
    BUSINESS = "imprese-e-commercio", _("Imprese e commercio")
    PERMITS = "autorizzazioni", _("Autorizzazioni")
    PROCUREMENT = "appalti-pubblici", _("Appalti pubblici")
    AGRICULTURE = "agricoltura-e-pesca", _("Agricoltura e pesca")


class ServiceStatus(models.TextChoices):
    ACTIVE = "attivo", _("Servizio attivo")
    SUSPENDED = "sospeso", _("Servizio sospeso")


# The page index of a service card: anchor, label, in the order AgID's validator requires
# (pa-website-validator-ng, src/storage/municipality/contentTypeItems.ts); "Descrizione" is
# optional in the model and may sit anywhere among them.
SERVICE_SECTIONS = [
    ("a-chi-e-rivolto", "A chi è rivolto"),
    ("descrizione", "Descrizione"),
    ("come-fare", "Come fare"),
    ("cosa-serve", "Cosa serve"),
    ("cosa-si-ottiene", "Cosa si ottiene"),
    ("tempi-e-scadenze", "Tempi e scadenze"),
    ("accedi-al-servizio", "Accedi al servizio"),
    ("condizioni-di-servizio", "Condizioni di servizio"),
    ("contatti", "Contatti"),
]

REQUIRED_TEXT = _("Obbligatorio nella scheda del servizio.")


def has_text(value):
    return bool(strip_tags(value or "").strip())


class ServicePage(BasePage):
    """A service card: always describes a service, so it always carries the service metadata."""

    status = models.CharField(
        _("stato del servizio"),
        max_length=16,
        choices=ServiceStatus.choices,
        default=ServiceStatus.ACTIVE,
    )
    status_reason = models.TextField(
        _("motivo della sospensione"),
        blank=True,
        help_text=_("Obbligatorio se il servizio è sospeso; mostrato sotto lo stato."),
    )
    category = models.CharField(
        _("categoria"),
        max_length=64,
        choices=ServiceCategory.choices,
        default=ServiceCategory.HEALTH,
        help_text=_("La categoria del modello AgID sotto cui il servizio è elencato."),
    )
    service_type = models.CharField(
        _("tipo di servizio"),
        max_length=255,
        help_text=_("Es. «Assistenza domiciliare», «Sostegno al reddito»."),
    )
    service_audience = models.CharField(
        _("destinatari in breve"),
        max_length=255,
        help_text=_("Es. «Famiglie con minori», «Persone anziane» (per i metadati)."),
    )
    audience = RichTextField(_("a chi è rivolto"))
    description = RichTextField(_("descrizione"), blank=True)
    how_to = RichTextField(_("come fare"))
    needed = RichTextField(_("cosa serve"))
    achieved = RichTextField(_("cosa si ottiene"))
    timing = RichTextField(_("tempi e scadenze"))
    online_url = models.URLField(
        _("indirizzo del servizio online"),
        blank=True,
        help_text=_("Il modulo o lo sportello online, se c'è."),
    )
    online_label = models.CharField(
        _("testo del pulsante"),
        max_length=100,
        blank=True,
        help_text=_("Lasciare vuoto per «Accedi al servizio online»."),
    )
    channels = RichTextField(
        _("altri canali di accesso"),
        blank=True,
        help_text=_("Sportelli, orari, modalità di presentazione in presenza."),
    )
    conditions_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("documento delle condizioni di servizio"),
    )
    conditions = RichTextField(_("condizioni di servizio"), blank=True)
    office_name = models.CharField(
        _("ufficio responsabile"),
        max_length=255,
        help_text=_("Il nome dell'ufficio, non di una persona."),
    )
    office_address = models.CharField(_("indirizzo dell'ufficio"), max_length=255, blank=True)
    office_hours = models.CharField(_("orari dell'ufficio"), max_length=255, blank=True)
    office_phone = models.CharField(
        _("telefono dell'ufficio"),
        max_length=64,
        blank=True,
        help_text=_("Solo numeri istituzionali dell'ufficio, mai numeri personali."),
    )
    office_email = models.EmailField(
        _("e-mail dell'ufficio"),
        blank=True,
        help_text=_("Solo caselle istituzionali dell'ufficio, mai caselle personali."),
    )
    office_pec = models.EmailField(_("PEC dell'ufficio"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_reason")],
            heading=_("Stato"),
        ),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("service_type"), FieldPanel("service_audience")],
            heading=_("Metadati del servizio"),
        ),
        FieldPanel("audience"),
        FieldPanel("description"),
        FieldPanel("how_to"),
        FieldPanel("needed"),
        FieldPanel("achieved"),
        FieldPanel("timing"),
        MultiFieldPanel(
            [FieldPanel("online_url"), FieldPanel("online_label"), FieldPanel("channels")],
            heading=_("Accedi al servizio"),
        ),
        MultiFieldPanel(
            [FieldPanel("conditions_document"), FieldPanel("conditions")],
            heading=_("Condizioni di servizio"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("office_address"),
                FieldPanel("office_hours"),
                FieldPanel("office_phone"),
                FieldPanel("office_email"),
                FieldPanel("office_pec"),
            ],
            heading=_("Contatti"),
        ),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        FieldPanel("tags"),
        topics_panel(),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("service_type"),
        index.SearchField("audience"),
        index.SearchField("description"),
        index.SearchField("how_to"),
        index.SearchField("needed"),
        index.SearchField("achieved"),
        index.FilterField("status"),
        index.FilterField("category"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("status"),
        APIField("category"),
        APIField("status_reason"),
        APIField("service_type"),
        APIField("service_audience"),
        APIField("audience"),
        APIField("description"),
        APIField("how_to"),
        APIField("needed"),
        APIField("achieved"),
        APIField("timing"),
        APIField("online_url"),
        APIField("online_label"),
        APIField("channels"),
        APIField("conditions_document", serializer=document_field()),
        APIField("conditions"),
        APIField("office_name"),
        APIField("office_address"),
        APIField("office_hours"),
        APIField("office_phone"),
        APIField("office_email"),
        APIField("office_pec"),
    ]
    parent_page_types = ["cms.ServiceIndexPage"]
    subpage_types = []

    # The service metadata (cms/service_metadata.py) reads these, like a generic page's.
    describes_service = True

    class Meta:
        verbose_name = _("scheda servizio")
        verbose_name_plural = _("schede servizio")

    @property
    def is_suspended(self):
        return self.status == ServiceStatus.SUSPENDED

    @property
    def online_button_label(self):
        return self.online_label or "Accedi al servizio online"

    def booking_address(self) -> str:
        """Where this card's "Prenota appuntamento" leads: its section's choice (one query)."""
        section = (
            ServiceIndexPage.objects.filter(path=self.path[: -self.steplen])
            .select_related("booking_page")
            .first()
        )
        return section.booking_address() if section is not None else ""

    def page_index(self):
        """The sections shown, in order: ``(anchor, label)``."""
        return [
            (anchor, label)
            for anchor, label in SERVICE_SECTIONS
            if anchor != "descrizione" or has_text(self.description)
        ]

    def clean(self):
        super().clean()
        errors = {}
        if not (self.intro or "").strip():
            errors["intro"] = _("Obbligatorio: è la descrizione breve del servizio.")
        for name in ("audience", "how_to", "needed", "achieved", "timing"):
            if not has_text(getattr(self, name)):
                errors[name] = REQUIRED_TEXT
        if self.is_suspended and not self.status_reason.strip():
            errors["status_reason"] = _("Indicare perché il servizio è sospeso.")
        if not self.online_url and not has_text(self.channels):
            errors["channels"] = _(
                "Indicare l'indirizzo del servizio online o almeno un canale di accesso."
            )
        if self.conditions_document_id is None and not has_text(self.conditions):
            errors["conditions"] = _(
                "Allegare il documento delle condizioni di servizio o scriverle qui."
            )
        if errors:
            raise ValidationError(errors)


class ServiceIndexPage(SectionIndexPage):
    """The "Servizi" section: the district's service cards, active ones first, and above them
    links to the model's categories that hold at least one card (audit C.SI.1.7)."""

    child_model = ServicePage
    item_template = "cms/includes/item_service.html"
    state_choices = ServiceStatus.choices
    category_choices = ServiceCategory.choices
    # AgID's validator counts the service-link of the listing's first page or, when it has a
    # pager-link, only those of the page that link opens (src/gatherers/services/index.ts): a
    # district's whole catalogue (a few dozen cards) must fit on one page.
    per_page = 50
    subpage_types = ["cms.ServicePage"]
    parent_page_types = ["cms.HomePage"]

    booking_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pagina «Prenota appuntamento»"),
        help_text=_(
            "La pagina che spiega come prenotare un appuntamento (es. con il segretariato "
            "sociale del proprio comune): il pulsante «Prenota appuntamento» è mostrato in "
            "questo elenco e in ogni scheda servizio."
        ),
    )
    booking_url = LinkField(
        _("oppure indirizzo «Prenota appuntamento»"),
        help_text=_("Es. il sistema di prenotazione online dell'ente, se c'è."),
    )

    content_panels = [
        *SectionIndexPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("booking_page"), FieldPanel("booking_url")],
            heading=_("Prenotazione degli appuntamenti"),
        ),
    ]

    class Meta:
        verbose_name = _("elenco dei servizi")

    def booking_address(self) -> str:
        """Where "Prenota appuntamento" leads: the chosen page while live, else the address."""
        return page_or_address(self.booking_page, self.booking_url)

    def get_template(self, request, *args, **kwargs):
        return "cms/service_index_page.html"

    def ordered(self, queryset):
        return queryset.order_by("status", "title")

    def filter_state(self, queryset, state):
        return queryset.filter(status=state)

    def filter_category(self, queryset, category):
        return queryset.filter(category=category)

    def category_options(self, queryset):
        """The model's categories that hold live public cards, in the model's order, with
        their number of cards."""
        counts = dict(queryset.order_by().values_list("category").annotate(models.Count("pk")))
        return [(key, label, counts[key]) for key, label in self.category_choices if key in counts]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        asked = request.GET.get(CATEGORY_PARAM, "")
        context["unknown_category"] = bool(asked) and not context["params"].category
        return context
