"""The upload policy for a citizen's attachment to a report, on the rules of cms/uploads.py.

Allowed: PDF, JPEG, PNG, Word (.docx) and OpenDocument text (.odt), at most
``INEFFICIENCY_REPORT_MAX_MB`` (default 5) megabytes. The first bytes must match the
extension (cms.uploads.check_document_content for documents, the image signatures here), the
name is cleaned (cms.uploads.safe_filename) and the file is stored under a random name in a
folder that is never served (feedback.models.attachment_path).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from cms.uploads import check_document_content, safe_filename

EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "docx", "odt"]
IMAGE_SIGNATURES = {
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def max_size() -> int:
    return round(float(getattr(settings, "INEFFICIENCY_REPORT_MAX_MB", 5)) * 1024 * 1024)


def check_attachment(file):
    """Raise ValidationError (Italian) unless ``file`` is allowed; clean its name."""
    extension = file.name.rpartition(".")[2].lower() if "." in file.name else ""
    if extension not in EXTENSIONS:
        raise ValidationError(
            "Questo tipo di file non è ammesso. Formati ammessi: PDF, JPG, PNG, DOCX, ODT.",
            code="invalid_extension",
        )
    if file.size > max_size():
        raise ValidationError(
            "Il file è troppo grande (%(size)s): la dimensione massima è %(limit)s.",
            code="too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(max_size())},
        )
    if extension in IMAGE_SIGNATURES:
        file.seek(0)
        head = file.read(16)
        file.seek(0)
        if not head.startswith(IMAGE_SIGNATURES[extension]):
            raise ValidationError(
                "Il contenuto del file non corrisponde all'estensione .%(ext)s: non è "
                "un'immagine valida.",
                code="content_mismatch",
                params={"ext": extension},
            )
    else:
        check_document_content(file)
    file.name = safe_filename(file.name, "allegato")
    return file
