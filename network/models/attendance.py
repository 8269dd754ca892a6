from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Presente")
    ABSENT = "absent", _("Assente")
    EXCUSED = "excused", _("Assente giustificato")


class Attendance(models.Model):
    """Whether a member attended the meeting a minutes page records."""

    meeting = models.ForeignKey(
        "cms.MinutesPage",
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("seduta (verbale)"),
    )
    membership = models.ForeignKey(
        "network.Membership",
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("componente"),
    )
    status = models.CharField(_("presenza"), max_length=16, choices=AttendanceStatus.choices)

    panels = [FieldPanel("meeting"), FieldPanel("membership"), FieldPanel("status")]

    class Meta:
        ordering = ["-meeting__meeting_date", "membership__pk"]
        verbose_name = _("presenza")
        verbose_name_plural = _("presenze")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"],
                name="network_attendance_once_per_meeting",
                violation_error_message=_("La presenza di questo componente è già registrata."),
            )
        ]

    def __str__(self):
        return f"{self.membership} — {self.get_status_display()}"

    def clean(self):
        if self.meeting_id and self.membership_id:
            if self.meeting.meeting_body_id != self.membership.network_id:
                raise ValidationError(
                    {"membership": _("Il componente non appartiene all'organo di questa seduta.")}
                )
            if not self.membership.is_active_on(self.meeting.meeting_date):
                raise ValidationError(
                    {"membership": _("Alla data della seduta il componente non era in carica.")}
                )
