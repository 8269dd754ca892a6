"""The rules of a grant's record (art. 26-27 D.Lgs. 33/2013), over plain values."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

EARLIEST_GRANT = date(2013, 4, 20)  # D.Lgs. 33/2013 came into force


def grant_errors(
    *,
    kind: str,
    tax_code: str,
    reveals_hardship: bool | None,
    protocol_number: str,
    amount: Decimal | None,
    granted_on: date | None,
    today: date,
) -> dict[str, str]:
    """Field name → Italian message for each rule the grant breaks."""
    errors = {}
    if reveals_hardship not in (True, False):
        errors["reveals_hardship"] = _("Rispondere sì o no: la risposta è obbligatoria.")
    if reveals_hardship and not (protocol_number or "").strip():
        errors["protocol_number"] = _(
            "Indicare il numero di protocollo: se la concessione rivela salute o disagio "
            "economico-sociale, il sito pubblica solo quello."
        )
    if kind == "person" and (tax_code or "").strip():
        errors["beneficiary_tax_code"] = _(
            "Per le persone fisiche non si registrano né si pubblicano dati fiscali."
        )
    if amount is not None and amount <= 0:
        errors["amount"] = _("L'importo deve essere maggiore di zero.")
    if granted_on is not None:
        if granted_on > today:
            errors["granted_on"] = _("La data del provvedimento non può essere nel futuro.")
        elif granted_on < EARLIEST_GRANT:
            errors["granted_on"] = _(
                "La data del provvedimento è precedente al D.Lgs. 33/2013 (20 aprile 2013)."
            )
    return errors


def public_beneficiary(name: str, reveals_hardship: bool | None, protocol_number: str) -> str:
    """The beneficiary as the public may read it: by protocol number only when the grant
    reveals health or economic and social hardship (art. 26 c. 4); unanswered counts as yes,
    so a half-filled record never shows a name."""
    if reveals_hardship is False:
        return name
    if protocol_number:
        return _("Beneficiario tutelato, protocollo n. %(number)s") % {"number": protocol_number}
    return _("Beneficiario tutelato")


def public_tax_code(kind: str, tax_code: str, reveals_hardship: bool | None) -> str:
    """A firm's or body's tax data; nothing for a person or a protected beneficiary."""
    if kind != "organisation" or reveals_hardship is not False:
        return ""
    return tax_code


def legal_publication_end(granted_on: date, years: int, zone: str = "Europe/Rome") -> datetime:
    """When a grant leaves the site: five years (``years``) counted from 1 January of the year
    after the act (art. 8, c. 3, D.Lgs. 33/2013), i.e. at midnight of 1 January, year + 1 +
    years, in the body's time zone."""
    return datetime(granted_on.year + 1 + years, 1, 1, tzinfo=ZoneInfo(zone))
