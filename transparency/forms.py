"""The admin form of a grant: the hardship question as a yes/no the editor must answer."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models.grants import HARDSHIP_QUESTION


def _yes(value) -> bool:
    return value in (True, "True", "true", "1")


class GrantForm(WagtailAdminModelForm):
    reveals_hardship = forms.TypedChoiceField(
        label=HARDSHIP_QUESTION,
        choices=[(True, _("Sì")), (False, _("No"))],
        coerce=_yes,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Rispondere sì o no: la risposta è obbligatoria.")},
        help_text=_(
            "Se sì, il sito pubblica solo il numero di protocollo, mai il nome "
            "(art. 26, c. 4, D.Lgs. 33/2013)."
        ),
    )
