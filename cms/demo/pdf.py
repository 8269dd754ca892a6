"""A minimal one-page PDF writer for the demo attachments (no dependencies)."""


def _pdf_string(text):
    """A PDF literal string in WinAnsiEncoding."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines


def pdf_bytes(title, footer=""):
    """A valid one-page A4 PDF whose text is ``title`` and ``footer``, with no dependencies."""
    content = [b"BT", b"/F1 18 Tf", b"22 TL", b"72 760 Td"]
    for line in _wrap(title, 48):
        content.append(_pdf_string(line) + b" Tj T*")
    content += [b"/F1 11 Tf", b"16 TL", b"T*"]
    content.append(_pdf_string(footer) + b" Tj")
    content.append(b"ET")
    stream = b"\n".join(content)
    info_title = "<FEFF" + title.encode("utf-16-be").hex().upper() + ">"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title " + info_title.encode("ascii") + b" /Producer (cms.demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
