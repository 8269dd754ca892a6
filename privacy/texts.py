"""The text of an object as the public will read it: every text, rich-text and StreamField
field, its inline children (agenda items, attachments...) and the stored extracted text of the
documents it attaches. Walks the model's fields, so a new page type needs nothing here."""

import html
import re

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField

SKIPPED_FIELDS = {"slug", "url_path", "path", "draft_title", "translation_key", "object_id"}
BLOCK_END = re.compile(r"<(?:br|/p|/li|/h\d|/div|/td|/tr|/blockquote)[^>]*>", re.IGNORECASE)


def html_to_text(value):
    return html.unescape(strip_tags(BLOCK_END.sub("\n", value)))


def _stream_strings(data):
    if isinstance(data, str):
        yield html_to_text(data) if "<" in data else data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("id", "type"):
                yield from _stream_strings(value)
    elif isinstance(data, (list, tuple)):
        for value in data:
            yield from _stream_strings(value)


def document_texts(document, label):
    """A document's title and the text the background extraction stored (search app)."""
    yield f"{label}: {document._meta.verbose_name} «{document.title}»", document.title
    try:
        text = document.extracted_text.text
    except (AttributeError, ObjectDoesNotExist):  # not extracted (yet), or no search app
        text = ""
    if text:
        yield f"{label}: testo del documento «{document.title}»", text


def instance_texts(obj, label=""):
    """``(where, text)`` of the text fields of one model instance, no child relations."""
    from wagtail.documents import get_document_model

    document_model = get_document_model()
    for field in obj._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS:
            continue
        where = f"{label}{field.verbose_name}" if label else str(field.verbose_name)
        if isinstance(field, StreamField):
            value = field.value_from_object(obj)
            raw = getattr(value, "raw_data", value)
            text = "\n".join(_stream_strings(list(raw) if raw is not None else []))
            if text.strip():
                yield where, text
        elif isinstance(field, models.ForeignKey) and issubclass(
            field.related_model, document_model
        ):
            document = getattr(obj, field.name, None)
            if document is not None:
                yield from document_texts(document, label.rstrip(": ") or where)
        elif isinstance(field, (models.CharField, models.TextField)) and not field.choices:
            value = field.value_from_object(obj)
            if not value or not isinstance(value, str):
                continue
            yield where, html_to_text(value) if isinstance(field, RichTextField) else value


def child_relations(obj):
    try:
        from modelcluster.models import get_all_child_relations
    except ImportError:  # pragma: no cover
        return []
    return get_all_child_relations(obj) if hasattr(obj, "_meta") else []


SKIPPED_RELATIONS = {"comments", "wagtail_admin_comments", "tagged_items"}


def object_texts(obj):
    """Every ``(where, text)`` of ``obj`` and of its inline children."""
    yield from instance_texts(obj)
    for relation in child_relations(obj):
        name = relation.get_accessor_name()
        if name in SKIPPED_RELATIONS:
            continue
        manager = getattr(obj, name, None)
        if manager is None:
            continue
        verbose = relation.related_model._meta.verbose_name
        for position, child in enumerate(manager.all(), start=1):
            yield from instance_texts(child, f"{verbose} {position}: ")
