"""What every registry record shares: the stable external key used by Popolo import/export."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def popolo_id_field():
    return models.CharField(
        _("identificativo Popolo"),
        max_length=255,
        blank=True,
        help_text=_("Chiave esterna stabile per lo scambio dati in formato Popolo (facoltativa)."),
    )


def source_kind_field():
    """The classification an import brought when it is not one of ours (kept for export)."""
    return models.CharField(
        _("classificazione d'origine"),
        max_length=100,
        blank=True,
        help_text=_("Classificazione ricevuta da un'importazione, quando non è una delle nostre."),
    )


def unique_popolo_id(model_name):
    return models.UniqueConstraint(
        fields=["popolo_id"],
        condition=~Q(popolo_id=""),
        name=f"network_{model_name}_unique_popolo_id",
    )
