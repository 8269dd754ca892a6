"""Text of an attached document, for search: PDF through pypdf, ODT and DOCX by reading their
XML, plain text as it is. No database here: ``extract(name, fileobj, size)`` returns an
``Extraction`` and never raises, because a broken or hostile file must never break an upload
or stop a batch.

Limits keep one file from taking the worker for minutes or bloating the index: files over
MAX_FILE_BYTES (the upload limit) or PDFs over MAX_PAGES are skipped; a zip member over
MAX_XML_BYTES is refused before it is inflated (zip bombs); text beyond MAX_CHARS is cut (the
start of a document is where its subject is). MAX_CHARS also keeps a document under
PostgreSQL's 1 MB tsvector limit: 500,000 characters of distinct words index fine, 1,000,000
overflow it and abort the transaction (measured).
"""

import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from xml.etree import ElementTree

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PAGES = 500
MAX_CHARS = 500_000
MAX_XML_BYTES = 50 * 1024 * 1024

OK = "ok"
EMPTY = "empty"
FAILED = "failed"
SKIPPED = "skipped"

ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
WORDML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SPACES = re.compile(r"[ \t\u00a0]+")
BLANK_LINES = re.compile(r"\n\s*\n+")


@dataclass(frozen=True)
class Extraction:
    """What came out of one file: ``status`` is OK, EMPTY, FAILED or SKIPPED; ``message``
    says why, in Italian, for the staff who read it in the admin and the logs."""

    status: str
    text: str = ""
    message: str = ""


class TooLarge(Exception):
    """A limit was passed: the file is skipped, not broken."""


def extract(name, fileobj, size=None):
    """Text of the file ``name`` read from the binary ``fileobj`` (``size`` in bytes, if
    known). Never raises."""
    extension = PurePath(name or "").suffix.lower().lstrip(".")
    reader = READERS.get(extension)
    if reader is None:
        return Extraction(SKIPPED, message=f"Formato .{extension or '?'} non letto dalla ricerca.")
    if size is not None and size > MAX_FILE_BYTES:
        return Extraction(SKIPPED, message=f"File troppo grande ({size // (1024 * 1024)} MB).")
    try:
        text = reader(fileobj)
    except TooLarge as limit:
        return Extraction(SKIPPED, message=str(limit))
    except Exception as error:  # noqa: BLE001 - any parser error means a broken file
        logger.debug("Text extraction failed for %s", name, exc_info=True)
        return Extraction(
            FAILED, message=f"File illeggibile: {type(error).__name__}: {error}"[:250]
        )
    return finished(text)


def finished(text):
    """Whitespace tidied, capped at MAX_CHARS on a word boundary."""
    lines = (SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    text = BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if not text:
        return Extraction(EMPTY, message="Nessun testo nel file (forse una scansione).")
    if len(text) <= MAX_CHARS:
        return Extraction(OK, text)
    cut = text.rfind(" ", 0, MAX_CHARS)
    text = text[: cut if cut > 0 else MAX_CHARS]
    return Extraction(OK, text, f"Testo troncato ai primi {MAX_CHARS:,} caratteri.")


def pdf_text(fileobj):
    import pypdf  # 18 MB: loaded by the task worker that reads documents, not by web workers

    reader = pypdf.PdfReader(fileobj)
    if reader.is_encrypted:
        # Many PDFs are "encrypted" with an empty user password only to restrict printing.
        try:
            if not reader.decrypt(""):
                raise TooLarge("PDF protetto da password.")
        except TooLarge:
            raise
        except Exception as error:
            raise TooLarge("PDF protetto da password.") from error
    pages = len(reader.pages)
    if pages > MAX_PAGES:
        raise TooLarge(f"PDF troppo lungo ({pages} pagine, massimo {MAX_PAGES}).")
    parts, length = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length > MAX_CHARS:
            break
    return "\n\n".join(parts)


def zipped_xml(fileobj, member):
    with zipfile.ZipFile(fileobj) as archive:
        info = archive.getinfo(member)
        if info.file_size > MAX_XML_BYTES:
            raise TooLarge(f"Contenuto compresso troppo grande ({info.file_size} byte).")
        return ElementTree.fromstring(archive.read(member))


def odt_text(fileobj):
    """Paragraphs and headings of content.xml, with ODF's spacing elements."""
    root = zipped_xml(fileobj, "content.xml")
    paragraph_tags = {f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h"}
    paragraphs = []
    for element in root.iter():
        if element.tag in paragraph_tags:
            paragraphs.append("".join(odf_inline(element)))
    return "\n".join(paragraphs)


def odf_inline(element):
    """Text of an ODF paragraph: <text:s/> is spaces, <text:tab/> and <text:line-break/> too;
    nested paragraphs (notes, frames) are read on their own by odt_text."""
    if element.text:
        yield element.text
    for child in element:
        tag = child.tag
        if tag in (f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h"):
            pass
        elif tag == f"{{{ODF_TEXT}}}s":
            yield " " * int(child.get(f"{{{ODF_TEXT}}}c", "1"))
        elif tag in (f"{{{ODF_TEXT}}}tab", f"{{{ODF_TEXT}}}line-break"):
            yield " "
        else:
            yield from odf_inline(child)
        if child.tail:
            yield child.tail


def docx_text(fileobj):
    """The runs of word/document.xml, one line per paragraph."""
    root = zipped_xml(fileobj, "word/document.xml")
    paragraphs = []
    for paragraph in root.iter(f"{{{WORDML}}}p"):
        runs = []
        for element in paragraph.iter():
            if element.tag == f"{{{WORDML}}}t":
                runs.append(element.text or "")
            elif element.tag in (f"{{{WORDML}}}tab", f"{{{WORDML}}}br"):
                runs.append(" ")
        paragraphs.append("".join(runs))
    return "\n".join(paragraphs)


def plain_text(fileobj):
    data = fileobj.read(MAX_CHARS * 4)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


READERS = {"pdf": pdf_text, "odt": odt_text, "docx": docx_text, "txt": plain_text}
