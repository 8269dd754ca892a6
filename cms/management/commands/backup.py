"""``manage.py backup DIR``: database and media in one archive (cms/backup.py)."""

from django.core.management.base import BaseCommand

from cms.backup import backup, read_manifest


class Command(BaseCommand):
    help = "Salva database e file caricati in un unico archivio .tar.gz nella cartella DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, directory, **options):
        path = backup(directory)
        manifest = read_manifest(path)
        self.stdout.write(
            f"Archivio: {path} ({sum(manifest['rows'].values())} righe, "
            f"{len(manifest['media'])} file, database {manifest['database_engine']})"
        )
