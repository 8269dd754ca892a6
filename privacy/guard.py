"""The rules of the privacy guard over Django objects: what an object's findings are, which
are confirmed, and what happens when something tries to publish unconfirmed findings."""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from . import allowances
from .detectors import scan_all
from .texts import object_texts

logger = logging.getLogger(__name__)

CONFIRM_ACTION = "privacy.confirm_findings"
HOLD_ACTION = "privacy.hold_publication"
EXPIRE_ACTION = "privacy.expired_unpublish"


class UnconfirmedPersonalData(PermissionDenied):
    """Publishing refused: the content holds personal data nobody confirmed."""

    def __init__(self, findings):
        self.findings = findings
        listed = "; ".join(f"{f.label} ({f.where}): {f.context}" for f in findings[:10])
        super().__init__(
            "Pubblicazione bloccata: il contenuto contiene dati personali non confermati. "
            f"Correggere o confermare dalla modifica della pagina. {listed}"
        )


def object_key(obj):
    """(content type, id) that names the object: pages by their base Page type."""
    model = Page if isinstance(obj, Page) else type(obj)
    return ContentType.objects.get_for_model(model), str(obj.pk)


def findings_for(obj):
    return scan_all(object_texts(obj), allowances.current())


def confirmed_fingerprints(obj, today=None):
    from .models import Confirmation

    if obj.pk is None:
        return set()
    fingerprints = set()
    for stored in (
        Confirmation.objects.for_object(obj).in_force(today).values_list("fingerprints", flat=True)
    ):
        fingerprints.update(stored)
    return fingerprints


def unconfirmed(obj, findings):
    confirmed = confirmed_fingerprints(obj)
    return [finding for finding in findings if finding.fingerprint not in confirmed]


def default_expiry(start=None):
    start = start or timezone.localdate()
    years = getattr(settings, "PRIVACY_PUBLICATION_YEARS", 5)
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def confirm(obj, findings, user, reason, expires_at=None, revision=None):
    """Record the confirmation and log it in Wagtail's audit log."""
    from .models import Confirmation

    content_type, object_id = object_key(obj)
    confirmation = Confirmation.objects.create(
        content_type=content_type,
        object_id=object_id,
        object_title=str(obj)[:255],
        revision=revision,
        user=user if getattr(user, "is_authenticated", False) else None,
        reason=reason,
        findings=[finding.as_dict() for finding in findings],
        fingerprints=sorted({finding.fingerprint for finding in findings}),
        kinds=", ".join(sorted({finding.label for finding in findings})),
        expires_at=expires_at or default_expiry(),
    )
    log(
        instance=obj,
        action=CONFIRM_ACTION,
        user=confirmation.user,
        revision=revision,
        data={
            "confirmation": confirmation.pk,
            "reason": reason,
            "expires_at": confirmation.expires_at.isoformat(),
            "findings": confirmation.findings,
        },
    )
    return confirmation


def ensure_publishable(obj):
    """Raise ``UnconfirmedPersonalData`` when ``obj`` (the revision's content) holds findings
    nobody confirmed."""
    missing = unconfirmed(obj, findings_for(obj))
    if missing:
        raise UnconfirmedPersonalData(missing)


def hold(obj, revision, error):
    """Scheduled publishing with unconfirmed findings: the revision is not published, its
    schedule is cleared (else the job would retry every minute), the audit log says why."""
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    log(
        instance=obj,
        action=HOLD_ACTION,
        revision=revision,
        data={"findings": [finding.as_dict() for finding in error.findings]},
    )
    logger.warning("Pubblicazione programmata trattenuta (dati personali): %s", obj)


def live_version(obj):
    if isinstance(obj, Page):
        return obj.specific
    return obj


def expire_due(now=None):
    """Unpublish the live content whose confirmed personal data reached its expiry date, and
    mark those confirmations for review. Returns the confirmations handled."""
    from .models import Confirmation

    now = now or timezone.now()
    handled = []
    for confirmation in Confirmation.objects.due(timezone.localdate(now)).select_related(
        "content_type"
    ):
        obj = confirmation.content_object
        if obj is not None:
            obj = live_version(obj)
        still_there = False
        if obj is not None and getattr(obj, "live", False):
            present = {finding.fingerprint for finding in findings_for(obj)}
            still_there = bool(present & set(confirmation.fingerprints))
            if still_there:
                obj.unpublish(set_expired=True, log_action=EXPIRE_ACTION)
        confirmation.status = Confirmation.Status.EXPIRED
        confirmation.expired_at = now
        if not still_there:
            confirmation.review_note = (
                "Alla scadenza il contenuto non era pubblicato o non conteneva più questi dati."
            )
        confirmation.save(update_fields=["status", "expired_at", "review_note"])
        handled.append(confirmation)
    return handled
