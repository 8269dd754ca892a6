"""What an editor confirmed: personal data they chose to publish, why, and until when."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConfirmationQuerySet(models.QuerySet):
    def for_object(self, obj):
        from .guard import object_key

        content_type, object_id = object_key(obj)
        return self.filter(content_type=content_type, object_id=object_id)

    def in_force(self, today=None):
        """Active confirmations whose publication period has not ended."""
        today = today or timezone.localdate()
        return self.filter(status=Confirmation.Status.ACTIVE, expires_at__gt=today)

    def due(self, today=None):
        """Active confirmations whose publication period has ended."""
        today = today or timezone.localdate()
        return self.filter(status=Confirmation.Status.ACTIVE, expires_at__lte=today)


class Confirmation(models.Model):
    """One explicit "publish anyway" of the findings of a page (or other object).

    Only masked matches and their fingerprints are stored, never the personal data itself.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("in pubblicazione")
        EXPIRED = "expired", _("scaduto: ritirato, da rivedere")
        REVIEWED = "reviewed", _("rivisto")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255, db_index=True)
    object_title = models.CharField(_("contenuto"), max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revisione"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("confermato da"),
    )
    confirmed_at = models.DateTimeField(_("confermato il"), default=timezone.now)
    reason = models.TextField(_("motivo"))
    findings = models.JSONField(_("dati segnalati"), default=list)
    fingerprints = models.JSONField(default=list)
    kinds = models.CharField(_("tipi di dato"), max_length=255, blank=True)
    expires_at = models.DateField(
        _("pubblicabile fino al"),
        help_text=_("Alla scadenza il contenuto viene ritirato e proposto per la revisione."),
    )
    status = models.CharField(
        _("stato"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    expired_at = models.DateTimeField(_("ritirato il"), null=True, blank=True)
    review_note = models.TextField(_("nota di revisione"), blank=True)

    objects = ConfirmationQuerySet.as_manager()

    class Meta:
        verbose_name = _("dato personale confermato")
        verbose_name_plural = _("dati personali confermati")
        ordering = ["-confirmed_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.object_title} ({self.kinds})"

    @property
    def content_object(self):
        model = self.content_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=self.object_id).first()

    def findings_summary(self):
        return "; ".join(f"{item['label']}: {item['context']}" for item in self.findings)

    findings_summary.short_description = _("dati segnalati")
