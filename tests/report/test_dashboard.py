"""`utilsoc status`: dashboard and JSON from real recorded files."""

from __future__ import annotations

import json

from utilsoc.french import format_amount, format_number, format_percent

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
    assert item["référence"] == {"valeur": 0.0, "période": "2025"}
    assert item["cibles"] == {"2026": 50.0}


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


def _add_to_referentiel(folder, old: str, new: str) -> None:
    referentiel = folder / "referentiel.yaml"
    text = referentiel.read_text(encoding="utf-8")
    assert old in text
    referentiel.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_status_with_a_period_judges_each_indicator_over_it(cli, example) -> None:
    folder = example("vide")
    _add_to_referentiel(
        folder,
        "            cibles:\n",
        "            cibles:\n              - période: 2025\n                valeur: 40\n",
    )
    for args in (["32", "-p", "2025"], ["45", "-p", "2026"]):
        assert cli("-C", str(folder), "record", "-a", "m", CODE, *args).exit_code == 0

    latest = json.loads(cli("-C", str(folder), "status", "-f", "json").stdout)
    item = latest["domaines"][0]["critères"][0]["indicateurs"][0]
    assert latest["période_choisie"] is False
    assert (item["période_cible"], item["valeur_cible_période"]) == ("2026", 45.0)

    result = cli("-C", str(folder), "status", "--period", "2025", "-f", "json")
    assert result.exit_code == 0, result.stderr
    chosen = json.loads(result.stdout)
    item = chosen["domaines"][0]["critères"][0]["indicateurs"][0]
    assert chosen["période_choisie"] is True
    assert (item["période_cible"], item["valeur_cible_période"]) == ("2025", 32.0)
    assert (item["cible"], item["progression"], item["statut"]) == (40.0, 0.8, "en retard")
    assert item["dernière_valeur"] == 45.0  # the latest value is still given

    table = cli("-C", str(folder), "status", "--period", "2025").stdout
    assert "valeur 2025" in table
    assert "80 %" in table


def test_status_shows_a_recorded_text_as_data_without_target(cli, example) -> None:
    folder = example(
        "vide",
        "          - code: paroles\n"
        "            libellé: Ce que disent les personnes\n"
        "            type: qualitatif\n"
        "            fréquence: annuelle\n"
        "            méthode: entretien\n",
    )
    before = json.loads(cli("-C", str(folder), "status", "-f", "json").stdout)
    assert before["domaines"][0]["critères"][0]["indicateurs"][1]["statut"] == "sans donnée"
    text = "Je sors davantage de chez moi"
    recorded = cli("-C", str(folder), "record", "-a", "m", "paroles", text, "-p", "2025")
    assert recorded.exit_code == 0, recorded.stderr
    after = json.loads(cli("-C", str(folder), "status", "-f", "json").stdout)
    item = after["domaines"][0]["critères"][0]["indicateurs"][1]
    assert (item["statut"], item["dernier_texte"], item["période_du_texte"]) == (
        "sans cible",
        text,
        "2025",
    )
    assert "« Je sors davantage" in cli("-C", str(folder), "status").stdout
    other = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    assert other["domaines"][0]["critères"][0]["indicateurs"][1]["statut"] == "sans donnée"
    assert other["domaines"][0]["critères"][0]["indicateurs"][1]["dernier_texte"] is None

    later = "Je vais au club le mardi"
    recorded = cli("-C", str(folder), "record", "-a", "m", "paroles", later, "-p", "2026")
    assert recorded.exit_code == 0, recorded.stderr
    for period, shown in (("2025", text), ("2026", later)):
        data = json.loads(cli("-C", str(folder), "status", "-p", period, "-f", "json").stdout)
        item = data["domaines"][0]["critères"][0]["indicateurs"][1]
        assert (item["dernier_texte"], item["période_du_texte"]) == (shown, period)
    table = cli("-C", str(folder), "status", "-p", "2025").stdout
    assert "« Je sors" in table
    assert "le mardi" not in table


def test_status_warns_of_percentages_per_site_without_a_total(cli, example) -> None:
    folder = example(
        "vide",
        "          - code: taux_sortie\n"
        "            libellé: Taux de sorties positives\n"
        "            type: taux\n"
        "            dimensions: [sexe]\n"
        "            méthode: registre\n",
    )
    # `record` asks a rate's two terms; a spreadsheet import may still bring percentages.
    (folder / "mesures" / "2025").mkdir(parents=True)
    (folder / "mesures" / "2025" / "m.yaml").write_text(
        "valeurs:\n"
        + "".join(
            f"  - {{indicateur: taux_sortie, période: 2025, valeur: {value}, "
            f"dimensions: {{sexe: {sex}}}, auteur: m, date: 2025-12-01}}\n"
            for value, sex in (("60", "F"), ("20", "H"))
        ),
        encoding="utf-8",
    )
    assert cli("-C", str(folder), "validate").exit_code == 0
    data = json.loads(cli("-C", str(folder), "status", "-f", "json").stdout)
    item = data["domaines"][0]["critères"][0]["indicateurs"][1]
    assert (item["valeurs"], item["statut"]) == ({}, "sans donnée")
    assert item["ventilation"] == {"2025": {"sexe=F": 60.0, "sexe=H": 20.0}}
    assert item["avertissements"][0].startswith("2025 : pas de total, les parts sont des")
    table = cli("-C", str(folder), "status").stdout
    assert "Attention taux_sortie 2025 : pas de total" in table
    other = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    assert other["domaines"][0]["critères"][0]["indicateurs"][1]["avertissements"] == []


HOURS = (
    "          - code: heures\n            libellé: Heures d'accompagnement\n"
    "            type: nombre\n            fréquence: trimestrielle\n"
    "            méthode: registre\n"
    "            cibles:\n              - {période: 2026, valeur: 400}\n"
)


def test_status_shows_the_figure_its_status_is_judged_on(cli, example) -> None:
    folder = example("vide", HOURS)
    for value, quarter in (("100", "2026-T1"), ("120", "2026-T2"), ("130", "2026-T3")):
        recorded = cli("-C", str(folder), "record", "-a", "m", "heures", value, "-p", quarter)
        assert recorded.exit_code == 0, recorded.stderr
    data = json.loads(cli("-C", str(folder), "status", "-f", "json").stdout)
    item = data["domaines"][0]["critères"][0]["indicateurs"][-1]
    assert (item["valeur_jugée"], item["période_jugée"], item["cible"]) == (350.0, "2026", 400.0)
    row = next(
        line for line in cli("-C", str(folder), "status").stdout.splitlines() if "Heures" in line
    )
    assert "350 (2026)" in row
    assert "130" not in row  # the last quarter is not shown beside the yearly target


def test_status_lists_declared_dimensions_never_filled(cli, example) -> None:
    folder = example("vide")
    args = ("record", "-a", "m", "nb_personnes_accompagnees", "12", "-p", "2026")
    assert cli("-C", str(folder), *args).exit_code == 0
    data = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    assert data["ventilations_manquantes"] == [
        {"indicateur": "nb_personnes_accompagnees", "dimensions": ["sexe"]}
    ]
    assert "Ventilations jamais renseignées (2026) : nb_personnes_accompagnees (sexe)" in (
        cli("-C", str(folder), "status", "-p", "2026").stdout
    )
    by_sex = ("record", "-a", "m", "nb_personnes_accompagnees", "5", "-p", "2026", "--dim")
    assert cli("-C", str(folder), *by_sex, "sexe=F").exit_code == 0
    data = json.loads(cli("-C", str(folder), "status", "-p", "2026", "-f", "json").stdout)
    assert data["ventilations_manquantes"] == []


def test_the_shown_value_is_the_text_the_chosen_period_the_judged_or_the_latest() -> None:
    from utilsoc.report.dashboard import shown_value

    item = {
        "dernier_texte": None,
        "période_du_texte": None,
        "valeur_cible_période": 30.0,
        "valeur_jugée": 30.0,
        "période_jugée": "2026",
        "cible": 50.0,
        "dernière_valeur": 12.0,
        "dernière_période": "2026-T4",
    }
    assert shown_value(item, chosen=True) == (30.0, "2026")
    assert shown_value(item, chosen=False) == (30.0, "2026")
    assert shown_value({**item, "cible": None}, chosen=False) == (12.0, "2026-T4")
    told = {**item, "dernier_texte": "ouvert", "période_du_texte": "2026"}
    assert shown_value(told, chosen=False) == ("ouvert", "2026")
