"""What an import run did, counted, and the error for a file that cannot be read at all.

``MalformedFileError`` and ``ImportAborted`` stop an import before it writes anything.
Every importer (Blogger, Plone) fills one ``ImportReport``: items created, updated and
unchanged by kind of content, items skipped by reason, items that failed with their reason,
redirects created, other figures by label (``counts``) and free notes. ``lines()`` says it in Italian for the command's output.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# Longer lists (failures, notes) are cut in the summary: the first ones tell what is wrong.
MAX_LISTED = 20


class MalformedFileError(Exception):
    """A file that cannot be read at all (not XML, not the expected format): nothing of it is
    imported. ``line`` and ``column`` locate the problem when the parser knows them."""

    def __init__(self, path, reason, line=None, column=None):
        self.path = str(path)
        self.reason = reason
        self.line = line
        self.column = column
        where = f" (riga {line}, colonna {column})" if line is not None else ""
        super().__init__(
            f"Il file {self.path} non può essere importato{where}: {reason}. Nessuna modifica."
        )


class ImportAborted(Exception):
    """An import that cannot start (nowhere to put the pages, a missing parent): the
    message says what to do, in Italian. Nothing was written."""


@dataclass
class FailedItem:
    """An item that could not be imported: ``label`` identifies it for a person (title, id,
    position in the file), ``reason`` says why, in Italian."""

    label: str
    reason: str


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    failed: list[FailedItem] = field(default_factory=list)
    redirects: int = 0
    # Other figures worth a line of their own ("immagini trasformate in link": 117).
    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    def fail(self, label, reason):
        self.failed.append(FailedItem(str(label), str(reason)))

    def skip(self, reason, count=1):
        self.skipped[reason] += count

    def note(self, text):
        self.notes.append(str(text))

    @property
    def total(self):
        """Items read from the source, whatever became of them."""
        return (
            sum(self.created.values())
            + sum(self.updated.values())
            + sum(self.unchanged.values())
            + sum(self.skipped.values())
            + len(self.failed)
        )

    def lines(self):
        if self.dry_run:
            yield "Prova (--dry-run): nessuna modifica salvata."
        yield from _counted("Creati", self.created)
        yield from _counted("Aggiornati", self.updated)
        yield from _counted("Invariati", self.unchanged)
        yield from _counted("Saltati", self.skipped)
        yield f"Non importati per errore: {len(self.failed)}"
        yield from _listed([f"{item.label}: {item.reason}" for item in self.failed])
        yield f"Redirect creati: {self.redirects}"
        for label, count in sorted(self.counts.items()):
            yield f"{label[:1].upper()}{label[1:]}: {count}"
        if self.notes:
            yield "Note:"
            yield from _listed(self.notes)

    def __str__(self):
        return "\n".join(self.lines())


def _counted(title, counter):
    total = sum(counter.values())
    if not total:
        yield f"{title}: 0"
        return
    parts = ", ".join(f"{label} {count}" for label, count in sorted(counter.items()) if count)
    yield f"{title}: {total} ({parts})"


def _listed(items):
    for item in items[:MAX_LISTED]:
        yield f"- {item}"
    if len(items) > MAX_LISTED:
        yield f"… e altri {len(items) - MAX_LISTED}."
