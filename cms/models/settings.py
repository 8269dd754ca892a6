"""Site-wide facts editors keep in the admin (Impostazioni > Ente)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from cms import site_structure


@register_setting(icon="site")
class BodyIdentity(BaseGenericSetting):
    """The publishing body's identity and contacts, shown in the header and footer."""

    name = models.CharField(_("nome dell'ente"), max_length=255, default="Ufficio di Piano")
    tagline = models.CharField(_("sottotitolo"), max_length=255, blank=True)
    address = models.CharField(_("indirizzo"), max_length=255, blank=True)
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

    @classmethod
    def load(cls, request_or_site=None):
        # Every public page shows it: remembered until content changes (cms/site_structure.py).
        if hasattr(request_or_site, "path_info"):
            remembered = site_structure.generic_setting(cls, request_or_site)
            if remembered is not None:
                return remembered
        return super().load(request_or_site)
