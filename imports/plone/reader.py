"""Reading a Plone export into plain items, whatever its layout:

- collective.exportimport: one JSON array of items (``@id`` absolute URLs), or a folder of
  JSON files, one item (or one array) per file;
- plone.exportimport (Plone 6): ``content/<UID>/data.json`` per item, blobs beside them,
  ``content/__metadata__.json`` (order of siblings, default pages), ``discussions.json`` and
  ``principals.json`` (counted, never imported).

Nothing here touches the database. A file that is not JSON, or JSON that is not a Plone
export, is a ``MalformedFileError`` and the import stops before writing anything.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from imports.report import MalformedFileError

SITE_TYPES = {"Plone Site", "Site"}


@dataclass
class Blob:
    """The bytes of a File or Image: inline (base64) or a file beside the export."""

    filename: str
    content_type: str
    data: bytes | None = None
    path: Path | None = None
    size: int | None = None

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.path is None or not self.path.is_file():
            raise FileNotFoundError(f"file mancante nell'esportazione: {self.path}")
        return self.path.read_bytes()


@dataclass
class Item:
    uid: str
    type: str
    path: str  # site-relative, "/bar/foo"
    parent_path: str
    title: str
    data: dict
    order: int = 0

    @property
    def depth(self) -> int:
        return self.path.count("/")

    @property
    def slug(self) -> str:
        return self.data.get("id") or self.path.rstrip("/").rsplit("/", 1)[-1]


@dataclass
class Export:
    root: Path
    items: list[Item]
    comments: int = 0
    principals: int = 0
    default_pages: dict[str, str] = field(default_factory=dict)  # folder path -> page id
    blob_dirs: list[Path] = field(default_factory=list)

    def blob(self, item: Item, name: str) -> Blob | None:
        """The blob of field ``name`` ("file", "image") of ``item``, or None."""
        value = item.data.get(name)
        if not isinstance(value, dict):
            return None
        filename = value.get("filename") or item.slug
        content_type = value.get("content-type") or value.get("content_type") or ""
        if "data" in value:
            try:
                data = base64.b64decode(value["data"], validate=True)
            except (binascii.Error, ValueError, TypeError) as error:
                raise ValueError("dati del file non in base64") from error
            return Blob(filename, content_type, data=data, size=len(data))
        if "blob_path" in value:
            relative = Path(value["blob_path"])
            candidates = [relative] if relative.is_absolute() else []
            candidates += [folder / relative for folder in self.blob_dirs]
            found = next(
                (c for c in candidates if c.is_file()), candidates[-1] if candidates else None
            )
            return Blob(filename, content_type, path=found, size=value.get("size"))
        return None


def _load_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise MalformedFileError(path, "il file non è testo UTF-8") from error
    except json.JSONDecodeError as error:
        raise MalformedFileError(
            path, f"JSON non valido ({error.msg})", error.lineno, error.colno
        ) from error


def read_export(path) -> Export:
    path = Path(path)
    if not path.exists():
        raise MalformedFileError(path, "il file o la cartella non esiste")
    if path.is_dir() and (path / "content" / "__metadata__.json").is_file():
        return _read_plone_exportimport(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        if not files:
            raise MalformedFileError(path, "la cartella non contiene file JSON")
        raw = []
        for file in files:
            data = _load_json(file)
            raw.extend(data if isinstance(data, list) else [data])
        return _from_raw(path, raw, [path])
    data = _load_json(path)
    if not isinstance(data, list):
        raise MalformedFileError(
            path, "ci si aspetta un elenco JSON di contenuti (collective.exportimport)"
        )
    return _from_raw(path, data, [path.parent])


def _read_plone_exportimport(root: Path) -> Export:
    content = root / "content"
    metadata = _load_json(content / "__metadata__.json")
    if not isinstance(metadata, dict) or "_data_files_" not in metadata:
        raise MalformedFileError(content / "__metadata__.json", "manca l'elenco _data_files_")
    raw = []
    for name in metadata["_data_files_"]:
        file = content / name
        if not file.is_file():
            raise MalformedFileError(file, "file elencato in __metadata__.json ma assente")
        raw.append(_load_json(file))
    export = _from_raw(root, raw, [content, root])
    ordering = metadata.get("ordering") or {}
    for item in export.items:
        item.order = ordering.get(item.uid, item.order)
    by_uid = {item.uid: item for item in export.items}
    for uid, info in (metadata.get("default_page") or {}).items():
        if uid in by_uid and isinstance(info, dict) and info.get("default_page"):
            export.default_pages[by_uid[uid].path] = info["default_page"]
    discussions = root / "discussions.json"
    if discussions.is_file():
        data = _load_json(discussions)
        if isinstance(data, dict):
            export.comments = sum(
                len(conversation.get("items", []))
                for conversation in data.values()
                if isinstance(conversation, dict)
            )
    principals = root / "principals.json"
    if principals.is_file():
        data = _load_json(principals)
        if isinstance(data, dict):
            export.principals = len(data.get("members", [])) + len(data.get("groups", []))
    return export


def _site_root(raw: list[dict]) -> str:
    """The address of the Plone site, which every ``@id`` starts with."""
    for entry in raw:
        if entry.get("@type") in SITE_TYPES and entry.get("@id"):
            return entry["@id"].rstrip("/")
        parent = entry.get("parent")
        if isinstance(parent, dict) and parent.get("@type") in SITE_TYPES:
            return (parent.get("@id") or "").rstrip("/")
    return ""


def _relative(address: str, root: str) -> str:
    if root and address.startswith(root):
        address = address[len(root) :]
    elif "://" in address:
        address = urlparse(address).path
    return "/" + address.strip("/") if address.strip("/") else "/"


def _from_raw(path: Path, raw: list, blob_dirs: list[Path]) -> Export:
    bad = [n for n, entry in enumerate(raw, 1) if not isinstance(entry, dict)]
    if bad:
        raise MalformedFileError(path, f"l'elemento n. {bad[0]} non è un oggetto JSON")
    missing = [n for n, entry in enumerate(raw, 1) if not entry.get("@type")]
    if missing:
        raise MalformedFileError(
            path, f"l'elemento n. {missing[0]} non ha @type: non sembra un'esportazione Plone"
        )
    root = _site_root(raw)
    items = []
    for position, entry in enumerate(raw):
        item_path = _relative(entry.get("@id") or "", root)
        parent = entry.get("parent") if isinstance(entry.get("parent"), dict) else {}
        if parent.get("@id") is not None:
            parent_path = _relative(parent["@id"], root)
        else:
            parent_path = item_path.rsplit("/", 1)[0] or "/"
        items.append(
            Item(
                uid=str(entry.get("UID") or entry.get("@id") or position),
                type=entry["@type"],
                path=item_path,
                parent_path=parent_path,
                title=str(entry.get("title") or "").strip(),
                data=entry,
                order=position,
            )
        )
    return Export(root=path, items=items, blob_dirs=blob_dirs)
