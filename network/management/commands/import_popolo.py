import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from network.popolo_io import PopoloError, apply_plan, read_document


class Command(BaseCommand):
    help = (
        "Importa un documento Popolo JSON (areas, organizations, persons, memberships) nel "
        "registro delle reti: tutto o niente. Un file con problemi non modifica nulla. "
        "Vedi docs/popolo.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Percorso del file JSON.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Controlla e riassume cosa cambierebbe, senza scrivere nulla.",
        )
        parser.add_argument(
            "--period-dates",
            action="store_true",
            help=(
                "Riempie le date mancanti di un'appartenenza con l'inizio o la fine del "
                "periodo legislativo (events) indicato da legislative_period_id."
            ),
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"File non trovato: {path}") from None
        except IsADirectoryError:
            raise CommandError(f"{path} è una cartella, non un file.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} non è un testo UTF-8. Nessuna modifica.") from None
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{path} non è JSON valido (riga {error.lineno}, colonna {error.colno}: "
                f"{error.msg}); forse il file è troncato. Nessuna modifica."
            ) from None
        try:
            plan = read_document(data, period_dates=options["period_dates"])
            report = apply_plan(plan, dry_run=options["dry_run"])
        except PopoloError as error:
            raise CommandError(str(error)) from None
        if options["dry_run"]:
            self.stdout.write("Prova (--dry-run): nessuna modifica salvata.")
        for line in report.lines():
            self.stdout.write(line)
