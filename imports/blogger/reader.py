"""Read a Blogger export into plain entries, without touching the database.

Two formats, both Atom:

* the classic export ("Backup content", ``blog-MM-DD-YYYY.xml``): every entry says what it
  is with ``<category scheme="http://schemas.google.com/g/2005#kind" term="…#post">``
  (post, page, comment, settings, template); a draft has
  ``<app:control><app:draft>yes</app:draft></app:control>``; the old address is the
  ``alternate`` link;
* Google Takeout's ``feed.atom``: ``<blogger:type>POST</blogger:type>``,
  ``<blogger:status>LIVE</blogger:status>``, the old address in ``<blogger:filename>``
  (``/2011/10/slug.html``), namespace ``http://schemas.google.com/blogger/2018``.

Parsing is namespace-aware (prefixes may be anything, ``ns0:`` included) and refuses DTDs,
entities and external references (defusedxml). A file that does not parse raises
``MalformedFileError`` with the line and column of the problem.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from imports.report import MalformedFileError

ATOM = "{http://www.w3.org/2005/Atom}"
APP_NAMESPACES = ("{http://purl.org/atom/app#}", "{http://www.w3.org/2007/app}")
TAKEOUT = "{http://schemas.google.com/blogger/2018}"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"

# Entry kinds, the same for both formats.
POST, PAGE, COMMENT, SETTINGS, TEMPLATE, OTHER = (
    "post",
    "page",
    "comment",
    "settings",
    "template",
    "other",
)
TAKEOUT_KINDS = {"POST": POST, "PAGE": PAGE, "COMMENT": COMMENT}
LIVE, DRAFT = "live", "draft"

_BLOGGER_ID = re.compile(r"^tag:blogger\.com,\d+:blog-(\d+)\.(post|page)-(\d+)$")
_TAGS = re.compile(r"<[^>]*>")
# What expat says, in words an editor can act on.
_PARSER_REASONS = {
    "unbound prefix": "un prefisso di namespace è usato senza essere dichiarato",
    "not well-formed (invalid token)": "testo XML non ben formato (carattere non valido)",
    "mismatched tag": "un tag di chiusura non corrisponde a quello aperto",
    "no element found": "il file è vuoto o troncato",
    "junk after document element": "c'è altro testo dopo la fine del documento",
    "unclosed token": "il file è troncato",
    "undefined entity": "un'entità non definita",
    "duplicate attribute": "un attributo ripetuto",
}


@dataclass
class Entry:
    """One ``<entry>`` of the export, read as it is."""

    position: int  # 1 for the first entry of the file
    kind: str
    status: str
    external_id: str
    title: str
    content: str
    content_type: str  # "html" or "text"
    published: datetime | None
    updated: datetime | None
    labels: list[str] = field(default_factory=list)
    url: str = ""  # the old address: a full URL (classic) or a path (Takeout)

    @property
    def label(self):
        """How the report names the entry."""
        title = f" «{self.title}»" if self.title else ""
        return f"voce {self.position}{title}"


@dataclass
class Export:
    format: str  # "classic" or "takeout"
    entries: list[Entry]
    hosts: set[str]  # the blog's own host names, as its links name them


def read_export(path) -> Export:
    """Every entry of the Blogger export at ``path``; MalformedFileError if it is not one."""
    try:
        tree = SafeET.parse(str(path), forbid_dtd=True)
    except ParseError as error:
        line, column = error.position
        raw = str(error).split(":")[0]
        reason = _PARSER_REASONS.get(raw, "XML non valido")
        raise MalformedFileError(path, f"{reason} ({raw})", line, column + 1) from None
    except defusedxml.DefusedXmlException as error:
        raise MalformedFileError(
            path,
            "il file dichiara un DTD, entità o riferimenti esterni, rifiutati per sicurezza "
            f"({type(error).__name__})",
        ) from None
    root = tree.getroot()
    if root.tag != f"{ATOM}feed":
        raise MalformedFileError(
            path, f"non è un'esportazione Blogger (Atom): l'elemento principale è <{root.tag}>"
        )
    elements = root.findall(f"{ATOM}entry")
    takeout = any(element.find(f"{TAKEOUT}type") is not None for element in elements)
    entries = [
        (_takeout_entry if takeout else _classic_entry)(element, position)
        for position, element in enumerate(elements, 1)
    ]
    hosts = {_host(link) for link in _alternate_links(root)}
    hosts.update(_host(entry.url) for entry in entries if entry.url.startswith("http"))
    return Export("takeout" if takeout else "classic", entries, hosts - {""})


def external_id(raw: str) -> str:
    """The entry's stable id: "blog-<blog>.post-<post>" for Blogger's tag URIs (the same in
    both formats), else the id as written ("post-39")."""
    raw = (raw or "").strip()
    match = _BLOGGER_ID.match(raw)
    if match:
        return f"blog-{match[1]}.{match[2]}-{match[3]}"
    return raw


def normalise_host(host: str) -> str:
    """ "www.example.org" and "example.org" are one blog; so are "x.blogspot.com" and
    "x.blogspot.it" (Blogger answered on a country domain too)."""
    host = (host or "").lower().split(":")[0]
    host = host.removeprefix("www.")
    if ".blogspot." in host:
        host = host.split(".blogspot.")[0] + ".blogspot"
    return host


def _host(url):
    try:
        return normalise_host(urlsplit(url).hostname or "")
    except ValueError:
        return ""


def _text(element, tag):
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _title(element):
    found = element.find(f"{ATOM}title")
    if found is None:
        return ""
    text = found.text or ""
    if found.get("type") == "html":
        text = html.unescape(_TAGS.sub("", text))
    return " ".join(text.split())


def _content(element):
    found = element.find(f"{ATOM}content")
    if found is None:
        return "", "html"
    kind = "text" if found.get("type") == "text" else "html"
    return found.text or "", kind


def _datetime(element, tag):
    text = _text(element, tag)
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def _labels(element):
    return [
        category.get("term", "").strip()
        for category in element.findall(f"{ATOM}category")
        if category.get("scheme") != KIND_SCHEME and category.get("term", "").strip()
    ]


def _alternate_links(element):
    return [
        link.get("href", "")
        for link in element.findall(f"{ATOM}link")
        if link.get("rel") == "alternate" and link.get("type", "text/html") == "text/html"
    ]


def _classic_entry(element, position):
    kind = OTHER
    for category in element.findall(f"{ATOM}category"):
        if category.get("scheme") == KIND_SCHEME:
            term = category.get("term", "")
            kind = term.rpartition("kind#")[2] if "kind#" in term else OTHER
    if kind not in (POST, PAGE, COMMENT, SETTINGS, TEMPLATE):
        kind = OTHER
    draft = any(
        _text(control, f"{app}draft").lower() == "yes"
        for app in APP_NAMESPACES
        for control in element.findall(f"{app}control")
    )
    content, content_type = _content(element)
    links = _alternate_links(element)
    return Entry(
        position=position,
        kind=kind,
        status=DRAFT if draft else LIVE,
        external_id=external_id(_text(element, f"{ATOM}id")),
        title=_title(element),
        content=content,
        content_type=content_type,
        published=_datetime(element, f"{ATOM}published"),
        updated=_datetime(element, f"{ATOM}updated"),
        labels=_labels(element),
        url=links[0] if links else "",
    )


def _takeout_entry(element, position):
    kind = TAKEOUT_KINDS.get(_text(element, f"{TAKEOUT}type").upper(), OTHER)
    status = _text(element, f"{TAKEOUT}status").upper()
    content, content_type = _content(element)
    filename = _text(element, f"{TAKEOUT}filename")
    return Entry(
        position=position,
        kind=kind,
        status=LIVE if status == "LIVE" else (status.lower() or DRAFT),
        external_id=external_id(_text(element, f"{ATOM}id")),
        title=_title(element),
        content=content,
        content_type=content_type,
        published=_datetime(element, f"{ATOM}published"),
        updated=_datetime(element, f"{ATOM}updated"),
        labels=_labels(element),
        url=filename or next(iter(_alternate_links(element)), ""),
    )
