"""The body's own addresses and numbers, and the public bodies' domains: never findings."""

from django.conf import settings

from .detectors import Allowances, phone_digits

# Addresses of public bodies: ministries and agencies (.gov.it), certified mail (pec.*,
# *.pec.it is also the PEC of private persons: only the "pec." host of a body's domain is
# allowed), municipalities and the health agencies of Lombardy.
DEFAULT_DOMAIN_PATTERNS = (
    r"(?:[\w-]+\.)*gov\.it",
    r"pec\.[\w.-]+",
    r"(?:[\w-]+\.)*comune\.[\w-]+\.[\w-]+\.it",
    r"(?:[\w-]+\.)*comune\.[\w-]+\.it",
    r"(?:[\w-]+\.)*(?:asst|ats)-[\w-]+\.it",
    r"(?:[\w-]+\.)*regione\.[\w-]+\.it",
    r"(?:[\w-]+\.)*provincia\.[\w-]+\.it",
    r"(?:[\w-]+\.)*inps\.it",
)
ROLE_LOCAL_PARTS = (
    r"info",
    r"informazioni",
    r"protocollo(?:[._-]\w+)?",
    r"segreteria(?:[._-]\w+)?",
    r"ufficio[\w.-]*",
    r"servizi[\w.-]*",
    r"sportello[\w.-]*",
    r"amministrazione",
    r"urp",
    r"pec",
    r"privacy",
    r"dpo",
    r"rpd",
    r"direzione",
    r"comunicazione",
    r"redazione",
    r"ambito[\w.-]*",
    r"piano[\w.-]*",
    r"noreply|no-reply",
)


def current():
    """Allowances from settings and the body's identity (Impostazioni > Ente)."""
    from cms.models import BodyIdentity

    identity = BodyIdentity.load()
    emails = {address.lower() for address in (identity.email, identity.pec) if address}
    emails |= {a.lower() for a in getattr(settings, "PRIVACY_GUARD_ALLOWED_EMAILS", ())}
    phones = {phone_digits(number) for number in _numbers(identity.phone)}
    phones |= {phone_digits(n) for n in getattr(settings, "PRIVACY_GUARD_ALLOWED_PHONES", ())}
    return Allowances(
        emails=frozenset(emails),
        email_domains=tuple(getattr(settings, "PRIVACY_GUARD_ALLOWED_EMAIL_DOMAINS", ())),
        email_domain_patterns=DEFAULT_DOMAIN_PATTERNS,
        role_local_parts=ROLE_LOCAL_PARTS,
        phones=frozenset(phone for phone in phones if phone),
    )


def _numbers(text):
    """The phone field may hold several numbers: "0373 123456 / 0373 654321"."""
    import re

    return re.findall(r"\+?[\d][\d .\-]{5,}\d", text or "")
