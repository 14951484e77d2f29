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
