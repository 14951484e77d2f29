"""`report --template financeur --format xlsx`: read back with openpyxl."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from utilsoc.errors import ExitCode
from utilsoc.resources import data_dir


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "echec-scolaire"
    shutil.copytree(
        data_dir("examples") / "echec-scolaire",
        folder,
        ignore=shutil.ignore_patterns(".utilsoc-cache", "*.lock"),
    )
    return folder


def _sheet(cli, tmp_path: Path):
    output = tmp_path / "financeur.xlsx"
    args = ["-t", "financeur", "-f", "xlsx", "-o", str(output), "--date", "2026-11-30"]
    result = cli("-C", str(_folder(tmp_path)), "report", *args)
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(output).worksheets[0]


def _rows(sheet) -> dict[str, dict[str, object]]:
    header = [cell.value for cell in sheet[1]]
    return {
        row[2]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)
    }


def test_one_row_per_indicator_with_targets_and_actuals_per_period(cli, tmp_path) -> None:
    sheet = _sheet(cli, tmp_path)
    assert sheet.title == "Cibles et réalisés"
    rows = _rows(sheet)
    pupils = rows["nb_eleves_accompagnes"]
    assert pupils["Indicateur"] == "Nombre d'élèves accompagnés"
    assert pupils["Référence"] == 138
    assert pupils["année scolaire 2024-2025 — cible"] == 150
    assert pupils["année scolaire 2024-2025 — réalisé"] == 147
    assert pupils["année scolaire 2025-2026 — réalisé"] == 155
    assert pupils["année scolaire 2026-2027 — réalisé"] is None
    assert pupils["Statut"] == "en retard"
    assert str(pupils["Sous-objectif"]).startswith("SO1 : ")
    # Every indicator of the logframe's table, each once.
    assert len(rows) == sheet.max_row - 1


def test_the_header_is_frozen_and_figures_have_french_display_formats(cli, tmp_path) -> None:
    sheet = _sheet(cli, tmp_path)
    assert sheet.freeze_panes == "E2"
    assert sheet["A1"].font.bold
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(2) if r[2].value == "taux_assiduite")
    reference = row[header.index("Référence")]
    assert reference.number_format == '#,##0.0" %"'
    count = next(r for r in sheet.iter_rows(2) if r[2].value == "nb_eleves_accompagnes")
    assert count[header.index("Réalisé")].number_format == "#,##0"
    assert sheet.column_dimensions["D"].width == 48


def test_the_periods_are_in_time_order() -> None:
    from utilsoc.report.xlsx import ordered_periods

    codes = {"année 2025": "2025", "année 2026": "2026", "T4 2024": "2024-T4", "T1 2025": "2025-T1"}
    assert ordered_periods(codes) == ["T4 2024", "T1 2025", "année 2025", "année 2026"]
    assert ordered_periods({"ancienne": None, "2025": "2025"}) == ["2025", "ancienne"]


def test_one_writer_gives_any_table_its_columns_formats_and_frozen_panes(tmp_path) -> None:
    from utilsoc.report.xlsx import FIGURE, Column, Row, Table, write_table

    table = Table(
        "Essai",
        [Column("Code"), Column("Libellé", 40)],
        [Column("Total", number_format=FIGURE), Column("Part", number_format="0%")],
        frozen="C2",
        periods={"2026": "2026", "2025": "2025"},
    )
    row = Row(["a", "A"], 1.5, {"2026": 3.0}, {"2025": 2.25}, [4.0, 0.5], "#,##0.00")
    path = tmp_path / "essai.xlsx"
    path.write_bytes(write_table(table, [row]))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header == [
        "Code", "Libellé", "Référence", "2025 — cible", "2025 — réalisé", "2026 — cible",
        "2026 — réalisé", "Total", "Part",
    ]  # fmt: skip
    assert [cell.value for cell in sheet[2]] == ["a", "A", 1.5, None, 2.25, 3.0, None, 4.0, 0.5]
    formats = [cell.number_format for cell in sheet[2]]
    assert formats == ["General", "General"] + ["#,##0.00"] * 6 + ["0%"]
    assert (sheet.title, sheet.freeze_panes, sheet.column_dimensions["B"].width) == (
        "Essai",
        "C2",
        40,
    )


def test_another_report_than_the_funders_is_refused(cli, tmp_path) -> None:
    output = tmp_path / "bilan.xlsx"
    result = cli(
        "-C", str(_folder(tmp_path)), "report", "-t", "bilan", "-f", "xlsx", "-o", str(output)
    )
    assert result.exit_code == ExitCode.USAGE
    assert "--template financeur" in result.stderr
    assert not output.exists()


def test_an_english_workbook(cli, tmp_path) -> None:
    output = tmp_path / "financeur-en.xlsx"
    args = ["-t", "financeur", "-f", "xlsx", "-o", str(output), "--date", "2026-11-30"]
    result = cli("-C", str(_folder(tmp_path)), "report", *args, "--langue", "en")
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(output).worksheets[0]
    assert sheet.title == "Targets and achievements"
    rows = _rows(sheet)
    pupils = rows["nb_eleves_accompagnes"]
    assert pupils["Indicator"] == "Number of pupils supported"  # the association's `en:`
    assert pupils["Baseline"] == 138
    assert pupils["2024–2025 school year — target"] == 150
    assert pupils["2024–2025 school year — achieved"] == 147
    assert pupils["Status"] == "behind"
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(2) if r[2].value == "taux_assiduite")
    assert row[header.index("Baseline")].number_format == '#,##0.0"%"'
    assert sheet.column_dimensions["D"].width == 48


def test_a_comparison_is_written_in_the_comment_with_its_source_and_year(cli, tmp_path) -> None:
    rate = _rows(_sheet(cli, tmp_path))["taux_reussite_diplome"]
    comment = str(rate["Commentaire"]).replace("\u202f", " ")
    assert comment == (
        "Comparaison : taux de réussite au brevet en France : 85,6 % (DEPP, Note "
        "d'information n° 25-09, 2023-2024, France, toutes séries, session 2024 du brevet), "
        "écart : −4,3 points"
    )
