"""Remove obvious personal data from the free text of a page rating before it is stored.

The rating form asks for no personal data and says so; what a visitor writes anyway is cut
out rather than refused, so the rating itself is not lost: e-mail addresses, telephone
numbers (8 or more digits, with or without +39, spaces, dots or dashes) and Italian tax codes
become ``[dato rimosso]``. This is a safety net for the obvious cases, not a guarantee: names
and health details in prose are not recognised.
"""

import re

REMOVED = "[dato rimosso]"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A run of at least 8 digits, each optionally separated by a space, a dot, a dash or a
# bracket, optionally after +39 or 0039: Italian landlines and mobiles as people write them.
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\s?39[\s.-]?)?\(?\d(?:[\s.-]?\(?\)?\d){7,}(?!\w)")
TAX_CODE = re.compile(r"\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b", re.IGNORECASE)


def scrub_personal_data(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers and tax codes replaced."""
    for pattern in (EMAIL, TAX_CODE, PHONE):
        text = pattern.sub(REMOVED, text)
    return text
