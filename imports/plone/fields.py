"""Plone field values turned into ours: rich text and Volto blocks into Wagtail rich text,
Plone dates into aware datetimes, a Bando's fields into a CallPage's. Pure functions."""

from __future__ import annotations

import datetime
import html
import re
from zoneinfo import ZoneInfo

from cms.models.calls import CallType
from imports.richtext import clean_html, plain_text_to_html

ROME = ZoneInfo("Europe/Rome")
# Volto blocks that carry no text of the page itself
SKIPPED_BLOCKS = {"title", "description", "listing", "search", "toc"}


def rich_text(value) -> str:
    """A Plone RichText value (``{"data": html}``, or a string) as Wagtail rich text, cleaned
    as the Blogger import cleans posts (imports/richtext.py): no scripts, styles or inline
    attributes; images become links to their old address."""
    if isinstance(value, dict):
        data = value.get("data") or ""
        if "plain" in (value.get("content-type") or value.get("mime-type") or ""):
            return plain_text_to_html(data).html
    else:
        data = value or ""
    if not isinstance(data, str) or not data.strip():
        return ""
    return clean_html(data).html


def blocks_text(data: dict) -> str:
    """The text of Volto blocks (Plone 6 pages without a RichText body), one paragraph per
    text block, in the page's order."""
    blocks = data.get("blocks") or {}
    order = (data.get("blocks_layout") or {}).get("items") or list(blocks)
    paragraphs = []
    for key in order:
        block = blocks.get(key) or {}
        if block.get("@type") in SKIPPED_BLOCKS:
            continue
        text = block.get("plaintext") or (block.get("text") or {}).get("data", "")
        if isinstance(text, str) and text.strip():
            paragraphs.append(f"<p>{html.escape(text.strip())}</p>")
    return "".join(paragraphs)


def body_of(data: dict) -> str:
    return rich_text(data.get("text")) or blocks_text(data)


def moment(value) -> datetime.datetime | None:
    """An ISO date-time of Plone as an aware datetime (naive ones are Rome time), or None.
    Plone's catalogue sentinels (years 1100 and 2100+) mean "no date"."""
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.datetime.combine(
                datetime.date.fromisoformat(value[:10]), datetime.time()
            )
        except ValueError:
            return None
    if parsed.year <= 1100 or parsed.year >= 2100:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=ROME)


def day(value) -> datetime.date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return None if parsed.year <= 1100 or parsed.year >= 2100 else parsed


CALL_TYPES = [
    (r"beni|servizi|forniture|gara", CallType.SUPPLIES),
    (r"agevolazion|finanziament|contribut|sussid|voucher", CallType.GRANTS),
    (r"manifestazion", CallType.EXPRESSION_OF_INTEREST),
    (r"co-?progettazion", CallType.CO_DESIGN),
]


def call_type(value) -> str:
    text = str(value or "").casefold()
    for pattern, kind in CALL_TYPES:
        if re.search(pattern, text):
            return kind
    return CallType.OTHER


def call_values(data: dict, default_issuer: str) -> dict:
    """The CallPage fields of a redturtle.bandi / design.plone.contenttypes Bando. The state
    is never imported: ours is computed from these dates (cms/call_state.py)."""
    issuer = data.get("ente_bando") or []
    if isinstance(issuer, str):
        issuer = [issuer]
    body = body_of(data)
    more = (
        rich_text(data.get("riferimenti_bando"))
        if isinstance(data.get("riferimenti_bando"), (dict, str))
        else blocks_text({"blocks": data.get("riferimenti_bando") or {}})
    )
    if more:
        body += "<h2>Ulteriori informazioni</h2>" + more
    return {
        "issuer": ", ".join(str(name).strip() for name in issuer if str(name).strip())[:255]
        or default_issuer,
        "call_type": call_type(data.get("tipologia_bando")),
        "cig": str(data.get("cig") or "")[:10],
        "opening": moment(data.get("apertura_bando")),
        "questions_deadline": moment(data.get("scadenza_domande_bando")),
        "application_deadline": moment(data.get("scadenza_bando")),
        "closing_date": day(data.get("chiusura_procedimento_bando")),
        "body": body,
    }


def recipients(data: dict) -> list[str]:
    values = data.get("destinatari") or []
    if isinstance(values, str):
        values = [values]
    names = []
    for value in values:
        name = value.get("title") if isinstance(value, dict) else value
        if name and str(name).strip():
            names.append(str(name).strip()[:120])
    return names


def subjects(data: dict) -> list[str]:
    return [str(name).strip()[:100] for name in data.get("subjects") or [] if str(name).strip()]
