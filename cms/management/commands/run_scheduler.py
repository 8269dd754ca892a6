"""Enqueue periodic tasks (scheduled publishing) for the task worker, every ``--interval`` seconds.

`make run` starts it beside gunicorn and the worker. In production run it as a service, or
replace it with a cron line: ``* * * * * manage.py publish_scheduled``.
"""

import signal
import time

from django.core.management.base import BaseCommand

from cms.tasks import publish_scheduled_content
from privacy.tasks import expire_personal_data

PERIODIC_TASKS = [publish_scheduled_content, expire_personal_data]


class Command(BaseCommand):
    help = "Accoda ogni minuto le attività periodiche (pubblicazione programmata)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Secondi tra due giri.")
        parser.add_argument("--once", action="store_true", help="Un solo giro, poi esce.")

    def handle(self, *args, interval, once, **options):
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while not stopping:
            for periodic in PERIODIC_TASKS:
                result = periodic.enqueue()
                self.stdout.write(f"accodata {periodic.name} ({result.id})")
            if once:
                break
            for _second in range(max(interval, 1)):
                if stopping:
                    break
                time.sleep(1)
