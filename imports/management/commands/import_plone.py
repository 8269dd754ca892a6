"""``manage.py import_plone PATH [--parent /percorso/] [--dry-run]``: see imports/plone/."""

from django.core.management.base import BaseCommand, CommandError

from imports.plone.apply import import_plone
from imports.report import MalformedFileError


class Command(BaseCommand):
    help = (
        "Importa un'esportazione Plone (collective.exportimport: un file JSON o una cartella "
        "di file; plone.exportimport: la cartella con content/): cartelle e documenti, "
        "notizie, eventi, bandi, file e immagini, con i reindirizzamenti dai vecchi indirizzi."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Il file JSON o la cartella dell'esportazione.")
        parser.add_argument(
            "--parent",
            default=None,
            help="Indirizzo della pagina sotto cui mettere cartelle e documenti (es. /archivio/); "
            "predefinito: la home.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Mostra il riepilogo senza salvare nulla."
        )

    def handle(self, path, parent, dry_run, **options):
        try:
            report = import_plone(path, parent_path=parent, dry_run=dry_run)
        except (MalformedFileError, ValueError) as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
