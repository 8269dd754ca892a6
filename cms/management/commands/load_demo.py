"""Load the demo district (cms/demo.py). Running it again adds nothing already there."""

import io
import logging

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from cms.demo import PASSWORD, DemoLoader


class Command(BaseCommand):
    help = "Carica i contenuti dimostrativi dell'Ambito di Crema (idempotente)."

    def handle(self, *args, **options):
        # Wagtail logs every page it creates and publishes: keep the summary readable.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        extra_lines = []
        if options["verbosity"] < 2:
            wagtail_logger.setLevel(logging.WARNING)
        try:
            with transaction.atomic():
                now = timezone.now()
                loader = DemoLoader(now)
                tally = loader.run()
                # Apps add their own demo content: an app config with load_demo(now) returns
                # the lines of its summary.
                for config in apps.get_app_configs():
                    if hasattr(config, "load_demo"):
                        extra_lines.extend(config.load_demo(now) or [])
                loader.finish()
        finally:
            wagtail_logger.setLevel(level)
        # Publishing queues index updates for the task worker; build the index now so the
        # demo is searchable at once, even before the worker has caught up.
        call_command("update_index", stdout=io.StringIO())
        self.stdout.write(self.style.SUCCESS("Contenuti dimostrativi caricati."))
        for line in tally.lines():
            self.stdout.write(f"  {line}")
        for line in extra_lines:
            self.stdout.write(f"  {line}")
        self.stdout.write(
            f"Accesso: http://127.0.0.1:8000/admin/ utente admin, password {PASSWORD}"
        )
