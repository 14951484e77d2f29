"""`utilsoc status`: dashboard and JSON from real recorded files."""

from __future__ import annotations

import json

from utilsoc.numbers import format_amount, format_number, format_percent

CODE = "nb_personnes_accompagnees"


def test_status_json_lists_values_per_period_with_breakdown(cli, example) -> None:
    folder = example("vide")
    for args in (
        ["12", "-p", "2025", "--dim", "sexe=F"],
        ["20", "-p", "2025", "--dim", "sexe=H"],
        ["45", "-p", "2026"],
    ):
        assert cli("-C", str(folder), "record", "-a", "m", CODE, *args).exit_code == 0
    result = cli("-C", str(folder), "status", "--period", "2026", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    item = data["domaines"][0]["critères"][0]["indicateurs"][0]
    assert (item["code"], item["type"], item["unité"]) == (CODE, "nombre", "personnes")
    assert item["valeurs"] == {"2025": 32.0, "2026": 45.0}
    assert item["ventilation"] == {"2025": {"sexe=F": 12.0, "sexe=H": 20.0}}
    assert (item["cible"], item["progression"], item["statut"]) == (50.0, 0.9, "en retard")
    assert item["tendance"] == "↗"
    assert data["manquants"] == []


def test_status_table_and_missing_values(cli, example) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "status", "--period", "2025")
    assert result.exit_code == 0, result.stderr
    assert "COH — Cohésion sociale" in result.stdout
    assert "sans donnée" in result.stdout
    assert f"{CODE} 2025" in result.stdout


def test_french_number_formatting() -> None:
    assert format_number(1234.5) == "1\u202f234,5"
    assert format_number(1234567) == "1\u202f234\u202f567"
    assert format_number(-3.25) == "−3,25"
    assert format_percent(12) == "12\u202f%"
    assert format_amount(1234.5) == "1\u202f234,50\u202f€"
