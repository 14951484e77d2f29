"""Reading back an entry workbook: each bad input located by sheet and cell, nothing written."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from utilsoc.errors import ExitCode


def test_text_a_date_and_a_formula_without_value_are_located_by_sheet_and_cell(fiche) -> None:
    fiche.make()
    fiche.fill(
        {
            ("nb_personnes_accompagnees", "F", "Valeur"): "douze",
            ("nb_personnes_accompagnees", "H", "Valeur"): dt.datetime(2025, 3, 4),
            ("confiance", None, "Valeur"): "=2+1",
            ("taux_retour", None, "Numérateur"): 37,
            ("taux_retour", None, "Dénominateur"): 94,
        }
    )
    rows = fiche.rows()
    date_row, formula_row = rows[("nb_personnes_accompagnees", "H")], rows[("confiance", None)]
    err = fiche.refused()
    assert f"fiche.xlsx:{date_row}:5: erreur: feuille Saisie, E{date_row} : une date" in err
    assert f"feuille Saisie, E{formula_row} : formule sans valeur calculée : =2+1" in err
    fiche.fill({("confiance", None, "Valeur"): 4, ("nb_personnes_accompagnees", "H", "Valeur"): 3})
    text_row = rows[("nb_personnes_accompagnees", "F")]
    assert f"feuille Saisie, E{text_row} : " in fiche.refused()


def test_a_formula_is_read_by_the_value_the_spreadsheet_kept(fiche) -> None:
    fiche.make()
    fiche.fill({("confiance", None, "Valeur"): "=2+1"})
    _with_cached_value(fiche.path, "2+1", "3")  # as Excel saves it: formula and result
    result = fiche.run_import()
    assert result.exit_code == 0, result.stderr
    assert [r.valeur for r in fiche.records()] == ["3"]


def _with_cached_value(path: Path, formula: str, value: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet2.xml"
    # openpyxl writes the empty result as `<v />`, `<v/>` or `<v></v>` (with or without lxml)
    empty = re.compile(f"<f>{re.escape(formula)}</f>(<v */>|<v></v>)?")
    text, count = empty.subn(f"<f>{formula}</f><v>{value}</v>", parts[sheet].decode())
    assert count == 1
    parts[sheet] = text.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_workbook_of_another_association_or_period_is_refused(fiche, example) -> None:
    fiche.make()
    fiche.fill({("confiance", None, "Valeur"): 4})
    err = fiche.refused("--period", "2024")
    assert "feuille utilsoc, B3 : fiche de la période 2025, 2024 attendue" in err
    other = example("vide", target="autre")
    text = (other / "association.yaml").read_text(encoding="utf-8")
    (other / "association.yaml").write_text(
        text.replace("Nom de l'association", "Les Amis du Quartier"), encoding="utf-8"
    )
    err = fiche.refused(folder=other)
    assert "feuille utilsoc, B2 : fiche de « Nom de l'association »" in err
    assert "[fiche-autre]" in err


def test_deleted_rows_added_rows_and_a_renamed_sheet_are_refused(fiche) -> None:
    book = openpyxl.load_workbook(fiche.make())
    book["Saisie"].delete_rows(3)
    book.save(fiche.path)
    err = fiche.refused()
    assert "feuille Saisie, A3 : ligne de « nb_personnes_accompagnees sexe=H » attendue" in err
    assert "[fiche-modifiee]" in err
    book = openpyxl.load_workbook(fiche.make("--force"))
    book["Saisie"].append(["confiance", "x", None, None, 3])
    book.save(fiche.path)
    assert "feuille Saisie, A9 : ligne ajoutée" in fiche.refused()
    book = openpyxl.load_workbook(fiche.make("--force"))
    book["Saisie"].title = "Ma saisie"
    book.save(fiche.path)
    assert "feuille « Saisie » introuvable (feuilles : Instructions, Ma saisie)" in fiche.refused()


def test_a_value_the_referentiel_refuses_is_located_at_its_cell(fiche) -> None:
    fiche.make()
    fiche.fill({("confiance", None, "Valeur"): 9})
    row = fiche.rows()[("confiance", None)]
    assert f"feuille Saisie, E{row} : " in fiche.refused()


def test_a_table_without_mapping_is_not_taken_for_a_workbook(fiche, tmp_path) -> None:
    (tmp_path / "a.csv").write_text("x;y\n1;2\n", encoding="utf-8")
    result = fiche.run_import(path=tmp_path / "a.csv")
    assert result.exit_code == ExitCode.USAGE
    assert "-m correspondance.yaml" in result.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice absent")
def test_a_workbook_saved_by_libreoffice_imports(fiche, tmp_path) -> None:
    fiche.make()
    fiche.fill({("confiance", None, "Valeur"): 4})
    out = tmp_path / "lo"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(fiche.path)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    result = fiche.run_import(path=out / "fiche.xlsx")
    assert result.exit_code == 0, result.stderr
    assert [r.valeur for r in fiche.records()] == ["4"]


def test_a_dry_run_shows_the_rows_and_the_conflicts_at_their_cells(fiche) -> None:
    fiche.make()
    fiche.fill({("confiance", None, "Valeur"): 4, ("nb_personnes_accompagnees", "F", "Valeur"): 2})
    assert fiche.run_import().exit_code == 0
    fiche.fill({("confiance", None, "Valeur"): 5, ("nb_personnes_accompagnees", "H", "Valeur"): 1})
    row = fiche.rows()[("confiance", None)]
    before = fiche.mesures()
    result = fiche.run_import("--dry-run")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "nb_personnes_accompagnees 2025, sexe=H → 1" in result.stdout
    assert f"feuille Saisie, A{row} : confiance 2025 : 4 déjà enregistré par Léa" in result.stderr
    assert fiche.mesures() == before


def test_a_damaged_workbook_is_refused(fiche) -> None:
    fiche.make()
    with zipfile.ZipFile(fiche.path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(fiche.path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, b"<broken" if name.endswith("sheet2.xml") else data)
    assert "[tableau-illisible]" in fiche.refused()
