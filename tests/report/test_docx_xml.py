"""Word XML of a report's tables and runs, read back with python-docx."""

from __future__ import annotations

import pytest

from utilsoc.report.docx_xml import Segment, plain, segments, table_xml

docx = pytest.importorskip("docx")


def _table(columns: int, right: list[bool], rows: list[list[list[Segment]]]):
    from docx.oxml import parse_xml
    from docx.table import Table

    document = docx.Document()
    element = parse_xml(table_xml(columns, right, rows))
    document.add_paragraph()._p.addprevious(element)
    return Table(element, document._body)


def test_a_table_has_its_header_row_every_column_and_escaped_text() -> None:
    rows = [
        [[Segment("Nom", bold=True)], [Segment("Nombre", bold=True)]],
        [[Segment("A & <B>")], [Segment("1 234")]],
        [[Segment("court")]],
    ]
    table = _table(2, [False, True], rows)
    assert [cell.text for cell in table.rows[0].cells] == ["Nom", "Nombre"]
    assert [cell.text for cell in table.rows[1].cells] == ["A & <B>", "1 234"]
    assert [cell.text for cell in table.rows[2].cells] == ["court", ""]
    assert 'w:tblHeader w:val="true"' in table.rows[0]._tr.xml
    assert "tblHeader" not in table.rows[1]._tr.xml
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right
    assert table.rows[1].cells[0].paragraphs[0].alignment is None
    assert table.style.name == "Table Grid"


def test_formatting_follows_the_markdown() -> None:
    assert segments("**Gras** et *penché* `code` \\*") == [
        Segment("Gras", bold=True),
        Segment(" et "),
        Segment("penché", italic=True),
        Segment(" "),
        Segment("code", code=True),
        Segment(" "),
        Segment("*"),
    ]
    assert segments("[la page](<https://a.fr>)") == [Segment("la page (https://a.fr)")]
    assert plain("séance\\_auto\\_évaluation") == "séance_auto_évaluation"


def test_runs_keep_the_schema_order_of_their_properties() -> None:
    table = _table(1, [False], [[[Segment("x", bold=True, italic=True, code=True)]]])
    run = table.rows[0].cells[0].paragraphs[0].runs[0]
    assert run.bold
    assert run.italic
    assert run.font.name == "Consolas"
    xml = run._r.xml
    assert xml.index("w:rFonts") < xml.index("<w:b/>") < xml.index("<w:i/>")


def test_paragraphs_in_one_body_keep_their_style_runs_and_inner_xml() -> None:
    from docx.oxml import parse_xml
    from docx.text.paragraph import Paragraph

    from utilsoc.report.docx_xml import body_xml, paragraph_xml

    document = docx.Document()
    parts = [
        paragraph_xml([Segment("Titre & <suite>")], "Heading1"),
        paragraph_xml([Segment("gras", bold=True), Segment(" puis rien")]),
        paragraph_xml([], inner="<w:r><w:br/></w:r>"),
    ]
    body = parse_xml(body_xml(parts))
    paragraphs = [Paragraph(p, document._body) for p in body]
    assert [p.text for p in paragraphs] == ["Titre & <suite>", "gras puis rien", "\n"]
    assert paragraphs[0]._p.style == "Heading1"
    assert paragraphs[1].runs[0].bold
    assert paragraphs[1].runs[1].bold is None
    assert paragraphs[2]._p.style is None
