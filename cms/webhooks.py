"""Publish webhooks: when a page is published or unpublished, a signed POST goes to each
configured URL, so a static front end can rebuild. Never in the request: the delivery is a
task (cms/tasks.py), queued after the commit; a failed delivery is tried again later, with
growing delays, and every attempt is logged in ``WebhookDelivery`` (admin: Impostazioni →
Notifiche webhook).

Receivers check ``X-UDP-Signature: sha256=<hex>``, the HMAC-SHA256 of the raw body with the
shared secret (settings ``PUBLISH_WEBHOOKS``, from the environment ``PUBLISH_WEBHOOK_URLS`` and
``PUBLISH_WEBHOOK_SECRET``).
"""

import datetime
import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
TIMEOUT_SECONDS = 10
SIGNATURE_HEADER = "X-UDP-Signature"


def configured():
    """``[(url, secret)]`` of the receivers."""
    return [(hook["url"], hook.get("secret", "")) for hook in settings.PUBLISH_WEBHOOKS]


def signature(secret, body):
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def payload_for(event, page):
    return {
        "event": event,
        "page": {
            "id": page.pk,
            "type": page.specific_class._meta.label if page.specific_class else "",
            "title": page.title,
            "url": page.get_full_url() or "",
            "api_url": f"/api/v3/pages/{page.pk}/",
        },
        "at": timezone.now().isoformat(),
    }


def queue(event, page):
    """Log one delivery per receiver and queue them after the commit."""
    from cms.models import WebhookDelivery
    from cms.tasks import deliver_webhook

    if not settings.PUBLISH_WEBHOOKS:
        return
    payload = payload_for(event, page)
    for url, _secret in configured():
        delivery = WebhookDelivery.objects.create(
            event=event, page_id=page.pk, url=url, payload=payload
        )
        transaction.on_commit(lambda pk=delivery.pk: deliver_webhook.enqueue(pk), robust=True)


def page_published(sender, instance, **kwargs):
    queue("page_published", instance)


def page_unpublished(sender, instance, **kwargs):
    queue("page_unpublished", instance)


def retry_delay(attempts):
    """1, 2, 4, 8 minutes after the 1st, 2nd, 3rd, 4th failure."""
    return datetime.timedelta(minutes=2 ** (attempts - 1))


def deliver(delivery_id):
    """One attempt; returns the delay before the next one, or None when done."""
    from cms.models import WebhookDelivery

    delivery = WebhookDelivery.objects.filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return None
    secret = dict(configured()).get(delivery.url)
    if secret is None:  # receiver removed from the settings since
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.last_error = "Indirizzo non più configurato."
        delivery.save(update_fields=["status", "last_error"])
        return None
    import requests  # 16 MB: loaded by the task worker that delivers, not by web workers

    body = json.dumps(delivery.payload, sort_keys=True).encode()
    delivery.attempts += 1
    try:
        response = requests.post(
            delivery.url,
            data=body,
            timeout=TIMEOUT_SECONDS,
            headers={
                "Content-Type": "application/json",
                SIGNATURE_HEADER: signature(secret, body),
                "X-UDP-Event": delivery.event,
                "X-UDP-Delivery": str(delivery.pk),
            },
        )
        delivery.last_status_code = response.status_code
        delivery.last_error = "" if response.ok else response.text[:500]
        ok = response.ok
    except requests.RequestException as error:
        delivery.last_error = str(error)[:500]
        ok = False
    if ok:
        delivery.status = WebhookDelivery.Status.SENT
        delivery.delivered_at = timezone.now()
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
        logger.warning("webhook %s to %s failed %s times", delivery.pk, delivery.url, MAX_ATTEMPTS)
    delivery.save()
    if delivery.status == WebhookDelivery.Status.PENDING:
        return retry_delay(delivery.attempts)
    return None
