"""Imports of content from old sites (Blogger, Plone) into the Wagtail pages.

Shared by every importer: ``ImportedItem`` (models.py) remembers which page or document each
source item became, so a second run updates instead of duplicating; ``ImportReport``
(report.py) counts what a run did and says it in Italian."""
