"""`report --format pdf`: printed by a headless Chromium, read back with pypdf."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from utilsoc.errors import UserError
from utilsoc.report.pdf import find_browser
from utilsoc.resources import data_dir

PERIODS = {"echec-scolaire": "2025-2026", "lien-social": "2025", "mediation-numerique": "2025"}


def _has_browser() -> bool:
    try:
        find_browser()
    except UserError:
        return False
    return True


needs_browser = pytest.mark.skipif(not _has_browser(), reason="ni Chromium, ni Chrome, ni Edge")


def _report(cli, tmp_path: Path, name: str, template: str, output: Path):
    folder = tmp_path / name
    shutil.copytree(
        data_dir("examples") / name,
        folder,
        ignore=shutil.ignore_patterns(".utilsoc-cache", "*.lock"),
    )
    args = ["-t", template, "-f", "pdf", "-o", str(output), "--date", "2026-11-30"]
    return cli("-C", str(folder), "report", *args, "-p", PERIODS[name])


def _fonts(reader: PdfReader) -> list[tuple[str, bool]]:
    """Each font of each page, and whether the file holds its glyphs."""
    fonts = []
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.append((str(font["/BaseFont"]), embedded))
    return fonts


@needs_browser
def test_the_funder_report_prints_on_a4_pages_with_its_figures(cli, tmp_path) -> None:
    output = tmp_path / "financeur.pdf"
    result = _report(cli, tmp_path, "echec-scolaire", "financeur", output)
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(output)
    assert len(reader.pages) > 3
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
        210,
        297,
    )
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "Rapport à la Fondation Horizons Jeunesse" in text
    assert "Réalisations attendues" in text
    # A figure of the funder table, as the Markdown report of the same data gives it.
    markdown = cli("-C", str(tmp_path / "echec-scolaire"), "report", "-t", "financeur", "-f", "md")
    assert markdown.exit_code == 0, markdown.stderr
    shown = (tmp_path / "echec-scolaire" / "rapports").glob("financeur-*.md")
    rows = re.findall(
        r"^\| Taux de réussite au diplôme[^|]*\| ([^|(]+)", next(shown).read_text("utf-8"), re.M
    )
    figure = re.sub(r"\s+", " ", rows[0]).strip()
    assert figure.endswith("%")
    assert figure in text.replace("\u202f", " ").replace("\xa0", " ")
    fonts = _fonts(reader)
    assert fonts
    assert all(embedded for _, embedded in fonts), fonts


@needs_browser
@pytest.mark.parametrize("name", sorted(PERIODS))
def test_the_identity_card_is_one_page(cli, tmp_path, name) -> None:
    output = tmp_path / "communication.pdf"
    result = _report(cli, tmp_path, name, "communication", output)
    assert result.exit_code == 0, result.stderr
    assert len(PdfReader(output).pages) == 1


def test_without_a_browser_the_message_says_what_to_install(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "vide"))
    monkeypatch.setattr("utilsoc.report.pdf._installed_paths", list)
    output = tmp_path / "financeur.pdf"
    result = _report(cli, tmp_path, "echec-scolaire", "financeur", output)
    assert result.exit_code != 0
    assert "Chromium" in result.stderr
    assert "apt install chromium" in result.stderr
    assert "--format html" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


@pytest.mark.skipif(os.name == "nt", reason="un script shell tient lieu de navigateur")
def test_a_browser_that_fails_to_print_is_reported(cli, tmp_path, monkeypatch) -> None:
    fake = tmp_path / "bin" / "chromium"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'plantage du navigateur' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    output = tmp_path / "financeur.pdf"
    result = _report(cli, tmp_path, "echec-scolaire", "financeur", output)
    assert result.exit_code != 0
    assert "n'a pas imprimé le rapport en PDF (plantage du navigateur)" in result.stderr
    assert not output.exists()
