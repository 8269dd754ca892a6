from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin

from ..labels import public_label
from .popolo import popolo_id_field, unique_popolo_id


class EndReason(models.TextChoices):
    TERM_ENDED = "term_ended", _("Scadenza del mandato")
    RESIGNED = "resigned", _("Dimissioni")
    REPLACED = "replaced", _("Sostituzione")
    REVOKED = "revoked", _("Revoca")
    BODY_LEFT = "body_left", _("Uscita dell'ente dalla rete")
    OTHER = "other", _("Altro")


class Membership(RevisionMixin, models.Model):
    """A member (a person or an organisation) sitting on a network in a role, possibly on
    behalf of an organisation and representing an area, from a start to an end date (both
    inclusive; either may be unknown)."""

    network = models.ForeignKey(
        "network.Network",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("rete"),
    )
    person = models.ForeignKey(
        "network.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("persona"),
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("ente componente"),
        help_text=_("Compilare se il componente è un ente e non una persona."),
    )
    role = models.ForeignKey(
        "network.Role",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("ruolo"),
    )
    on_behalf_of = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations",
        verbose_name=_("per conto di"),
    )
    area = models.ForeignKey(
        "network.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("area rappresentata"),
        help_text=_(
            "Sub-ambito o comune rappresentato. Se vuoto vale l'area dell'ente per cui si siede."
        ),
    )
    start_date = models.DateField(_("dal"), null=True, blank=True)
    end_date = models.DateField(
        _("al"), null=True, blank=True, help_text=_("Ultimo giorno incluso.")
    )
    end_reason = models.CharField(
        _("motivo della cessazione"), max_length=32, choices=EndReason.choices, blank=True
    )
    appointing_act = models.CharField(_("atto di nomina"), max_length=255, blank=True)
    appointing_document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("documento dell'atto di nomina"),
    )
    popolo_id = popolo_id_field()

    panels = [
        FieldPanel("network"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("person"), FieldPanel("organisation")])],
            heading=_("Componente (una persona oppure un ente)"),
        ),
        FieldRowPanel([FieldPanel("role"), FieldPanel("on_behalf_of"), FieldPanel("area")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("end_reason")]),
        FieldRowPanel([FieldPanel("appointing_act"), FieldPanel("appointing_document")]),
        FieldPanel("popolo_id"),
    ]

    class Meta:
        ordering = ["network__name", "role__name", "start_date", "pk"]
        verbose_name = _("appartenenza")
        verbose_name_plural = _("appartenenze")
        constraints = [
            unique_popolo_id("membership"),
            models.CheckConstraint(
                condition=Q(person__isnull=False, organisation__isnull=True)
                | Q(person__isnull=True, organisation__isnull=False),
                name="network_membership_one_member",
                violation_error_message=_("Indicare una persona oppure un ente, non entrambi."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="network_membership_end_after_start",
                violation_error_code="end_before_start",
                violation_error_message=_("La data di fine non può precedere la data di inizio."),
            ),
            # Overlapping dates for the same member, role, network and area are refused by an
            # exclusion constraint (PostgreSQL) or triggers (SQLite): see network.overlap_sql.
        ]

    def __str__(self):
        return f"{self.member} — {self.role} ({self.network})" if self.role_id else str(self.member)

    @property
    def member(self):
        return self.person if self.person_id else self.organisation

    def is_active_on(self, day):
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or day <= self.end_date
        )

    def public_label(self):
        """What the public may see of this seat (see network.labels)."""
        return public_label(
            self.role.name,
            self.organisation.name if self.organisation_id else None,
            self.on_behalf_of.name if self.on_behalf_of_id else None,
        )

    def overlapping(self):
        """Other memberships of the same member, role, network and area whose dates meet
        this one's (unknown bounds are open)."""
        same_seat = Membership.objects.filter(
            network_id=self.network_id,
            role_id=self.role_id,
            person_id=self.person_id,
            organisation_id=self.organisation_id,
            area_id=self.area_id,
        ).exclude(pk=self.pk)
        if self.end_date is not None:
            same_seat = same_seat.filter(
                Q(start_date__isnull=True) | Q(start_date__lte=self.end_date)
            )
        if self.start_date is not None:
            same_seat = same_seat.filter(
                Q(end_date__isnull=True) | Q(end_date__gte=self.start_date)
            )
        return same_seat

    def clean(self):
        if self.network_id and self.role_id and (self.person_id or self.organisation_id):
            clash = self.overlapping().first()
            if clash is not None:
                raise ValidationError(
                    _(
                        "Questo componente ha già il ruolo «%(role)s» in questa rete "
                        "in date che si sovrappongono (%(start)s – %(end)s)."
                    )
                    % {
                        "role": self.role,
                        "start": clash.start_date or "?",
                        "end": clash.end_date or "?",
                    },
                    code="overlap",
                )
