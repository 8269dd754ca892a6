from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Registro delle reti")

    def ready(self):
        from . import signals  # noqa: F401
        from .overlap_sql import ensure_overlap_guard

        post_migrate.connect(ensure_overlap_guard, sender=self)
