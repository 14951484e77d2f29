"""`report --format docx`: the report as a Word document a person can edit.

The document follows the report's Markdown template, rendered from the same context as
the HTML: headings become Word headings (Titre 1 to 3), tables real tables with a header
row repeated on each page, charts PNG images drawn by matplotlib with their text
alternative. A4 portrait, page numbers in the footer.

Why the Markdown rendering: it is the report's structure and nothing else (no layout),
so the four reports and every template an association adapts in modeles/ give a Word
document without a second set of templates. python-docx (the `office` extra) is
imported only here, when a Word document is asked for.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from typing import TYPE_CHECKING, Any

from utilsoc.errors import UserError
from utilsoc.langue import current
from utilsoc.report.charts import PLACEHOLDER, Workers
from utilsoc.report.docx_xml import Segment, body_xml, paragraph_xml, plain, segments, table_xml

if TYPE_CHECKING:
    from pathlib import Path

    from docx.shared import Length

    from utilsoc.report.chart_spec import Chart

__all__ = ["missing_library", "write_docx"]

_IMAGE = re.compile(r"!\[(?P<alt>(?:\\.|[^\]])*)\]\((?P<src>[^)]*)\)")
_TABLE_RULE = re.compile(r"^\|(\s*:?-+:?\s*\|)+$")


def missing_library() -> UserError:
    """The message when python-docx is not installed."""
    return UserError(
        "le format docx demande la bibliothèque python-docx, qui n'est pas installée",
        'installez-la : pip install "utilsoc[office]" (ou pip install python-docx), '
        "ou choisissez --format html",
    )


def write_docx(
    markdown: str,
    charts: dict[str, Chart],
    title: str,
    cache: Path | None = None,
    workers: Workers | None = None,
) -> bytes:
    """The Word document of a report rendered in Markdown, with `charts` drawn as PNG.

    Each PNG is kept in `cache` by the chart's key, beside the SVGs of the HTML report.

    Raises:
        UserError: python-docx is not installed.
    """
    try:
        import docx
    except ImportError:
        raise missing_library() from None
    document = docx.Document()
    _page_setup(document)
    document.core_properties.title = title
    document.core_properties.language = current().tag
    shown = re.findall(re.escape(PLACEHOLDER) + r"([0-9a-f]{20})", markdown)
    with contextlib.ExitStack() as stack:
        drawing = workers or stack.enter_context(Workers())
        pictures = _Pictures(charts, cache, shown, drawing)
    body = _Body(document, pictures)
    lines = markdown.split("\n")
    index = 0
    while index < len(lines):
        index = _block(body, lines, index)
    body.close()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Pictures:
    """The report's charts, drawn as PNG once and kept in the charts' cache."""

    def __init__(
        self, charts: dict[str, Chart], cache: Path | None, shown: list[str], workers: Workers
    ) -> None:
        self.charts = charts
        self.cache = cache
        self.drawn: dict[str, bytes] = {}
        self.parts: dict[str, tuple[str, Any]] = {}  # the chart's relation and image
        self.shapes = 1000  # the pictures' numbers: above those of the empty document
        missing = [
            key
            for key in dict.fromkeys(shown)
            if key in charts and not (cache and (cache / f"{key}.png").is_file())
        ]
        pngs = workers.map(draw_png, [charts[key] for key in missing])
        for key, data in zip(missing, pngs, strict=True):
            self.drawn[key] = data
            if cache is not None:
                _store(cache / f"{key}.png", data)

    def place(self, part: Any, key: str, width: Length) -> Any:
        """The `wp:inline` of the chart `key` (`run.add_picture`), each image stored once.

        Why not python-docx's: it numbers each picture by searching the whole document
        and compares each new image with all the others, minutes on 200 charts.
        """
        from docx.image.image import Image
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.oxml.shape import CT_Inline
        from docx.parts.image import ImagePart

        if key not in self.parts:
            image = Image.from_blob(self.png(key))
            name = PackURI(f"/word/media/graphique{len(self.parts) + 1}.png")
            image_part = ImagePart.from_image(image, name)
            part.package.image_parts.append(image_part)
            self.parts[key] = (part.relate_to(image_part, RELATIONSHIP_TYPE.IMAGE), image)
        r_id, image = self.parts[key]
        shown = image.scaled_dimensions(width, None)
        self.shapes += 1
        return CT_Inline.new_pic_inline(self.shapes, r_id, image.filename, *shown)

    def png(self, key: str) -> bytes:
        """The chart's PNG, drawn or from the cache (drawn again if the cache lost it)."""
        if key in self.drawn:
            return self.drawn[key]
        path = self.cache / f"{key}.png" if self.cache else None
        if path is not None and path.is_file():
            return path.read_bytes()
        return draw_png(self.charts[key])


def _store(path: Path, data: bytes) -> None:
    """Keep a drawn PNG, renamed into place; a cache that cannot be written is no error."""
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


class _Body:
    """The document's blocks as Word XML, parsed into the document at once (see docx_xml)."""

    def __init__(self, document: Any, pictures: _Pictures) -> None:
        self.document = document
        self.pictures = pictures
        self.parts: list[str] = []
        self.styles: dict[str, str] = {}

    def paragraph(self, text: str, style: str | None = None) -> None:
        """A paragraph of Markdown `text` in the style named `style` (« List Bullet »)."""
        self.parts.append(paragraph_xml(segments(text), style and self.style_id(style)))

    def style_id(self, name: str) -> str:
        if name not in self.styles:
            self.styles[name] = self.document.styles[name].style_id
        return self.styles[name]

    def close(self) -> None:
        """Put the blocks in the document, before its section properties."""
        from docx.oxml import parse_xml

        end = self.document.element.body.sectPr  # python-docx's document always has one
        for child in list(parse_xml(body_xml(self.parts))):
            end.addprevious(child)


def _block(body: _Body, lines: list[str], index: int) -> int:
    """Add the block starting at `lines[index]`; return the index of the next one."""
    line = lines[index]
    heading = re.match(r"(#{1,6}) (.*)", line)
    if heading:
        body.paragraph(heading[2], f"Heading {min(len(heading[1]), 3)}")
        return index + 1
    if line.startswith("|") and index + 1 < len(lines) and _TABLE_RULE.match(lines[index + 1]):
        end = index + 2
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        body.parts.append(_table(lines[index], lines[index + 1], lines[index + 2 : end]))
        body.parts.append("<w:p/>")  # Word needs a paragraph between two tables
        return end
    image = _IMAGE.fullmatch(line.strip())
    if image:
        _picture(body, image["alt"], image["src"])
        return index + 1
    if line.startswith(("- ", "> ")):
        return _items(body, lines, index)
    if not line.strip() or line == "---":
        return index + 1
    end = index + 1
    while end < len(lines) and lines[end].strip() and not _opens_block(lines[end]):
        end += 1
    body.paragraph(" ".join(lines[index:end]))
    return end


def _opens_block(line: str) -> bool:
    return line.startswith(("#", "|", "- ", "> ", "![")) or line == "---"


def _items(body: _Body, lines: list[str], index: int) -> int:
    """A list (`- `) or a quotation (`> `): one paragraph per item or quoted line."""
    mark = lines[index][:2]
    style = "List Bullet" if mark == "- " else "Quote"
    end = index
    while end < len(lines) and lines[end].startswith(mark):
        text = lines[end][2:]
        end += 1
        while mark == "- " and end < len(lines) and lines[end].startswith("  "):
            text += " " + lines[end].strip()
            end += 1
        body.paragraph(text, style)
    return end


def _cells(row: str) -> list[str]:
    r"""The cells of a Markdown table row; an escaped `\\|` stays in its cell."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def _table(header: str, rule: str, rows: list[str]) -> str:
    """A table with its header row (repeated on each page) and right-aligned figures."""
    names = _cells(header)
    right = [cell.endswith(":") for cell in _cells(rule)]
    cells = [
        [segments(text, bold=number == 0) for text in _cells(row)[: len(names)]]
        for number, row in enumerate([header, *rows])
    ]
    return table_xml(len(names), right, cells)


def _picture(body: _Body, alt: str, source: str) -> None:
    """A chart as a PNG image across the text's width, with its text alternative."""
    from docx.shared import Cm
    from lxml import etree  # type: ignore[import-untyped]  # python-docx's XML library

    pictures = body.pictures
    key = source.removeprefix(PLACEHOLDER)
    if key not in pictures.charts:  # an image of the association's own template: its text only
        body.parts.append(paragraph_xml([Segment(plain(alt))]))
        return
    shape = pictures.place(body.document.part, key, Cm(17))
    shape.docPr.set("descr", plain(alt))
    shape.docPr.set("title", pictures.charts[key].title)
    drawing = etree.tostring(shape, encoding="unicode")
    body.parts.append(paragraph_xml([], inner=f"<w:r><w:drawing>{drawing}</w:drawing></w:r>"))


def draw_png(chart: Chart) -> bytes:
    """`chart` as a PNG image, drawn as the HTML report's SVG is.

    Why 120 dpi: sharp across the 17 cm of text (about 140 pixels an inch) in print and
    on screen, and a third cheaper to draw than 150 dpi on a report of 200 charts.
    """
    import matplotlib

    from utilsoc.report.drawing import figure_of

    matplotlib.use("Agg")
    matplotlib.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})
    buffer = io.BytesIO()
    figure_of(chart).savefig(buffer, format="png", dpi=120, metadata={"Software": None})
    return buffer.getvalue()


def _page_setup(document: Any) -> None:
    """A4 portrait, 2 cm margins, the page number centred in the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
