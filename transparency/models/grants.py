"""Grants (atti di concessione, art. 26-27 D.Lgs. 33/2013).

A grant of more than 1,000 euro must be published with the facts of art. 27; when publishing
the beneficiary would reveal their health or economic and social hardship, art. 26 c. 4
forbids publishing who they are: the public sees the protocol number only
(``public_beneficiary``). Grants are not in the search index, the API or the feeds: they are
published only in the transparency section.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, RevisionMixin

from .. import rules

HARDSHIP_QUESTION = _(
    "La concessione rivela lo stato di salute o il disagio economico-sociale del beneficiario?"
)


class BeneficiaryKind(models.TextChoices):
    ORGANISATION = "organisation", _("Impresa, ente o associazione")
    PERSON = "person", _("Persona fisica")


class Grant(DraftStateMixin, RevisionMixin, models.Model):
    beneficiary_kind = models.CharField(
        _("tipo di beneficiario"), max_length=16, choices=BeneficiaryKind.choices
    )
    beneficiary_name = models.CharField(
        _("beneficiario"),
        max_length=255,
        help_text=_("Nome dell'impresa o dell'ente, o nome e cognome della persona."),
    )
    beneficiary_tax_code = models.CharField(
        _("dati fiscali del beneficiario"),
        max_length=32,
        blank=True,
        help_text=_("Codice fiscale o partita IVA: solo per imprese ed enti, mai per le persone."),
    )
    reveals_hardship = models.BooleanField(
        HARDSHIP_QUESTION,
        null=True,
        blank=False,
        choices=[(True, _("Sì")), (False, _("No"))],
        help_text=_(
            "Se sì, il sito pubblica solo il numero di protocollo, mai il nome "
            "(art. 26, c. 4, D.Lgs. 33/2013)."
        ),
    )
    protocol_number = models.CharField(
        _("numero di protocollo"),
        max_length=64,
        blank=True,
        help_text=_("Obbligatorio se la concessione rivela salute o disagio economico-sociale."),
    )
    amount = models.DecimalField(
        _("importo (EUR)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    granted_on = models.DateField(_("data del provvedimento"))
    legal_basis = models.CharField(
        _("norma o titolo a base dell'attribuzione"),
        max_length=255,
        help_text=_("Es. «Regolamento distrettuale contributi, art. 4; Determina n. 12/2026»"),
    )
    office = models.CharField(_("ufficio responsabile"), max_length=255)
    official = models.CharField(
        _("funzionario o dirigente responsabile del procedimento"), max_length=255
    )
    selection_method = models.CharField(
        _("modalità di individuazione del beneficiario"),
        max_length=255,
        help_text=_("Es. «Avviso pubblico con graduatoria»"),
    )
    call = models.ForeignKey(
        "cms.CallPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grants",
        verbose_name=_("bando"),
    )
    project_url = models.URLField(
        _("link al progetto"),
        blank=True,
        help_text=_("Progetto selezionato, curriculum dell'incaricato o contratto."),
    )
    project_document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("documento del progetto"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("beneficiary_kind"),
                FieldPanel("beneficiary_name"),
                FieldPanel("beneficiary_tax_code"),
                FieldPanel("reveals_hardship"),
                FieldPanel("protocol_number"),
            ],
            heading=_("Beneficiario"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("amount"), FieldPanel("granted_on")]),
                FieldPanel("legal_basis"),
                FieldRowPanel([FieldPanel("office"), FieldPanel("official")]),
                FieldPanel("selection_method"),
            ],
            heading=_("Concessione"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("call"),
                FieldPanel("project_url"),
                FieldPanel("project_document"),
            ],
            heading=_("Collegamenti"),
        ),
        # Wagtail's own scheduling: the expiry defaults to the end of the legal publication
        # period (save()), and Wagtail's publish_scheduled (run by our scheduler) withdraws
        # the grant then, marking it "scaduto" for review.
        PublishingPanel(
            help_text=_(
                "Se la scadenza è vuota vale il termine di legge: cinque anni dal 1° gennaio "
                "dell'anno successivo all'atto (art. 8, c. 3, D.Lgs. 33/2013)."
            )
        ),
    ]

    class Meta:
        ordering = ["-granted_on", "-pk"]
        verbose_name = _("atto di concessione")
        verbose_name_plural = _("atti di concessione")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="transparency_grant_amount_positive"
            ),
        ]

    def __str__(self):
        # The admin's name for the row (the public never sees it: see public_beneficiary).
        return self.beneficiary_name

    def save(self, *args, **kwargs):
        if self.expire_at is None and isinstance(self.granted_on, date):
            self.expire_at = self.legal_publication_end()
        super().save(*args, **kwargs)

    def legal_publication_end(self):
        return rules.legal_publication_end(
            self.granted_on, getattr(settings, "PRIVACY_PUBLICATION_YEARS", 5), settings.TIME_ZONE
        )

    def clean(self):
        super().clean()
        errors = rules.grant_errors(
            kind=self.beneficiary_kind,
            tax_code=self.beneficiary_tax_code,
            reveals_hardship=self.reveals_hardship,
            protocol_number=self.protocol_number,
            amount=self.amount,
            granted_on=self.granted_on,
            today=timezone.localdate(),
        )
        if errors:
            raise ValidationError(errors)

    @property
    def public_beneficiary(self) -> str:
        """Who the public may read as beneficiary (art. 26 c. 4)."""
        return rules.public_beneficiary(
            self.beneficiary_name, self.reveals_hardship, self.protocol_number
        )

    @property
    def public_tax_code(self) -> str:
        """Tax data the public may read: a firm's or body's, never a person's."""
        return rules.public_tax_code(
            self.beneficiary_kind, self.beneficiary_tax_code, self.reveals_hardship
        )

    @property
    def year(self) -> int:
        return self.granted_on.year if isinstance(self.granted_on, date) else 0
