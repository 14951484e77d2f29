"""`report --format docx`: Word documents read back with python-docx."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.report.docx import write_docx
from utilsoc.resources import data_dir

docx = pytest.importorskip("docx")

PERIOD = ["-p", "2025-2026", "--date", "2026-11-30"]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "echec-scolaire"
    shutil.copytree(
        data_dir("examples") / "echec-scolaire",
        folder,
        ignore=shutil.ignore_patterns(".utilsoc-cache", "*.lock"),
    )
    return folder


def _report(cli, folder: Path, template: str, output: Path):
    return cli(
        "-C", str(folder), "report", "-t", template, "-f", "docx", "-o", str(output), *PERIOD
    )


def test_the_funder_report_has_headings_tables_and_charts_with_text(cli, tmp_path) -> None:
    output = tmp_path / "financeur.docx"
    result = _report(cli, _folder(tmp_path), "financeur", output)
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(output))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "1. Réalisations attendues" in titles
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells][:4] == [
        "Indicateur",
        "Référence",
        "Cible",
        "Réalisé",
    ]
    assert "w:tblHeader" in table.rows[0]._tr.xml
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert len(table.rows) > 1
    assert table.rows[1].cells[0].text
    shapes = document.inline_shapes
    assert shapes
    alt = shapes[0]._inline.docPr.get("descr")
    assert alt.startswith(shapes[0]._inline.docPr.get("title"))
    assert "cible" in alt
    image = document.part.related_parts[
        shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    ]
    assert image.content_type == "image/png"
    assert image.blob.startswith(b"\x89PNG")


def test_the_pages_are_a4_portrait_with_numbers(cli, tmp_path) -> None:
    output = tmp_path / "bilan.docx"
    assert _report(cli, _folder(tmp_path), "bilan", output).exit_code == 0
    section = docx.Document(str(output)).sections[0]
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) == 20
    assert 'w:instr="PAGE"' in section.footer.paragraphs[0]._p.xml


@pytest.mark.parametrize("template", ["communication", "referentiel"])
def test_every_report_is_a_word_document(cli, tmp_path, template) -> None:
    output = tmp_path / f"{template}.docx"
    result = _report(cli, _folder(tmp_path), template, output)
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(output))
    assert document.paragraphs[0].style.name == "Heading 1"
    assert "Tremplin Réussite" in "\n".join(p.text for p in document.paragraphs)


def test_markdown_markup_becomes_word_formatting() -> None:
    text = "# Titre\n\n**Gras :** texte \\*échappé\\* et *question* [site](<https://a.fr>)\n"
    document = docx.Document(io.BytesIO(write_docx(text, {}, "T")))
    runs = document.paragraphs[1].runs
    assert document.paragraphs[1].text == "Gras : texte *échappé* et question site (https://a.fr)"
    assert runs[0].bold
    assert runs[0].text == "Gras :"
    assert any(run.italic and run.text == "question" for run in runs)
    assert document.core_properties.title == "T"


def test_a_quote_a_list_and_an_escaped_bar_in_a_table() -> None:
    text = "> « Merci »\n> — Awa\n\n- un\n- deux\n\n| A | B |\n| --- | ---: |\n| x \\| y | 3 |\n"
    document = docx.Document(io.BytesIO(write_docx(text, {}, "T")))
    styles = [p.style.name for p in document.paragraphs if p.text]
    assert styles == ["Quote", "Quote", "List Bullet", "List Bullet"]
    row = document.tables[0].rows[1]
    assert [c.text for c in row.cells] == ["x | y", "3"]
    assert row.cells[1].paragraphs[0].alignment == 2  # right


def test_without_python_docx_the_message_says_what_to_install(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    output = tmp_path / "financeur.docx"
    result = _report(cli, _folder(tmp_path), "financeur", output)
    assert result.exit_code != 0
    assert "python-docx" in result.stderr
    assert "utilsoc[office]" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice absent")
def test_libreoffice_converts_the_document_to_pdf(cli, tmp_path) -> None:
    output = tmp_path / "financeur.docx"
    assert _report(cli, _folder(tmp_path), "financeur", output).exit_code == 0
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(output)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "financeur.pdf").pages)
    assert "Réalisations attendues" in text


def test_a_second_document_reuses_the_drawn_images(cli, tmp_path) -> None:
    folder = _folder(tmp_path)
    output = tmp_path / "financeur.docx"
    assert _report(cli, folder, "financeur", output).exit_code == 0
    pngs = sorted((folder / ".utilsoc-cache" / "graphiques").rglob("*.png"))
    assert len(pngs) > 1
    # Another chart's image in place of the first: the next document takes it as drawn.
    first = docx.Document(str(output)).inline_shapes[0]._inline.docPr.get("descr")
    shapes = docx.Document(str(output)).inline_shapes
    keys = {png.stem: png for png in pngs}
    document = docx.Document(str(output))
    blip = shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    drawn = document.part.related_parts[blip].blob
    key = next(k for k, png in keys.items() if png.read_bytes() == drawn)
    other = next(png for k, png in keys.items() if k != key)
    keys[key].write_bytes(other.read_bytes())
    # The document itself is kept too (nothing changed): forget it, keep the images.
    shutil.rmtree(folder / ".utilsoc-cache" / "rendus")
    assert _report(cli, folder, "financeur", output).exit_code == 0
    again = docx.Document(str(output))
    blip = again.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert again.part.related_parts[blip].blob == other.read_bytes()
    assert again.inline_shapes[0]._inline.docPr.get("descr") == first


@pytest.mark.parametrize("template", ["sroi", "compte-rendu"])
def test_the_money_reports_are_word_documents_too(cli, money_folder, template) -> None:
    folder = money_folder()
    result = cli("-C", str(folder), "report", "-t", template, "-f", "docx", "-o", "r.docx")
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(folder / "r.docx"))
    assert document.paragraphs[0].style.name == "Heading 1"
    assert document.tables
    if template == "sroi":  # the tornado chart, as an image with its alternative
        assert "ligne à 1\xa0: 1" in document.inline_shapes[0]._inline.docPr.get("descr")


def test_an_english_word_document(cli, tmp_path) -> None:
    output = tmp_path / "financeur.docx"
    result = _report(cli, _folder(tmp_path), "financeur", output)
    assert result.exit_code == 0, result.stderr
    english = tmp_path / "financeur-en.docx"
    result = cli(
        "-C", str(tmp_path / "echec-scolaire"), "report", "-t", "financeur", "-f", "docx",
        "-o", str(english), "--langue", "en", *PERIOD,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(english))
    assert document.core_properties.language == "en-GB"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "1. Expected achievements" in headings
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header[:4] == ["Indicator", "Baseline", "Target", "Achieved"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2025–2026 school year" in text
    assert "Réalisations attendues" not in text
    assert docx.Document(str(output)).core_properties.language == "fr-FR"
