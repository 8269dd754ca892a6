"""The demo district used by ``manage.py load_demo``: content (data), pdf, loader."""

from .content import PASSWORD
from .loader import DemoLoader

__all__ = ["PASSWORD", "DemoLoader"]
