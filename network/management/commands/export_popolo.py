import json
from pathlib import Path

from django.core.management.base import BaseCommand

from network.popolo_io import export_document


class Command(BaseCommand):
    help = (
        "Esporta il registro delle reti come documento Popolo JSON (su stdout o in FILE). "
        "I recapiti personali delle persone non sono mai esportati."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="File di destinazione (predefinito: stdout).")

    def handle(self, *args, **options):
        text = json.dumps(export_document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if options["file"]:
            Path(options["file"]).write_text(text, encoding="utf-8")
            self.stderr.write(f"Registro esportato in {options['file']}.")
        else:
            self.stdout.write(text, ending="")
