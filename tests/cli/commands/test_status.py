"""`utilsoc status` in the terminal: one table per domain, then what is missing or wrong."""

from __future__ import annotations

import json

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"


def _table_row(text: str, start: str) -> list[str]:
    row = next(line for line in text.splitlines() if line.startswith(f"│ {start}"))
    return [cell.strip() for cell in row.strip("│").split("│")]


def test_the_table_shows_the_latest_value_or_the_one_of_the_period(cli, example) -> None:
    folder = example("vide")
    record = ("-C", str(folder), "record", "-a", "m", "--date", "2025-12-01", CODE)
    assert cli(*record, "41", "-p", "2025").exit_code == 0
    latest = cli("-C", str(folder), "status", "-p", "2026").stdout
    assert "┃ valeur 2026 " in latest
    assert _table_row(latest, "Nombre")[1:4] == ["—", "50 (2026)", "—"]
    assert "Valeurs manquantes" not in latest  # 2026 is not over: nothing is missing yet
    past = cli("-C", str(folder), "status", "-p", "2024").stdout
    assert f"Valeurs manquantes (2024) : {CODE} 2024" in past
    assert cli(*record, "40", "-p", "2026").exit_code == 0
    reached = cli("-C", str(folder), "status", "-p", "2026").stdout
    assert _table_row(reached, "Nombre")[1:4] == ["40", "50 (2026)", "80 %"]
    assert "Valeurs manquantes" not in reached
    default = cli("-C", str(folder), "status").stdout
    assert "┃ valeur " in default


def test_text_and_json_come_from_the_same_figures(cli, example) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", "-a", "m", CODE, "45", "-p", "2026").exit_code == 0
    data = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    [item] = [i for d in data["domaines"] for c in d["critères"] for i in c["indicateurs"]]
    row = _table_row(cli("-C", str(folder), "status", "-p", "2026").stdout, "Nombre")
    assert row[3:5] == [f"{item['progression'] * 100:.0f} %", item["statut"]]


def test_json_progress_is_not_rounded_while_the_table_rounds_it(cli, example) -> None:
    folder = example("vide")
    record = ("-C", str(folder), "record", "-a", "m", CODE, "33.33333", "-p", "2026")
    assert cli(*record).exit_code == 0
    data = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    [item] = [i for d in data["domaines"] for c in d["critères"] for i in c["indicateurs"]]
    assert item["progression"] == 33.33333 / 50  # from a baseline of 0 to a target of 50
    assert round(item["progression"], 4) != item["progression"]
    row = _table_row(cli("-C", str(folder), "status", "-p", "2026").stdout, "Nombre")
    assert row[3] == "67 %"


def test_a_period_that_does_not_exist_is_a_usage_error(cli, example) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "status", "-p", "2026-S3")
    assert result.exit_code == ExitCode.USAGE
    assert "période « 2026-S3 » non reconnue" in result.stderr
    assert result.stdout == ""


def _workbook_rows(path) -> tuple[object, dict[str, dict[str, object]]]:
    import openpyxl

    sheet = openpyxl.load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    rows = {
        row[2]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)
    }
    return sheet, rows


def test_the_workbook_holds_the_same_facts_as_the_json(cli, example) -> None:
    folder = example("vide")
    record = ("-C", str(folder), "record", "-a", "m", CODE)
    assert cli(*record, "32", "-p", "2025").exit_code == 0
    assert cli(*record, "45", "-p", "2026").exit_code == 0
    result = cli("-C", str(folder), "status", "-p", "2026", "-f", "xlsx", "-o", "etat.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "tableau de bord écrit : asso/etat.xlsx" in result.stdout
    data = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    [item] = [i for d in data["domaines"] for c in d["critères"] for i in c["indicateurs"]]
    sheet, rows = _workbook_rows(folder / "etat.xlsx")
    row = rows[CODE]
    assert row["Indicateur"] == item["libellé"] == "Nombre de personnes accompagnées"
    assert (row["Domaine"], row["Unité"], row["Référence"]) == (
        "COH — Cohésion sociale",
        "personnes",
        0,
    )
    assert (row["2025 — réalisé"], row["2025 — cible"]) == (32, None)
    assert (row["2026 — réalisé"], row["2026 — cible"]) == (45, 50)
    assert (row["Valeur"], row["Période de la valeur"]) == (45, "2026")
    assert (row["Cible"], row["Période de la cible"]) == (item["cible"], item["période_cible"])
    assert (row["Progression"], row["Statut"]) == (item["progression"], item["statut"])
    assert row["Tendance"] == item["tendance"]
    assert len(rows) == sheet.max_row - 1 == 1


def test_the_workbook_has_a_frozen_header_and_french_number_formats(cli, example) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", "-a", "m", CODE, "45.5", "-p", "2026").exit_code == 0
    output = folder / "rapports" / "etat.xlsx"
    result = cli("-C", str(folder), "status", "-f", "xlsx", "-o", "rapports/etat.xlsx")
    assert result.exit_code == 0, result.stderr
    sheet, _ = _workbook_rows(output)
    assert (sheet.title, sheet.freeze_panes) == ("Tableau de bord", "E2")
    assert sheet["A1"].font.bold
    header = [cell.value for cell in sheet[1]]
    row = sheet[2]
    assert row[header.index("2026 — réalisé")].number_format == "#,##0.0"
    assert row[header.index("Cible")].number_format == "#,##0.0"
    assert row[header.index("Progression")].number_format == "0%"
    assert row[header.index("Statut")].number_format == "General"


def test_the_workbook_follows_the_output_rules_of_report(cli, example) -> None:
    folder = example("vide")
    status = ("-C", str(folder), "status", "-f", "xlsx")
    referentiel = (folder / "referentiel.yaml").read_bytes()
    refused = cli(*status, "-o", "referentiel.yaml", "--force")
    assert refused.exit_code == ExitCode.USAGE
    assert "fait partie des données de l'association" in refused.stderr
    assert (folder / "referentiel.yaml").read_bytes() == referentiel
    (folder / "etat.xlsx").write_bytes(b"le classeur de quelqu'un")
    kept = cli(*status, "-o", "etat.xlsx")
    assert kept.exit_code == ExitCode.USAGE
    assert "--force" in kept.stderr
    assert (folder / "etat.xlsx").read_bytes() == b"le classeur de quelqu'un"
    assert cli(*status, "-o", "etat.xlsx", "--force").exit_code == 0
    assert cli(*status, "-o", "etat.xlsx").exit_code == 0  # its own output, unchanged since
    _, rows = _workbook_rows(folder / "etat.xlsx")
    assert CODE in rows


def test_xlsx_needs_an_output_and_an_output_needs_xlsx(cli, example) -> None:
    folder = example("vide")
    alone = cli("-C", str(folder), "status", "-f", "xlsx")
    assert alone.exit_code == ExitCode.USAGE
    assert "le format xlsx s'écrit dans un fichier" in alone.stderr
    stray = cli("-C", str(folder), "status", "-f", "json", "-o", "etat.json")
    assert stray.exit_code == ExitCode.USAGE
    assert "-o s'emploie avec --format xlsx" in stray.stderr
    assert not (folder / "etat.json").exists()
