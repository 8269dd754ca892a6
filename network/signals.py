from django.db.models.signals import post_save
from django.dispatch import receiver

from .coordinators import ensure_coordinator_group
from .models import Network


@receiver(post_save, sender=Network, dispatch_uid="network_coordinators_group")
def create_coordinators_group(sender, instance, raw=False, **kwargs):
    if not raw:
        ensure_coordinator_group(instance)
