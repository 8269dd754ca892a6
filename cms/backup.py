"""One archive with everything needed to rebuild the site: the database as Django fixtures
(the same file restores into SQLite or PostgreSQL) and the media files, with a manifest of
row counts and checksums that ``restore`` checks after loading.

Rows keep their primary keys, content types and permissions included: the target is
emptied completely (``flush`` without recreating anything) before loading, so every
reference points where it pointed. Left out because they are rebuilt or worthless elsewhere:
sessions, the Django admin log, the search index (rebuilt by ``restore``), the reference
index, the task queue and preview tokens.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
EXCLUDED = [
    "sessions",
    "admin.logentry",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "wagtailcore.referenceindex",
    "django_tasks_database",
    "wagtail_headless_preview",
]


class BackupError(Exception):
    pass


def _excluded_labels():
    labels = []
    for label in EXCLUDED:
        app, _, model = label.partition(".")
        try:
            config = apps.get_app_config(app)
            if model:
                config.get_model(model)
        except LookupError:  # an app or a model this database engine does not have
            continue
        labels.append(label)
    return labels


# Loaded before anything else: saving other rows may look content types up (and create
# them if missing), which would then clash with the archived ones.
FIRST = ("contenttypes.contenttype", "auth.permission")


def _ordered_fixture(data: bytes) -> bytes:
    rows = json.loads(data)
    rows.sort(key=lambda row: FIRST.index(row["model"]) if row["model"] in FIRST else len(FIRST))
    return json.dumps(rows).encode()


def dump_data() -> bytes:
    out = io.StringIO()
    call_command(
        "dumpdata",
        exclude=_excluded_labels(),
        indent=None,
        stdout=out,
    )
    return out.getvalue().encode()


def row_counts(data: bytes) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in json.loads(data):
        counts[row["model"]] = counts.get(row["model"], 0) + 1
    return dict(sorted(counts.items()))


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _migrations() -> dict[str, str]:
    latest = {}
    for app, name in MigrationRecorder(connection).migration_qs.values_list("app", "name"):
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def backup(directory) -> Path:
    """Write ``udp-backup-<timestamp>.tar.gz`` into ``directory``; return its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    with transaction.atomic():  # one consistent snapshot of the database
        data = dump_data()
    root = Path(settings.MEDIA_ROOT)
    files = media_files()
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database_engine": connection.vendor,
        "migrations": _migrations(),
        "rows": row_counts(data),
        "data_sha256": _sha256(data),
        "media": {str(path.relative_to(root)): _sha256(path.read_bytes()) for path in files},
    }
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = directory / f"udp-backup-{stamp}.tar.gz"
    partial = target.with_suffix(".partial")
    with tarfile.open(partial, "w:gz") as archive:
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
        _add_bytes(archive, "data.json", data)
        for path in files:
            archive.add(path, arcname=f"media/{path.relative_to(root)}")
    os.replace(partial, target)  # never a half-written archive under the final name
    return target


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def read_manifest(archive_path) -> dict:
    with tarfile.open(archive_path, "r:gz") as archive:
        return json.loads(archive.extractfile("manifest.json").read())


def _database_is_empty() -> bool:
    from wagtail.models import Page

    # A migrated database holds the tree root and the migration's home page, nothing more.
    return (
        Page.objects.count() <= 2 and not apps.get_model("wagtaildocs", "Document").objects.exists()
    )


def restore(archive_path, force: bool = False) -> dict:
    """Load the archive into this (migrated) database and media folder, then check counts
    and checksums against its manifest; return the manifest. With ``force`` an existing
    database is emptied first; without it a database with content is refused."""
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"L'archivio {archive_path} non esiste.")
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            manifest = json.loads(archive.extractfile("manifest.json").read())
            data = archive.extractfile("data.json").read()
            media = {
                member.name.removeprefix("media/"): archive.extractfile(member).read()
                for member in archive.getmembers()
                if member.isfile() and member.name.startswith("media/")
            }
    except (tarfile.TarError, KeyError, OSError, EOFError, json.JSONDecodeError) as error:
        raise BackupError(f"L'archivio {archive_path} non è leggibile: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError("Formato dell'archivio non riconosciuto.")
    if _sha256(data) != manifest["data_sha256"]:
        raise BackupError(
            "I dati dell'archivio non corrispondono alla loro impronta: archivio rovinato."
        )
    for name, content in media.items():
        if manifest["media"].get(name) != _sha256(content):
            raise BackupError(f"Il file {name} dell'archivio è rovinato.")
    missing_migrations = {
        app: name
        for app, name in manifest["migrations"].items()
        if _migrations().get(app, "") < name
    }
    if missing_migrations:
        raise BackupError(
            "Il database ha migrazioni più vecchie dell'archivio: eseguire prima migrate "
            f"({', '.join(sorted(missing_migrations))})."
        )
    if not force and not _database_is_empty():
        raise BackupError(
            "Il database contiene già dei contenuti: ripristinare in un database vuoto "
            "(appena migrato) oppure usare --force per svuotarlo."
        )

    with transaction.atomic():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        with tempfile.NamedTemporaryFile(suffix=".json") as fixture:
            fixture.write(_ordered_fixture(data))
            fixture.flush()
            call_command("loaddata", fixture.name, verbosity=0)
        restored = dump_data()
        if row_counts(restored) != manifest["rows"]:
            raise BackupError("Dopo il ripristino il numero di righe non corrisponde: annullato.")
    root = Path(settings.MEDIA_ROOT)
    for name, content in media.items():
        target = (root / name).resolve()
        if root.resolve() not in target.parents:
            raise BackupError(f"Percorso non valido nell'archivio: {name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    call_command("update_index", verbosity=0)
    return manifest
