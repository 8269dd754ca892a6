from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.admin_webhooks import WebhookDeliveryViewSet, webhook_delivery_policy
from cms.models import WebhookDelivery

# Before the viewset is registered, or Wagtail falls back to plain model permissions.
register_permission_policy(WebhookDelivery, webhook_delivery_policy)


@hooks.register("register_admin_viewset")
def register_webhook_deliveries():
    return WebhookDeliveryViewSet()
