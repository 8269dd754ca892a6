"""``manage.py restore ARCHIVE [--force]``: load an archive made by ``backup``."""

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Ripristina un archivio di backup in un database appena migrato (vuoto), poi "
        "controlla righe e impronte e ricostruisce l'indice di ricerca."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Svuota prima un database che ha già dei contenuti.",
        )

    def handle(self, archive, force, **options):
        try:
            manifest = restore(archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Ripristinate {sum(manifest['rows'].values())} righe e {len(manifest['media'])} "
            f"file dell'archivio del {manifest['created_at']} (database di origine: "
            f"{manifest['database_engine']}). Righe e impronte controllate."
        )
