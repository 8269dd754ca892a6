"""Old HTML (Blogger posts, Plone documents) turned into Wagtail rich text.

Kept: paragraphs, line breaks, headings (h2-h4), lists, links, bold and italic. Dropped:
scripts, styles, forms, every attribute but a link's address, and every other tag (its text
stays). Runs of ``<br>`` become paragraph breaks, text loose in ``<div>``s becomes
paragraphs. Images cannot be copied (no network during an import): each becomes a link to
its original address, "Immagine: <alt text or file name>", and is counted; an embedded frame
(video, map) becomes a link "Contenuto incorporato: <address>".
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i"}
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
LISTS = {"ul", "ol"}
# Their content is never text of the page.
SKIPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "object",
    "form",
    "select",
    "iframe",
}
# Tags that end a paragraph (the text around them becomes separate blocks).
BLOCKS = {
    "p",
    "div",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "center",
    "figure",
    "figcaption",
    "hr",
    "dl",
    "dt",
    "dd",
    "address",
    "li",
    *HEADINGS,
    *LISTS,
}
VOID = {"br", "img", "hr", "wbr", "input", "meta", "link", "area", "source", "col", "embed"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel", "ftp", ""}
_SPACES = re.compile(r"\s+")


@dataclass
class RichText:
    html: str
    text: str  # the plain text, one block a line (for reading dates and sentences)
    images: int = 0
    embeds: int = 0


def clean_html(source: str, page_for_link: Callable[[str], int | None] | None = None) -> RichText:
    """Wagtail rich text for ``source``. ``page_for_link(href)`` may return the id of a page
    of this site the link should point to instead (an old post already imported)."""
    cleaner = _Cleaner(page_for_link)
    cleaner.feed(source or "")
    cleaner.close()
    return cleaner.result()


def plain_text_to_html(text: str) -> RichText:
    """Rich text for a plain-text body: blank lines separate paragraphs."""
    blocks = [_SPACES.sub(" ", block).strip() for block in re.split(r"\n\s*\n", text or "")]
    blocks = [block for block in blocks if block]
    return RichText(
        html="".join(f"<p>{escape(block, quote=False)}</p>" for block in blocks),
        text="\n".join(blocks),
    )


def image_label(src: str, alt: str = "") -> str:
    """ "Immagine: <alt>", or the image's file name when it has no alternative text."""
    name = alt.strip() or unquote(posixpath.basename(urlsplit(src).path)) or src
    return f"Immagine: {_SPACES.sub(' ', name)}"


def _absolute(url: str) -> str:
    url = url.strip()
    return f"https:{url}" if url.startswith("//") else url


def _safe_href(href: str) -> str | None:
    href = _absolute(href)
    if not href:
        return None
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return None
    return href if scheme in SAFE_SCHEMES else None


class _Cleaner(HTMLParser):
    def __init__(self, page_for_link):
        super().__init__(convert_charrefs=True)
        self.page_for_link = page_for_link
        self.blocks: list[str] = []  # finished HTML blocks
        self.texts: list[str] = []  # their plain text
        self.parts: list[str] = []  # the block being written
        self.words: list[str] = []  # its plain text
        self.inline: list[tuple[str, str]] = []  # open inline tags (b, i, a) and attributes
        self.block_tag = "p"  # the tag of the block being written: p, h2..h4 or li
        self.lists: list[tuple[str, list[str]]] = []  # open lists: tag and finished items
        self.pending_breaks = 0
        self.skipping = 0
        self.images = 0
        self.embeds = 0

    # --- input

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag in SKIPPED:
                self.skipping += 1
            return
        attrs = dict(attrs)
        if tag == "iframe":
            self.embed(attrs)
        if tag in SKIPPED:
            self.skipping = 1
            return
        if tag == "br":
            self.pending_breaks += 1
        elif tag == "img":
            self.image(attrs)
        elif tag in INLINE:
            self.open_inline(INLINE[tag])
        elif tag == "a":
            self.open_link(attrs)
        elif tag in LISTS:
            self.end_block()
            self.lists.append((tag, []))
        elif tag == "li":
            self.end_block()
            self.block_tag = "li"
        elif tag in HEADINGS:
            self.end_block()
            self.block_tag = HEADINGS[tag]
        elif tag in BLOCKS:
            self.end_block()
        elif tag == "td" or tag == "th":
            self.add_text(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skipping:
            if tag in SKIPPED:
                self.skipping -= 1
            return
        if tag in INLINE:
            self.close_inline(INLINE[tag])
        elif tag == "a":
            self.close_inline("a")
        elif tag in LISTS:
            self.end_block()
            self.end_list()
        elif tag in BLOCKS:
            self.end_block()

    def handle_data(self, data):
        if not self.skipping:
            self.add_text(data)

    # --- inline content

    def add_text(self, data):
        if not data.strip():
            if self.parts and not self.pending_breaks:
                self.words.append(" ")
                self.parts.append(" ")
            return
        self.before_content()
        text = _SPACES.sub(" ", data)
        self.words.append(text)
        self.parts.append(escape(text, quote=False))

    def before_content(self):
        """Apply the ``<br>``s seen since the last content: one is a line break, two or more
        end the paragraph (its open bold, italic or link carry over into the next)."""
        breaks, self.pending_breaks = self.pending_breaks, 0
        if not breaks or not self.has_content():
            return
        if breaks == 1 or self.block_tag == "li":
            self.parts.append("<br/>")
            self.words.append("\n")
            return
        reopen = list(self.inline)
        self.end_block(keep_tag=True)
        for tag, attrs in reopen:
            self.open_inline(tag, attrs)

    def open_inline(self, tag, attrs=""):
        self.before_content()
        self.inline.append((tag, attrs))
        self.parts.append(f"<{tag}{attrs}>")

    def is_open(self, tag):
        return any(open_tag == tag for open_tag, _attrs in self.inline)

    def close_inline(self, tag):
        """Close ``tag`` and whatever was opened inside it; a stray end tag is ignored."""
        if not self.is_open(tag):
            return
        while self.inline:
            top, _attrs = self.inline.pop()
            self.parts.append(f"</{top}>")
            if top == tag:
                break

    def open_link(self, attrs):
        self.close_inline("a")
        href = _safe_href(attrs.get("href") or "")
        if href is None:
            return
        page_id = self.page_for_link(href) if self.page_for_link else None
        if page_id is not None:
            attributes = f' linktype="page" id="{int(page_id)}"'
        else:
            attributes = f' href="{escape(href)}"'
        self.open_inline("a", attributes)

    def image(self, attrs):
        src = _absolute(attrs.get("src") or "")
        if not src:
            return
        self.images += 1
        label = image_label(src, attrs.get("alt") or attrs.get("title") or "")
        href = _safe_href(src)
        if self.is_open("a") or href is None:
            self.add_text(f"{self.separator()}{label}")
            return
        if self.separator():
            self.add_text(" ")
        self.open_inline("a", f' href="{escape(href)}"')
        self.add_text(label)
        self.close_inline("a")

    def separator(self):
        """A space before inserted words, unless the text already ends with one."""
        return " " if self.words and not self.words[-1].endswith((" ", "\n")) else ""

    def embed(self, attrs):
        src = _safe_href(attrs.get("src") or "")
        if src is None:
            return
        self.embeds += 1
        self.end_block()
        self.open_inline("a", f' href="{escape(src)}"')
        self.add_text(f"Contenuto incorporato: {src}")
        self.close_inline("a")
        self.end_block()

    # --- blocks

    def has_content(self):
        return any(word.strip() for word in self.words)

    def end_block(self, keep_tag=False):
        """Close the block being written, keeping it only if it has text."""
        while self.inline:
            self.parts.append(f"</{self.inline.pop()[0]}>")
        html = "".join(self.parts).strip()
        text = "".join(self.words).strip()
        tag = self.block_tag
        self.parts, self.words, self.pending_breaks = [], [], 0
        if not keep_tag:
            self.block_tag = "p"
        if not text:
            return
        html = re.sub(r"^(?:<br/>\s*)+|(?:\s*<br/>)+$", "", html)
        if self.lists:
            # Inside a list every block is an item, whatever the source called it.
            self.lists[-1][1].append(f"<li>{html}</li>")
        elif tag == "li":
            self.blocks.append(f"<p>{html}</p>")
        else:
            self.blocks.append(f"<{tag}>{html}</{tag}>")
        self.texts.append(text)

    def end_list(self):
        if not self.lists:
            return
        tag, items = self.lists.pop()
        if not items:
            return
        html = f"<{tag}>{''.join(items)}</{tag}>"
        if self.lists:
            # A nested list belongs to the item before it in the outer list.
            outer = self.lists[-1][1]
            if outer:
                outer[-1] = outer[-1][: -len("</li>")] + html + "</li>"
            else:
                outer.append(f"<li>{html}</li>")
        else:
            self.blocks.append(html)

    def result(self) -> RichText:
        self.end_block()
        while self.lists:
            self.end_list()
        return RichText(
            html="".join(self.blocks),
            text="\n".join(self.texts),
            images=self.images,
            embeds=self.embeds,
        )
