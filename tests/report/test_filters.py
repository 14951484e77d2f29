"""The French of a report: units by the count, labels, signs, one precision, euros, roles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from utilsoc.report.filters import format_headline, format_value

INDICATORS = """\
          - code: projets
            libellé: Nombre de projets nés
            type: nombre
            unité: projets
            référence: {valeur: 1, période: 2025}
            cibles: [{période: 2026, valeur: 3}]
          - code: travaux
            libellé: Travaux menés
            type: nombre
            unité: travail
            unité_pluriel: travaux
          - code: budget
            libellé: Valorisation du bénévolat
            type: montant
            cibles: [{période: 2026, valeur: 5000}]
          - code: part
            libellé: Part des inscrits venus
            type: taux
            unité: "%"
            cibles: [{période: 2026, valeur: 80}]
          - code: comite
            libellé: Comité réuni
            type: oui_non
            cibles: [{période: 2026, valeur: 1}]
"""
RECORDS = [
    ("projets", "1", "-p", "2025"),
    ("projets", "1", "-p", "2026"),
    ("travaux", "3", "-p", "2025"),
    ("travaux", "1", "-p", "2026"),
    ("budget", "5420,35", "-p", "2026"),
    ("comite", "non", "-p", "2026"),
    ("nb_personnes_accompagnees", "12", "-p", "2026", "--dim", "sexe=F"),
    ("nb_personnes_accompagnees", "20", "-p", "2026", "--dim", "sexe=H"),
]
RATE = """\
valeurs:
  - {indicateur: part, période: 2026, numérateur: 37, dénominateur: 94, auteur: m, date: 2026-11-30}
"""
QUOTES = [("habitante", "Simone"), ("parent", "M. K.")]


@pytest.fixture
def folder(cli, example) -> Path:
    folder = example("vide", INDICATORS)
    referentiel = folder / "referentiel.yaml"
    text = referentiel.read_text(encoding="utf-8").replace("nom: Sexe\n", "nom: Genre déclaré\n")
    referentiel.write_text(text, encoding="utf-8")
    for record in RECORDS:
        result = cli("-C", str(folder), "record", *record, "-a", "m", "--date", "2026-11-30")
        assert result.exit_code == 0, result.stderr
    (folder / "mesures" / "2026" / "tableur.yaml").write_text(RATE, encoding="utf-8")
    for role, pseudonym in QUOTES:
        result = cli(
            "-C", str(folder), "evidence", "verbatim", "Merci !", "-p", "2026", "--role", role,
            "--pseudo", pseudonym, "--consent", "-a", "m", "--date", "2026-11-30",
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
    return folder


def _report(cli, folder: Path, fmt: str, template: str = "bilan") -> str:
    output = folder / f"{template}.{fmt}"
    args = ("report", "-t", template, "-p", "2026", "-f", fmt, "-o", str(output))
    result = cli("-C", str(folder), *args)
    assert result.exit_code == 0, result.stderr
    return output.read_text(encoding="utf-8")


def _row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip("|").split(" | ")]


def test_units_agree_with_their_count(cli, folder: Path) -> None:
    text = _report(cli, folder, "md")
    assert _row(text, "Nombre de projets nés")[1:4] == [
        "1 projet (année 2025)",
        "3 projets (année 2026)",
        "1 projet",
    ]
    assert _row(text, "Travaux menés")[3] == "1 travail"
    assert "2025\xa0: 3 travaux\u202f; 2026\xa0: 1 travail" in text  # the chart's text
    assert " 1 projets" not in text
    assert " 1 travaux" not in text


def test_labels_not_codes_and_evolution_takes_its_article(cli, folder: Path) -> None:
    text = _report(cli, folder, "md")
    assert "Évolution du nombre de projets nés\xa0:" in text
    assert "Évolution de Nombre" not in text
    assert "par genre déclaré (année 2026)" in text  # the breakdown chart's title
    assert not re.search(r"par sexe\b", text)
    html = _report(cli, folder, "html")
    assert "<caption>Évolution du nombre de projets nés</caption>" in html


def test_gaps_are_signed_money_shows_euros_and_each_indicator_keeps_one_precision(
    cli, folder: Path
) -> None:
    text = _report(cli, folder, "md")
    budget = _row(text, "Valorisation du bénévolat")
    assert budget[2:5] == [
        "5\u202f000,00\u202f€ (année 2026)",
        "5\u202f420,35\u202f€",
        "+420,35\u202f€",
    ]
    assert _row(text, "Nombre de projets nés")[4] == "−2"
    part = _row(text, "Part des inscrits venus")
    assert part[2:5] == ["80,0\u202f% (année 2026)", "39,4\u202f%", "−40,6"]
    chart = next(line for line in text.splitlines() if line.startswith("![Part des inscrits"))
    assert re.findall(r"\d[\d,]*\u202f%", chart) == ["39,4\u202f%", "80,0\u202f%"]
    assert "-" not in "".join(part[1:5])  # the real minus sign, never a hyphen
    assert _row(text, "Comité réuni")[2:5] == ["oui (année 2026)", "non", "—"]  # no gap


def test_quoted_people_read_as_habitant_e_and_parent(cli, folder: Path) -> None:
    html = _report(cli, folder, "html", "financeur")
    assert "— Simone, habitant·e, année 2026" in html
    assert "— M. K., parent, année 2026" in html


def test_both_formats_get_french_spaces(cli, folder: Path) -> None:
    html = _report(cli, folder, "html", "financeur")
    assert "<p>Période\xa0: année 2026</p>" in html
    assert "<p>«\xa0Merci\u202f!\xa0»</p>" in html
    markdown = _report(cli, folder, "md", "financeur")
    assert "> «\xa0Merci\u202f!\xa0»" in markdown
    assert "| --- | ---: | ---: | ---: | ---: | --- | --- |" in markdown


def test_values_read_as_their_type() -> None:
    indicator = {"type": "montant", "unite": "€"}
    assert format_value(1234.5, indicator) == "1\u202f234,50\u202f€"
    assert format_value(1234.5, {**indicator, "decimales": 0}) == "1\u202f234\u202f€"
    assert format_value(82.5, {"type": "taux", "unite": "%"}) == "82,5\u202f%"
    assert format_value(82.5, {"type": "taux", "unite": "%", "decimales": 2}) == "82,50\u202f%"
    assert format_value(3.0, {"type": "taux", "unite": "pour mille"}) == "3 pour mille"
    assert format_value(1, {"type": "oui_non", "unite": ""}) == "oui"
    assert format_value(0.2, {"type": "oui_non", "unite": ""}) == "non"
    assert format_value("en cours", indicator) == "en cours"
    assert format_value(None, indicator) == "—"


def test_headline_figures_are_rounded_without_cents() -> None:
    def indicator(kind: str, unit: str = "") -> dict[str, str]:
        return {"type": kind, "unite": unit}

    nbsp = "\u202f"
    assert format_headline(5420.35, indicator("montant", "€")) == f"5{nbsp}420{nbsp}€"
    assert format_value(5420.35, indicator("montant", "€")) == f"5{nbsp}420,35{nbsp}€"
    assert format_headline(37.24, indicator("taux", "%")) == f"37{nbsp}%"
    assert format_headline(139.4, indicator("nombre", "élèves")) == "139 élèves"
    assert format_headline(3.44, indicator("score", "points")) == "3,4 points"
    assert format_headline(None, indicator("nombre")) == "—"
    assert format_headline(1.0, indicator("oui_non")) == "oui"


def test_a_headline_drops_the_reports_precision() -> None:
    nbsp = "\u202f"
    shown_with_one_decimal = {"type": "taux", "unite": "%", "decimales": 1}
    assert format_headline(5.73, shown_with_one_decimal) == f"6{nbsp}%"
    tasks = {"type": "nombre", "unite": "tâches sur 12", "decimales": 2}
    assert format_headline(5.9, tasks) == "5,9 tâches sur 12"
