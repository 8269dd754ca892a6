"""Site-wide facts editors keep in the admin (Impostazioni): the body, the footer's links,
visit statistics."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from cms import site_structure


class RememberedSetting(BaseGenericSetting):
    """A generic setting every public page reads: remembered until content changes
    (cms/site_structure.py)."""

    class Meta:
        abstract = True

    @classmethod
    def load(cls, request_or_site=None):
        if hasattr(request_or_site, "path_info"):
            remembered = site_structure.generic_setting(cls, request_or_site)
            if remembered is not None:
                return remembered
        return super().load(request_or_site)


@register_setting(icon="site")
class BodyIdentity(RememberedSetting):
    """The publishing body's identity and contacts, shown in the header and footer."""

    name = models.CharField(_("nome dell'ente"), max_length=255, default="Ufficio di Piano")
    tagline = models.CharField(_("sottotitolo"), max_length=255, blank=True)
    address = models.CharField(
        _("indirizzo"), max_length=255, blank=True, help_text=_("Via e numero civico.")
    )
    postal_code = models.CharField(_("CAP"), max_length=10, blank=True)
    locality = models.CharField(
        _("comune"), max_length=120, blank=True, help_text=_("Es. «Crema (CR)»")
    )
    area_served = models.CharField(
        _("territorio servito"),
        max_length=255,
        blank=True,
        help_text=_(
            "Es. «Ambito distrettuale di Crema (48 comuni)»: indicato nei metadati dei bandi e "
            "dei servizi."
        ),
    )
    tax_code = models.CharField(_("codice fiscale / partita IVA"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    pec = models.EmailField(_("PEC"), blank=True)
    phone = models.CharField(_("telefono"), max_length=64, blank=True)
    accessibility_statement_url = models.URLField(
        _("dichiarazione di accessibilità"),
        blank=True,
        help_text=_("Indirizzo della dichiarazione pubblicata sul modulo AgID (form.agid.gov.it)."),
    )
    is_demo = models.BooleanField(
        _("sito dimostrativo"),
        default=False,
        help_text=_("Mostra in ogni pagina l'avviso che i contenuti sono dati di esempio."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("tagline")], heading=_("Ente")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
                FieldPanel("area_served"),
                FieldPanel("tax_code"),
                FieldPanel("email"),
                FieldPanel("pec"),
                FieldPanel("phone"),
            ],
            heading=_("Contatti"),
        ),
        FieldPanel("accessibility_statement_url"),
        FieldPanel("is_demo"),
    ]

    class Meta:
        verbose_name = _("identità e contatti dell'ente")

    @property
    def full_address(self) -> str:
        """Street, postal code and town on one line, as the footer shows them."""
        town = " ".join(part for part in (self.postal_code, self.locality) if part)
        return ", ".join(part for part in (self.address, town) if part)


def validate_link(value):
    """A footer link: an address of this site ("/segnala-disservizio/") or a full http(s) URL."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class LinkField(models.CharField):
    """An address typed by the editor, checked by ``validate_link``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [validate_link])
        super().__init__(*args, **kwargs)


def page_or_address(page, address) -> str:
    """A link chosen as a page or a typed address: the page's URL while it is live, else the
    address (possibly empty)."""
    if page is not None and page.live:
        return page.url or ""
    return address


def _page_field(label):
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=label,
    )


@dataclass(frozen=True)
class FooterLink:
    label: str
    url: str
    data_element: str  # the hook AgID's validator looks for in the footer ("" when none)


# kind, label shown (the validator matches these words), data-element hook
FOOTER_LINKS = [
    ("transparency", "Amministrazione trasparente", ""),
    ("privacy", "Informativa privacy", "privacy-policy-link"),
    ("legal_notes", "Note legali", "legal-notes"),
    ("faq", "Leggi le FAQ", "faq"),
    ("report_inefficiency", "Segnala disservizio", "report-inefficiency"),
    ("site_map", "Mappa del sito", ""),
]


@register_setting(icon="link")
class FooterLinks(RememberedSetting):
    """The links of the footer that AgID's guidelines require, each to a page of the site or
    to an address. A page wins over an address; a link with neither is not shown."""

    transparency_page = _page_field(_("pagina «Amministrazione trasparente»"))
    transparency_url = LinkField(_("oppure indirizzo «Amministrazione trasparente»"))
    privacy_page = _page_field(_("pagina «Informativa privacy»"))
    privacy_url = LinkField(_("oppure indirizzo «Informativa privacy»"))
    legal_notes_page = _page_field(_("pagina «Note legali»"))
    legal_notes_url = LinkField(_("oppure indirizzo «Note legali»"))
    faq_page = _page_field(_("pagina «FAQ»"))
    faq_url = LinkField(_("oppure indirizzo «FAQ»"))
    report_inefficiency_page = _page_field(_("pagina «Segnala disservizio»"))
    report_inefficiency_url = LinkField(
        _("oppure indirizzo «Segnala disservizio»"),
        help_text=_("Es. /segnala-disservizio/ (il modulo del sito) o un indirizzo esterno."),
    )
    site_map_page = _page_field(_("pagina «Mappa del sito»"))
    site_map_url = LinkField(_("oppure indirizzo «Mappa del sito»"))

    panels = [
        MultiFieldPanel([FieldPanel(f"{kind}_page"), FieldPanel(f"{kind}_url")], heading=label)
        for kind, label, _hook in FOOTER_LINKS
    ]

    class Meta:
        verbose_name = _("collegamenti del piè di pagina")

    def url_of(self, kind) -> str:
        """The address of link ``kind``: its page's (when live), else the typed address."""
        return page_or_address(getattr(self, f"{kind}_page"), getattr(self, f"{kind}_url"))

    def links(self, accessibility_statement_url="") -> list[FooterLink]:
        """The footer's links in order, without those that lead nowhere. The accessibility
        statement (kept with the body's identity, on AgID's form) follows the legal notes."""
        found = []
        for kind, label, hook in FOOTER_LINKS:
            url = self.url_of(kind)
            if url:
                found.append(FooterLink(label, url, hook))
            if kind == "legal_notes" and accessibility_statement_url:
                found.append(
                    FooterLink(
                        "Dichiarazione di accessibilità",
                        accessibility_statement_url,
                        "accessibility-link",
                    )
                )
        return found


@register_setting(icon="view")
class WebAnalytics(RememberedSetting):
    """Visit statistics (Web Analytics Italia or another Matomo), off until both fields are
    filled. The tracker loads only after the visitor accepts it in the cookie bar."""

    matomo_url = models.URLField(
        _("indirizzo del tracker Matomo"),
        blank=True,
        help_text=_(
            "Es. https://ingestion.webanalytics.italia.it/ per Web Analytics Italia. "
            "Lasciare vuoto per non raccogliere statistiche."
        ),
    )
    matomo_site_id = models.CharField(_("ID del sito in Matomo"), max_length=20, blank=True)

    panels = [FieldPanel("matomo_url"), FieldPanel("matomo_site_id")]

    class Meta:
        verbose_name = _("statistiche di visita")

    @property
    def is_configured(self) -> bool:
        return bool(self.matomo_url and self.matomo_site_id)

    @property
    def tracker_base(self) -> str:
        """The tracker's address ending with "/", where matomo.js and matomo.php live."""
        return self.matomo_url if self.matomo_url.endswith("/") else self.matomo_url + "/"

    @property
    def tracker_origin(self) -> str:
        parts = urlsplit(self.matomo_url)
        return f"{parts.scheme}://{parts.netloc}" if self.is_configured else ""
