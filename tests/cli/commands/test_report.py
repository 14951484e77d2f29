"""`utilsoc report` and `utilsoc templates`: options, and the templates one can adapt."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"


@pytest.fixture
def folder(cli, example) -> Path:
    folder = example("vide")
    record = ("-C", str(folder), "record", "-a", "m", "--date", "2026-12-01", CODE, "41")
    assert cli(*record, "-p", "2026").exit_code == 0
    return folder


def test_templates_eject_copies_once_and_the_copy_is_used(cli, folder: Path) -> None:
    result = cli("-C", str(folder), "templates", "eject", "communication", "-f", "md")
    assert result.exit_code == 0, result.stderr
    copy = folder / "modeles" / "communication.md.j2"
    copy.write_text(
        copy.read_text(encoding="utf-8").replace(
            '## {{ _("Nos valeurs") }}', "## Ce en quoi nous croyons"
        ),
        encoding="utf-8",
    )
    assert cli("-C", str(folder), "templates", "eject", "communication", "-f", "md").exit_code == 1
    report = cli(
        "-C", str(folder), "report", "-t", "communication", "-f", "md", "-p", "2026", "-o", "c.md"
    )
    assert report.exit_code == 0, report.stderr
    assert "## Ce en quoi nous croyons" in (folder / "c.md").read_text(encoding="utf-8")
    listing = cli("-C", str(folder), "templates", "list")
    assert "communication.md.j2" in listing.stdout


def test_templates_list_shows_the_builtin_ones_then_the_association_ones(cli, folder) -> None:
    (folder / "modeles").mkdir()
    (folder / "modeles" / "maison.md.j2").write_text("# {{ association.nom }}\n", "utf-8")
    listing = cli("-C", str(folder), "templates", "list").stdout.splitlines()
    builtin = listing.index("Modèles d'utilsoc :")
    own = listing.index("Modèles de l'association (modeles/) :")
    assert "  bilan.html.j2" in listing[builtin:own]
    assert "  base.html.j2" not in listing
    assert listing[own + 1 :] == ["  maison.md.j2"]


def test_an_unknown_template_to_eject_and_a_bad_date_are_usage_errors(cli, folder) -> None:
    unknown = cli("-C", str(folder), "templates", "eject", "rapport-annuel")
    assert unknown.exit_code == ExitCode.USAGE
    assert "modèle inconnu : rapport-annuel" in unknown.stderr
    assert not (folder / "modeles").exists()
    dated = cli("-C", str(folder), "report", "-p", "2026", "--date", "2026-13-01")
    assert dated.exit_code == ExitCode.USAGE
    assert "date « 2026-13-01 » invalide" in dated.stderr


def test_a_word_document_follows_the_adapted_markdown_template(cli, folder: Path) -> None:
    docx = pytest.importorskip("docx")
    result = cli("-C", str(folder), "templates", "eject", "communication", "-f", "docx")
    assert result.exit_code == 0, result.stderr
    copy = folder / "modeles" / "communication.md.j2"
    assert not (folder / "modeles" / "communication.html.j2").exists()
    copy.write_text(
        copy.read_text(encoding="utf-8").replace(
            '## {{ _("Nos valeurs") }}', "## Ce en quoi nous croyons"
        ),
        encoding="utf-8",
    )
    args = ("report", "-t", "communication", "-f", "docx", "-p", "2026", "-o", "c.docx")
    report = cli("-C", str(folder), *args)
    assert report.exit_code == 0, report.stderr
    headings = [p.text for p in docx.Document(str(folder / "c.docx")).paragraphs]
    assert "Ce en quoi nous croyons" in headings
