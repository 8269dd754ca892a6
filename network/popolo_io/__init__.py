"""Popolo JSON (popoloproject.com) in and out of the registry.

``read_document`` checks a whole document and turns it into a plan without touching the
database; ``apply_plan`` writes a plan in one transaction; ``export_document`` writes the
registry as a document. Private contact data of people is read into private fields and
never written out."""

from .apply import apply_plan
from .errors import PopoloError
from .reader import read_document
from .writer import export_document

__all__ = ["PopoloError", "apply_plan", "export_document", "read_document"]
