"""`export`: one tidy row per current value, typed for a spreadsheet, safe for Excel."""

from __future__ import annotations

import datetime as dt

import openpyxl

from utilsoc.model.load import load_valid_project
from utilsoc.model.mesures import Mesure, dimensions_key
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Referentiel
from utilsoc.project import find_root
from utilsoc.tables.export import tidy_rows

CODE = "nb_personnes_accompagnees"


def test_export_csv_for_french_excel_neutralises_formulas(cli, example, tmp_path) -> None:
    folder = example("vide")
    assert (
        cli(
            "-C",
            str(folder),
            "record",
            "-a",
            "m",
            CODE,
            "1234,5",
            "-p",
            "2025",
            "--dim",
            "sexe=F",
            "--note",
            '=HYPERLINK("http://x")',
        ).exit_code
        == 0
    )
    result = cli("-C", str(folder), "export", "-o", str(tmp_path / "v.csv"))
    assert result.exit_code == 0, result.stderr
    raw = (tmp_path / "v.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith(
        "indicateur;libellé;période;valeur;unité;numérateur;dénominateur;sexe"
    )
    assert ";1234,5;" in lines[1]
    assert "'=HYPERLINK" in lines[1]


def test_export_xlsx_keeps_numbers_and_text(cli, example, tmp_path) -> None:
    folder = example("vide")
    assert (
        cli(
            "-C", str(folder), "record", "-a", "m", CODE, "12", "-p", "2025", "--note", "+33 6 00"
        ).exit_code
        == 0
    )
    assert (
        cli("-C", str(folder), "export", "-f", "xlsx", "-o", str(tmp_path / "v.xlsx")).exit_code
        == 0
    )
    sheet = openpyxl.load_workbook(tmp_path / "v.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("indicateur", "libellé", "période", "valeur")
    assert rows[1][3] == 12
    assert "'+33 6 00" in rows[1]


def _measure(indicator: str, value: str | None, dimensions: dict[str, str], **parts) -> Mesure:
    return Mesure(
        indicator,
        Period.parse("2025"),
        value,
        parts.get("num"),
        parts.get("den"),
        dimensions,
        None,
        "m",
        dt.date(2025, 3, 1),
        None,
        dimensions_key(dimensions),
    )


def test_rows_are_sorted_typed_and_get_a_column_per_dimension(example) -> None:
    _, referentiel = load_valid_project(find_root(example("vide")))
    assert isinstance(referentiel, Referentiel)
    records = [
        _measure(CODE, "12.5", {"sexe": "F"}),
        _measure(CODE, "3", {"sexe": "H", "quartier": "Nord"}),
        _measure("autre", "true", {}),
        _measure("texte", "bien", {}),
        _measure("taux", None, {}, num=3.0, den=4.0),
    ]
    header, rows = tidy_rows(referentiel, records)
    assert header[:7] == [
        "indicateur",
        "libellé",
        "période",
        "valeur",
        "unité",
        "numérateur",
        "dénominateur",
    ]
    assert header[7:] == ["sexe", "quartier", "note", "auteur", "date"]
    assert [(row[0], row[3]) for row in rows] == [
        ("autre", True),
        (CODE, 3),
        (CODE, 12.5),
        ("taux", None),
        ("texte", "bien"),
    ]
    assert rows[1][7:10] == ["H", "Nord", None]
    assert rows[3][5:7] == [3.0, 4.0]
    assert rows[0][1] == ""  # an indicator the référentiel does not know has no label
