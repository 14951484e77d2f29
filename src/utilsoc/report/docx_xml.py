"""Word XML written in one piece, where python-docx would be slow: a report's body.

Why: python-docx builds each paragraph, run and cell through its object API, searching
the document as it goes; a federation's report (641 pages, 200 tables) spends seconds
there. The same elements written as text and parsed once are the same document.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from xml.sax.saxutils import escape

__all__ = ["Segment", "body_xml", "paragraph_xml", "plain", "segments", "table_xml"]

# Inline markup the templates write: bold, italics, code, links, escaped characters.
_INLINE = re.compile(
    r"\*\*(?P<bold>(?:\\.|[^*])+)\*\*|\*(?P<italic>(?:\\.|[^*])+)\*|`(?P<code>[^`]*)`"
    r"|\[(?P<text>(?:\\.|[^\]])*)\]\(<?(?P<href>[^)>]*)>?\)|\\(?P<escaped>.)"
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEXT_WIDTH = 9638  # twentieths of a point: 17 cm, A4 less 2 cm margins


class Segment(NamedTuple):
    """A piece of text and its formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


def body_xml(parts: list[str]) -> str:
    """The report's blocks (paragraphs, tables, pictures) inside one `w:body`, to parse."""
    return f'<w:body xmlns:w="{_W}">{"".join(parts)}</w:body>'


def paragraph_xml(runs: list[Segment], style: str | None = None, inner: str = "") -> str:
    """A `w:p` of `runs` in the paragraph style `style` (its id), then `inner` as it is."""
    properties = f'<w:pPr><w:pStyle w:val="{escape(style)}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}{''.join(_run(segment) for segment in runs)}{inner}</w:p>"


def table_xml(columns: int, right: list[bool], rows: list[list[list[Segment]]]) -> str:
    """A `w:tbl` in the « Table Grid » style: first row the header, repeated on each page."""
    width = _TEXT_WIDTH // max(columns, 1)
    grid = f'<w:gridCol w:w="{width}"/>' * columns
    body = "".join(
        _row(cells, right, columns, width, header=number == 0) for number, cells in enumerate(rows)
    )
    return (
        f'<w:tbl xmlns:w="{_W}"><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" '
        'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


def _row(
    cells: list[list[Segment]], right: list[bool], columns: int, width: int, header: bool
) -> str:
    """One `w:tr`; a short row gets empty cells, so that every row has every column."""
    parts = ["<w:tr>", '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""]
    for column in range(columns):
        segments = cells[column] if column < len(cells) else []
        align = (
            '<w:pPr><w:jc w:val="right"/></w:pPr>' if column < len(right) and right[column] else ""
        )
        runs = "".join(_run(segment) for segment in segments)
        parts.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f"<w:p>{align}{runs}</w:p></w:tc>"
        )
    parts.append("</w:tr>")
    return "".join(parts)


def _run(segment: Segment) -> str:
    """One `w:r` with its formatting."""
    properties = (  # in the order of the schema
        ('<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/>' if segment.code else "")
        + ("<w:b/>" if segment.bold else "")
        + ("<w:i/>" if segment.italic else "")
    )
    return (
        f"<w:r>{f'<w:rPr>{properties}</w:rPr>' if properties else ''}"
        f'<w:t xml:space="preserve">{escape(segment.text)}</w:t></w:r>'
    )


def segments(text: str, bold: bool = False) -> list[Segment]:
    """`text` cut where its Markdown formatting changes, without the markup."""
    result: list[Segment] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            result.append(Segment(text[position : match.start()], bold))
        position = match.end()
        if match["escaped"] is not None:
            result.append(Segment(match["escaped"], bold))
        elif match["text"] is not None:
            shown, address = plain(match["text"]), match["href"]
            result.append(Segment(shown if shown == address else f"{shown} ({address})", bold))
        elif match["code"] is not None:
            result.append(Segment(match["code"], bold, code=True))
        elif match["bold"] is not None:
            result.append(Segment(plain(match["bold"]), True))
        else:
            result.append(Segment(plain(match["italic"]), bold, italic=True))
    if position < len(text):
        result.append(Segment(text[position:], bold))
    return result


def plain(text: str) -> str:
    """`text` without its Markdown escapes."""
    return re.sub(r"\\(.)", r"\1", text)
