"""Load the demo district (cms/demo.py). Running it again adds nothing already there."""

import logging

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
        if options["verbosity"] < 2:
            wagtail_logger.setLevel(logging.WARNING)
        try:
            with transaction.atomic():
                tally = DemoLoader(timezone.now()).run()
        finally:
            wagtail_logger.setLevel(level)
        self.stdout.write(self.style.SUCCESS("Contenuti dimostrativi caricati."))
        for line in tally.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(
            f"Accesso: http://127.0.0.1:8000/admin/ utente admin, password {PASSWORD}"
        )
