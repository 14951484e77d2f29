"""One spreadsheet row of an import: its records, or an issue at each bad cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from utilsoc.actions.import_rows import read_row
from utilsoc.errors import ExitCode
from utilsoc.model.correspondance import Correspondance
from utilsoc.model.load import Project, load_project
from utilsoc.project import Layout
from utilsoc.tables.spreadsheet import Table

CODE = "nb_personnes_accompagnees"
HEADER = ["Indicateur", "Période", "Valeur", "Sexe", "Note"]
LONG = {
    "auteur": "tableur",
    "colonnes": {
        "indicateur": "Indicateur",
        "période": "Période",
        "valeur": "Valeur",
        "note": "Note",
    },
    "dimensions": {"sexe": "Sexe"},
}


@pytest.fixture
def project(example) -> Project:
    folder: Path = example("vide")
    loaded = load_project(Layout(folder))
    assert loaded.issues == []
    return loaded


def _read(project: Project, row: dict[str, Any], mapping: dict[str, Any] = LONG):
    table = Table("t.csv", HEADER, [(2, row)])
    records, issues = read_row(project, table, Correspondance.model_validate(mapping), 2, row)
    return records, [(i.line, i.column, i.message) for i in issues]


def test_a_row_gives_a_value_written_as_record_writes_it(project) -> None:
    row = {"Indicateur": CODE, "Période": "2025", "Valeur": "1\u202f234,5", "Sexe": "F", "Note": ""}
    [record], issues = _read(project, row)
    assert issues == []
    assert (record.valeur, record.dimensions, record.note) == ("1234.5", {"sexe": "F"}, None)
    assert (record.auteur, record.periode.name) == ("tableur", "2025")


def test_each_bad_cell_is_named_at_its_column(project) -> None:
    row = {"Indicateur": CODE, "Période": "2025", "Valeur": "12", "Sexe": "Z"}
    assert _read(project, row)[1] == [(2, 4, "« Z » n'est pas une valeur de la dimension « sexe »")]
    row = {"Indicateur": CODE, "Période": "2025-13", "Valeur": "12"}
    assert _read(project, row)[1] == [(2, 2, "mois « 2025-13 » inexistant (01 à 12)")]
    row = {"Indicateur": CODE, "Période": "2025", "Valeur": "douze"}
    assert _read(project, row)[1] == [(2, 3, "nombre attendu, « douze » lu")]


@pytest.mark.parametrize("day", ["2025-03-15", "15/03/2025", dt.datetime(2025, 3, 15)])
def test_a_day_in_the_period_column_is_the_period_of_the_indicator(project, day) -> None:
    [record], issues = _read(project, {"Indicateur": CODE, "Période": day, "Valeur": "3"})
    assert (record.periode.name, issues) == ("2025", [])


def test_one_column_per_indicator_skips_blank_cells_and_blank_rows(project) -> None:
    wide = {"auteur": "t", "période": "2025", "indicateurs": {CODE: "Valeur"}}
    assert _read(project, {"Valeur": ""}, wide) == ([], [])
    [record], _ = _read(project, {"Valeur": 7.0}, wide)
    assert (record.indicateur, record.valeur) == (CODE, "7")


def test_a_bad_cell_shared_by_the_values_of_a_row_is_said_once(cli, example, monkeypatch) -> None:
    ateliers = (
        "          - code: nb_ateliers\n            libellé: Ateliers\n"
        "            type: nombre\n            dimensions: [sexe]\n"
    )
    folder: Path = example("vide", ateliers)
    mapping = (
        "auteur: t\ncolonnes:\n  période: Année\ndimensions:\n  sexe: Sexe\n"
        f"indicateurs:\n  {CODE}: Personnes\n  nb_ateliers: Ateliers\n"
    )
    (folder / "map.yaml").write_text(mapping, encoding="utf-8")
    table = "Année;Sexe;Personnes;Ateliers\n2024;F;3;1\n2024;Femmes;4;2\n2024;X;5;\n"
    (folder / "a.csv").write_text(table, encoding="utf-8")
    monkeypatch.chdir(folder)
    result = cli("import", "a.csv", "-m", "map.yaml")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert result.stderr.splitlines() == [
        "a.csv:3:2: erreur: « Femmes » n'est pas une valeur de la dimension « sexe » (pour 2 "
        "valeurs de la ligne) — valeurs possibles : F, H, autre [ligne-invalide]",
        "a.csv:4:2: erreur: « X » n'est pas une valeur de la dimension « sexe » — valeurs "
        "possibles : F, H, autre [ligne-invalide]",
    ]
    assert not (folder / "mesures").exists()


def test_a_note_with_personal_data_is_refused_at_its_cell(project) -> None:
    row = {"Indicateur": CODE, "Période": "2025", "Valeur": "3", "Sexe": "F", "Note": ""}
    phone = {**row, "Note": "maman de Yanis : 06 12 34 56 78"}
    records, issues = _read(project, phone)
    assert records == []
    assert issues == [
        (2, 5, "la note contient un numéro de téléphone : « 06 12 34 56 78 »"),
    ]
    [record], issues = _read(project, {**row, "Note": "maman de Yanis"})
    assert issues == []
