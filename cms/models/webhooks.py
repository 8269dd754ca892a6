"""The log of publish webhooks: one row per (event, receiving URL), with its attempts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

EVENT_LABELS = {
    "page_published": _("pagina pubblicata"),
    "page_unpublished": _("pubblicazione ritirata"),
}


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("in attesa")
        SENT = "sent", _("consegnato")
        FAILED = "failed", _("non consegnato")

    event = models.CharField(_("evento"), max_length=32)
    page_id = models.PositiveIntegerField(_("pagina"), null=True)
    url = models.URLField(_("indirizzo"), max_length=500)
    payload = models.JSONField(_("contenuto"))
    status = models.CharField(
        _("esito"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("tentativi"), default=0)
    last_status_code = models.PositiveSmallIntegerField(_("ultima risposta HTTP"), null=True)
    last_error = models.CharField(_("ultimo errore"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("creato il"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("consegnato il"), null=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notifica webhook")
        verbose_name_plural = _("notifiche webhook")

    def __str__(self):
        return f"{self.get_event_display()} → {self.url} ({self.get_status_display()})"

    def get_event_display(self):
        return EVENT_LABELS.get(self.event, self.event)
