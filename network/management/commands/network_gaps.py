import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from network.gaps import find_gaps
from network.models import Network

SEVERITY_LABELS = {"high": "ALTA", "medium": "MEDIA", "low": "BASSA"}


class Command(BaseCommand):
    help = (
        "Stampa le lacune delle reti (regole di composizione non rispettate) a una data. "
        "Con --fail-on-gaps esce con codice 1 se ce n'è almeno una (per cron e monitoraggio)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--network", metavar="SLUG", help="Solo la rete con questo slug.")
        parser.add_argument(
            "--as-of", metavar="AAAA-MM-GG", help="Data di riferimento (predefinita: oggi)."
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--fail-on-gaps", action="store_true")

    def handle(self, *args, **options):
        as_of = None
        if options["as_of"]:
            try:
                as_of = date.fromisoformat(options["as_of"])
            except ValueError:
                raise CommandError(
                    f"Data non valida: {options['as_of']!r}. Usare il formato AAAA-MM-GG."
                ) from None
        networks = None
        if options["network"]:
            networks = Network.objects.filter(slug=options["network"])
            if not networks.exists():
                raise CommandError(f"Nessuna rete con slug {options['network']!r}.")

        gaps = find_gaps(as_of=as_of, networks=networks)
        if options["format"] == "json":
            payload = [gap.as_dict() for gap in gaps]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        elif not gaps:
            self.stdout.write("Nessuna lacuna.")
        else:
            current = None
            for gap in gaps:
                if gap.network != current:
                    current = gap.network
                    self.stdout.write(f"{gap.network_name} ({gap.network})")
                self.stdout.write(
                    f"  [{SEVERITY_LABELS.get(gap.severity, gap.severity)}] {gap.message}"
                )
        if options["fail_on_gaps"] and gaps:
            # SystemExit keeps the printed report and gives cron a non-zero status.
            raise SystemExit(1)
