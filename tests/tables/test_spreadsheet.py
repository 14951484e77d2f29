"""Reading spreadsheets: UTF-8 first, French Excel's Windows-1252 next, nothing else."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.errors import DataErrors, ExitCode
from utilsoc.tables.spreadsheet import read_table
from utilsoc.yamlio.reader import read_yaml

CODE = "nb_personnes_accompagnees"
MAPPING = """\
auteur: tableur
colonnes:
  indicateur: Indicateur
  periode: Période
  valeur: Valeur
  note: Remarque
dimensions:
  sexe: Sexe
"""
ROWS = (
    "Indicateur;Période;Sexe;Valeur;Remarque\r\n"
    f"{CODE};2024;F;3,5;atelier d'été : 12 € de frais, œuvre commune\r\n"
)


def _issue(path: Path) -> tuple[str, str]:
    with pytest.raises(DataErrors) as caught:
        read_table(path, path.name)
    [issue] = caught.value.issues
    return issue.format(), issue.code


def test_excel_semicolon_csv_is_read_as_windows_1252(cli, example, tmp_path) -> None:
    folder = example("vide")
    raw = ROWS.encode("cp1252")
    assert {b"\xe9", b"\x80", b"\x9c"} <= {raw[n : n + 1] for n in range(len(raw))}  # é € œ
    (tmp_path / "a.csv").write_bytes(raw)
    (tmp_path / "map.yaml").write_text(MAPPING, encoding="utf-8")
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("a.csv : tableau lu en Windows-1252 (CSV d'Excel)\n")
    written = read_yaml(folder / "mesures" / "2024" / "tableur.yaml", "tableur.yaml").data
    [record] = written["valeurs"]
    assert record["note"] == "atelier d'été : 12 € de frais, œuvre commune"
    assert record["valeur"] == "3.5"
    assert cli("-C", str(folder), "validate").exit_code == 0


@pytest.mark.parametrize(
    "raw",
    [ROWS.encode(), codecs.BOM_UTF8 + ROWS.encode(), ROWS.encode("utf-16")],
)
def test_utf8_and_utf16_with_bom_are_read_without_a_notice(tmp_path: Path, raw: bytes) -> None:
    (tmp_path / "a.csv").write_bytes(raw)
    table = read_table(tmp_path / "a.csv", "a.csv")
    assert table.notice is None
    assert table.rows[0][1]["Remarque"] == "atelier d'été : 12 € de frais, œuvre commune"
    assert table.header[1] == "Période"


def test_what_is_neither_utf8_nor_windows_1252_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("Indicateur;Période\n".encode() + "x;été\n".encode("cp1252"))
    shown, code = _issue(path)  # valid UTF-8 before the bad byte: a damaged UTF-8 file
    assert code == "encodage"
    assert shown.startswith("a.csv:2:3: erreur: le fichier n'est pas encodé en UTF-8 (octet 0xE9)")
    path.write_bytes(b"Indicateur;P\xe9riode\n\x00\x01\x02\x81\n")
    assert _issue(path)[1] == "encodage"  # control bytes: not a text file
    path.write_bytes(b"Indicateur;P\xe9riode\nx;\x81\n")
    assert _issue(path)[1] == "encodage"  # 0x81 is not a Windows-1252 character


def test_a_damaged_workbook_is_located(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04 pas vraiment un classeur")
    shown, code = _issue(path)
    assert code == "tableau-illisible"
    assert shown.startswith("a.xlsx:1:1: erreur: classeur Excel illisible")
    path.write_text("Indicateur;Valeur\n", encoding="utf-8")  # a CSV renamed .xlsx
    assert _issue(path)[1] == "tableau-illisible"
    _broken_sheet_xml(path)
    assert _issue(path)[1] == "tableau-illisible"


def _broken_sheet_xml(path: Path) -> None:
    """A real workbook whose sheet's XML was cut (a copy interrupted, a bad sync)."""
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Indicateur", "Valeur"])
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"][:120]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pas de FIFO sous Windows")
def test_a_fifo_or_a_device_is_refused_without_hanging(example, tmp_path: Path) -> None:
    folder = example("vide")
    os.mkfifo(tmp_path / "tube.csv")
    (tmp_path / "zero.xlsx").symlink_to("/dev/zero")
    (tmp_path / "map.yaml").write_text(MAPPING, encoding="utf-8")
    for name, kind in (("tube.csv", "un tube nommé (FIFO)"), ("zero.xlsx", "un lien vers")):
        done = subprocess.run(
            [sys.executable, "-m", "utilsoc", "-C", str(folder), "import", str(tmp_path / name)]
            + ["-m", str(tmp_path / "map.yaml")],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == ExitCode.DONNEES_INVALIDES, done.stderr
        assert done.stderr.startswith(
            f"{name}:1:1: erreur: {name} n'est pas un fichier ordinaire : c'est {kind}"
        )
    assert not (folder / "mesures").exists()


ROUND_TRIP_INDICATORS = """\
          - code: budget
            libellé: Budget dépensé
            type: montant
            unité: €
            dimensions: [sexe]
          - code: part
            libellé: Part des inscrits venus
            type: taux
            unité: "%"
          - code: convention
            libellé: Convention signée
            type: oui_non
          - code: paroles
            libellé: Ce que disent les personnes
            type: qualitatif
"""
ROUND_TRIP_VALUES = """\
valeurs:
  - {indicateur: budget, période: 2025, valeur: 5420.35, A}
  - {indicateur: budget, période: 2025, valeur: 0.125, dimensions: {sexe: F}, A}
  - {indicateur: budget, période: 2025, valeur: -1234567.891, dimensions: {sexe: H}, A}
  - {indicateur: part, période: 2025, numérateur: 37, dénominateur: 94.5, A}
  - {indicateur: nb_personnes_accompagnees, période: 2025, valeur: 12, dimensions: {sexe: F},
     note: "a; b « c »", A}
  - {indicateur: nb_personnes_accompagnees, période: 2025, valeur: 0.0000001,
     dimensions: {sexe: H}, A}
  - {indicateur: convention, période: 2025, valeur: true, A}
  - {indicateur: paroles, période: 2025, valeur: "Un lieu où l'on se sent bien ; merci", A}
""".replace("A}", "auteur: Marie, date: 2026-01-10}")
ROUND_TRIP_MAPPING = """\
auteur: Réimport
colonnes:
  indicateur: indicateur
  période: période
  valeur: valeur
  numérateur: numérateur
  dénominateur: dénominateur
  note: note
  date: date
dimensions:
  sexe: sexe
"""


def _exported(cli, folder: Path, path: Path) -> list[list[str]]:
    result = cli("-C", str(folder), "export", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    rows = [line.split(";") for line in path.read_text(encoding="utf-8-sig").splitlines()]
    return [row[:-2] for row in rows]  # without auteur and date: the import sets the author


def test_a_csv_export_imported_into_a_fresh_folder_gives_the_same_values(
    cli, example, tmp_path
) -> None:
    source = example("vide", ROUND_TRIP_INDICATORS, target="source")
    (source / "mesures" / "2025").mkdir(parents=True)
    (source / "mesures" / "2025" / "marie.yaml").write_text(ROUND_TRIP_VALUES, encoding="utf-8")
    assert cli("-C", str(source), "validate").exit_code == 0
    exported = _exported(cli, source, tmp_path / "export.csv")
    assert exported[1][:4] == ["budget", "Budget dépensé", "2025", "5420,35"]

    fresh = example("vide", ROUND_TRIP_INDICATORS, target="fresh")
    (tmp_path / "map.yaml").write_text(ROUND_TRIP_MAPPING, encoding="utf-8")
    args = (
        "-C",
        str(fresh),
        "import",
        str(tmp_path / "export.csv"),
        "-m",
        str(tmp_path / "map.yaml"),
    )
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert _exported(cli, fresh, tmp_path / "again.csv") == exported
    written = "".join(
        path.read_text(encoding="utf-8") for path in sorted((fresh / "mesures").rglob("*.yaml"))
    )
    for value in ("5420.35", "0.125", "-1234567.891", "1e-07", "37.0", "94.5"):
        assert value in written, value
