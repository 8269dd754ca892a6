import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from imports.blogger.importer import import_export
from imports.report import ImportAborted, MalformedFileError


class Command(BaseCommand):
    help = (
        "Importa un'esportazione di Blogger (backup classico .xml o feed.atom di Google "
        "Takeout): un post pubblicato diventa un verbale, un piano, un bando o una notizia "
        "secondo imports/blogger_rules.py, i vecchi indirizzi diventano redirect. Si può "
        "ripetere: i post già importati non vengono duplicati. Vedi docs/imports.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Percorso del file esportato da Blogger.")
        parser.add_argument(
            "--parent",
            metavar="PATH",
            help=(
                "Mette tutte le pagine sotto questa pagina (percorso sul sito, es. "
                "/notizie/archivio/, o id), invece che nella sezione di ciascun tipo."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Legge e riassume cosa cambierebbe, senza salvare nulla.",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Mostra l'avanzamento su stderr anche quando non è un terminale (log, CI).",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"File non trovato: {path}")
        if path.is_dir():
            raise CommandError(f"{path} è una cartella, non un file.")
        started = time.monotonic()
        progress = Progress(self.stderr)
        try:
            report = import_export(
                path,
                parent_path=options["parent"],
                dry_run=options["dry_run"],
                progress=progress if progress.tty or options["progress"] else None,
            )
        except (MalformedFileError, ImportAborted) as error:
            raise CommandError(str(error)) from None
        for line in report.lines():
            self.stdout.write(line)
        self.stderr.write(f"Tempo: {time.monotonic() - started:.1f} s", plain)


def plain(text):
    """Django colours a terminal's stderr as errors: progress and timing are not."""
    return text


class Progress:
    """ "Post 1200/10000" on stderr: rewritten in place on a terminal, a line every tenth
    of the way otherwise (``--progress`` in logs, CI)."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.shown = -1

    def __call__(self, done, total):
        if self.tty:
            if done == total or done % 50 == 0:
                self.stream.write(f"\rPost importati: {done}/{total}", plain, ending="")
                if done == total:
                    self.stream.write("", plain)
            return
        tenth = done * 10 // total
        if tenth != self.shown:
            self.shown = tenth
            self.stream.write(f"Post importati: {done}/{total}", plain)
