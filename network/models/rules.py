from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .organisations import OrganisationKind, Sector


class RuleKind(models.TextChoices):
    COVERAGE = "coverage", _("Copertura dei sub-ambiti")
    REQUIRED_MEMBER = "required_member", _("Ente obbligatorio")
    REQUIRED_ROLE = "required_role", _("Ruolo obbligatorio")
    QUOTA = "quota", _("Quota")
    EXPIRY = "expiry", _("Scadenze")
    ATTENDANCE = "attendance", _("Assenze")


class Severity(models.TextChoices):
    HIGH = "high", _("Alta")
    MEDIUM = "medium", _("Media")
    LOW = "low", _("Bassa")


# Which fields each kind of rule reads; the others must stay empty.
RULE_FIELDS = {
    RuleKind.COVERAGE: {"min_count", "area", "role"},
    RuleKind.REQUIRED_MEMBER: {"organisation"},
    RuleKind.REQUIRED_ROLE: {"min_count", "role"},
    RuleKind.QUOTA: {"min_count", "max_count", "role", "sector", "organisation_kind"},
    RuleKind.EXPIRY: {"days"},
    RuleKind.ATTENDANCE: {"absences", "meetings"},
}
REQUIRED_RULE_FIELDS = {
    RuleKind.COVERAGE: {"min_count"},
    RuleKind.REQUIRED_MEMBER: {"organisation"},
    RuleKind.REQUIRED_ROLE: {"min_count", "role"},
    RuleKind.QUOTA: set(),
    RuleKind.EXPIRY: {"days"},
    RuleKind.ATTENDANCE: {"absences", "meetings"},
}
OPTIONAL_FIELDS = (
    "min_count",
    "max_count",
    "role",
    "organisation",
    "area",
    "sector",
    "organisation_kind",
    "days",
    "absences",
    "meetings",
)


class CompositionRule(Orderable):
    """A rule a network's composition must meet, stored as data and evaluated by
    network.gaps as of any date."""

    network = ParentalKey("network.Network", on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("tipo di regola"), max_length=32, choices=RuleKind.choices)
    severity = models.CharField(
        _("gravità"), max_length=16, choices=Severity.choices, default=Severity.MEDIUM
    )
    label = models.CharField(
        _("descrizione"),
        max_length=255,
        blank=True,
        help_text=_("Es. «Amministratori locali», usata nei messaggi delle lacune."),
    )
    min_count = models.PositiveIntegerField(_("almeno"), null=True, blank=True)
    max_count = models.PositiveIntegerField(_("al massimo"), null=True, blank=True)
    role = models.ForeignKey(
        "network.Role",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ruolo"),
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ente obbligatorio"),
    )
    area = models.ForeignKey(
        "network.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sub-ambiti dell'area"),
        help_text=_("Per la copertura: se vuoto, tutti i sub-ambiti."),
    )
    sector = models.CharField(_("settore"), max_length=32, choices=Sector.choices, blank=True)
    organisation_kind = models.CharField(
        _("classificazione dell'ente"), max_length=32, choices=OrganisationKind.choices, blank=True
    )
    days = models.PositiveIntegerField(
        _("giorni di preavviso"),
        null=True,
        blank=True,
        help_text=_("Per le scadenze: segnala le appartenenze che finiscono entro questi giorni."),
    )
    absences = models.PositiveIntegerField(_("assenze (K)"), null=True, blank=True)
    meetings = models.PositiveIntegerField(_("sulle ultime sedute (M)"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("severity"), FieldPanel("label")]),
        FieldRowPanel([FieldPanel("min_count"), FieldPanel("max_count")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation"), FieldPanel("area")]),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("organisation_kind")]),
        FieldRowPanel([FieldPanel("days"), FieldPanel("absences"), FieldPanel("meetings")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("regola di composizione")
        verbose_name_plural = _("regole di composizione")

    def __str__(self):
        return self.label or self.get_kind_display()

    def clean(self):
        errors = {}
        kind = RuleKind(self.kind) if self.kind in RuleKind.values else None
        if kind is None:
            return
        for name in REQUIRED_RULE_FIELDS[kind]:
            if self._value(name) in (None, ""):
                errors[name] = _("Obbligatorio per questo tipo di regola.")
        for name in OPTIONAL_FIELDS:
            if name not in RULE_FIELDS[kind] and self._value(name) not in (None, ""):
                errors[name] = _("Non si applica a questo tipo di regola: lasciare vuoto.")
        if kind == RuleKind.QUOTA:
            if self.min_count is None and self.max_count is None:
                errors["min_count"] = _("Indicare almeno un minimo o un massimo.")
            if not (self.sector or self.organisation_kind or self.role_id):
                errors["sector"] = _(
                    "Indicare a chi si applica la quota (settore, classificazione o ruolo)."
                )
        if (
            self.min_count is not None
            and self.max_count is not None
            and self.max_count < self.min_count
        ):
            errors["max_count"] = _("Il massimo non può essere minore del minimo.")
        if (
            kind == RuleKind.ATTENDANCE
            and self.absences
            and self.meetings
            and self.absences > self.meetings
        ):
            errors["absences"] = _("Le assenze non possono superare le sedute considerate.")
        if errors:
            raise ValidationError(errors)

    def _value(self, name):
        if name in ("role", "organisation", "area"):
            return getattr(self, f"{name}_id")
        return getattr(self, name)
