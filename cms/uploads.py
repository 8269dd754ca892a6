"""Upload policy for documents and images, on Wagtail's own forms.

Wagtail builds every upload form (add, replace, multiple upload, chooser upload, API v3) from
a base class named in the settings: ``WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"``
and ``WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.ImageForm"``. Wagtail itself checks the
extension (``WAGTAILDOCS_EXTENSIONS``, ``WAGTAILIMAGES_EXTENSIONS``), the size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``, ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``) and, for images, that the
bytes are an image of the format the extension names. These forms add:

- a safe file name (``safe_filename``): ASCII letters, digits, ``_`` and ``-``, one dot before
  the extension, at most 60 characters; long names are shortened, not refused;
- for documents, a look at the first bytes: a ``.pdf`` must be a PDF, a ``.docx`` an Office
  Open XML package, an ``.odt`` an OpenDocument text, and so on; ``.txt`` and ``.csv`` must be
  text and not a web page.
"""

import re
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

MAX_NAME_LENGTH = 60

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def _ascii(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def safe_filename(name, fallback="file"):
    """A name safe to store and to serve: no folder, no hidden or double extension, no
    control characters, spaces or accents, at most MAX_NAME_LENGTH characters.

    ``"../../Relazione finale è.PDF"`` → ``"Relazione_finale_e.pdf"``,
    ``"x.php.pdf"`` → ``"x_php.pdf"``, ``".htaccess"`` → ``"file.htaccess"`` (then refused
    for its extension)."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = extension, ""
    # Characters outside [a-z0-9] in the extension become "_": never turn a refused extension
    # into an allowed one.
    extension = _UNSAFE.sub("_", _ascii(extension).lower()).replace("-", "_")
    stem = _UNSAFE.sub("_", _ascii(stem)).strip("_-") or fallback
    room = MAX_NAME_LENGTH - (len(extension) + 1 if extension else 0)
    stem = stem[: max(room, 1)].rstrip("_-") or fallback[: max(room, 1)]
    return f"{stem}.{extension}" if extension else stem


# Content checks: the first bytes of each kind of document.

_ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
_OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_KINDS = {
    "pdf": "PDF",
    "docx": "Word (.docx)",
    "xlsx": "Excel (.xlsx)",
    "pptx": "PowerPoint (.pptx)",
    "odt": "OpenDocument (.odt)",
    "ods": "OpenDocument (.ods)",
    "zip": "ZIP",
    "rtf": "RTF",
}
# What a browser would render as a page or run: never accepted as .txt or .csv.
_MARKUP = re.compile(
    rb"\s*<(!doctype|html|head|body|script|svg|\?xml|\?php|iframe|object|embed|meta|a\s|img\s)",
    re.IGNORECASE,
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _zip_names(file):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def _matches(extension, file, head):
    """True if the bytes are what the extension says (extensions we know nothing of pass)."""
    body = head
    for bom in _BOMS:
        body = body.removeprefix(bom)
    if extension == "pdf":
        return body.lstrip().startswith(b"%PDF-")
    if extension == "rtf":
        return body.lstrip().startswith(b"{\\rtf")
    if extension == "zip":
        file.seek(0)
        return head.startswith((b"PK\x03\x04", b"PK\x05\x06")) and zipfile.is_zipfile(file)
    if extension in _OOXML_PARTS:
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_names(file)
        return "[Content_Types].xml" in names and any(
            n.startswith(_OOXML_PARTS[extension]) for n in names
        )
    if extension in _ODF_MIMETYPES:
        if not head.startswith(b"PK\x03\x04"):
            return False
        file.seek(0)
        try:
            with zipfile.ZipFile(file) as archive, archive.open("mimetype") as member:
                return member.read(200).strip() == _ODF_MIMETYPES[extension]
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return False
    return True


def check_document_extension(file):
    """The same rule as Wagtail's Document.clean() (WAGTAILDOCS_EXTENSIONS), said in Italian."""
    allowed = [e.lower() for e in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]
    extension = file.name.rpartition(".")[2].lower() if "." in file.name else ""
    if allowed and extension not in allowed:
        raise ValidationError(
            _("I file .%(ext)s non sono ammessi. Formati ammessi: %(formats)s.")
            if extension
            else _("Il file non ha un'estensione. Formati ammessi: %(formats)s."),
            code="invalid_extension",
            params={"ext": extension, "formats": ", ".join(allowed)},
        )


def check_document_content(file):
    """Raise ValidationError (in Italian) if the bytes of the upload are not what its
    extension says, or if a text file is in fact a web page, a script or a binary."""
    extension = file.name.rpartition(".")[2].lower() if "." in file.name else ""
    file.seek(0)
    head = file.read(4096)
    try:
        if extension in ("txt", "csv"):
            body = head
            for bom in _BOMS:
                body = body.removeprefix(bom)
            if b"\x00" in body and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise ValidationError(
                    _("Il file .%(ext)s non contiene testo: carica il documento nel suo formato."),
                    code="not_text",
                    params={"ext": extension},
                )
            if _MARKUP.match(body):
                raise ValidationError(
                    _(
                        "Il file .%(ext)s contiene una pagina web o del codice (HTML, SVG, XML, "
                        "script) e non può essere pubblicato: carica il documento in PDF."
                    ),
                    code="active_content",
                    params={"ext": extension},
                )
        elif not _matches(extension, file, head):
            raise ValidationError(
                _(
                    "Il contenuto del file non corrisponde all'estensione .%(ext)s: non è un "
                    "file %(kind)s valido. Controlla di aver scelto il file giusto, oppure "
                    "salvalo di nuovo in formato %(kind)s."
                ),
                code="content_mismatch",
                params={"ext": extension, "kind": _KINDS.get(extension, extension.upper())},
            )
    finally:
        file.seek(0)


class _SafeNameMixin:
    """Shorten and clean the uploaded file's name instead of refusing a long one."""

    filename_fallback = "file"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Django's own limit (100 characters, the database column) would refuse a long
            # name; safe_filename shortens it instead.
            self.fields["file"].max_length = None

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            file.name = safe_filename(file.name, self.filename_fallback)
        return file


class DocumentForm(_SafeNameMixin, BaseDocumentForm):
    filename_fallback = "documento"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            # Wagtail's help text has no Italian translation; this one also lists the formats.
            help_text = _("Formati ammessi: %(formats)s.") % {
                "formats": ", ".join(getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or [])
                or "tutti"
            }
            if field.max_upload_size is not None:
                help_text += " " + _("Dimensione massima: %(size)s.") % {
                    "size": field.max_upload_size_text
                }
            field.help_text = help_text

    def clean_file(self):
        file = super().clean_file()
        if isinstance(file, UploadedFile):
            check_document_extension(file)
            check_document_content(file)
        return file

    def _update_errors(self, errors):
        # Wagtail's Document.clean() checks the extension of instance.file, which is still empty
        # when the upload was refused above: drop that second message (extension "").
        if "file" in self._errors and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)


class ImageForm(_SafeNameMixin, BaseImageForm):
    filename_fallback = "immagine"
