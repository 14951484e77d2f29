"""The value map read against recorded values: quantities, investment, ranges."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.compute.series import build_all_series
from utilsoc.folder import load_folder
from utilsoc.money.sroi import compute_sroi
from utilsoc.money.value_map import value_inputs
from utilsoc.project import Layout

BUDGET = """\
intitulé: Accueil
période: 2025
charges:
  - {compte: 60, prévu: 1000, réalisé: 1200}
  - {compte: 64, prévu: 9000, réalisé: 8800}
produits:
  - {compte: 74, financeur: Nom du financeur, cadre: financeur, prévu: 10000, réalisé: 10000}
"""
MAP = """\
période: 2025
budget: accueil
résultats:
  - code: moins_isoles
    libellé: Moins d'isolement
    indicateur: nb_personnes_accompagnees
    proxy: {montant: 1000, source: "Étude", année: 2023}
    durée: 1
    aubaine: 20 %
    sensibilité:
      aubaine: {min: 10, max: 40}
  - code: declare
    libellé: Déclaré
    quantité: 5
    source_quantité: Enquête
    proxy: {montant: 200, source: "Barème"}
    durée: 1
"""


def _folder(example, values: str) -> Path:  # noqa: ANN001
    folder = example("vide")
    (folder / "cadres-logiques" / "financeur.yaml").write_text(
        (folder / "cadres-logiques" / "financeur.yaml")
        .read_text(encoding="utf-8")
        .replace("période: 2026", "période: 2025"),
        encoding="utf-8",
    )
    (folder / "budgets").mkdir()
    (folder / "budgets" / "accueil.yaml").write_text(BUDGET, encoding="utf-8")
    (folder / "valeur-sociale.yaml").write_text(MAP, encoding="utf-8")
    (folder / "mesures" / "2025").mkdir(parents=True)
    (folder / "mesures" / "2025" / "lou.yaml").write_text("valeurs:\n" + values, encoding="utf-8")
    return folder


def _inputs(folder: Path):  # noqa: ANN202
    loaded = load_folder(Layout(folder))
    assert loaded.outcome.errors == []
    project = loaded.project
    assert project.referentiel is not None
    series = build_all_series(project.referentiel, loaded.measures.records)
    return value_inputs(project, series)


def test_quantities_come_from_the_values_and_the_investment_from_the_budget(example) -> None:  # noqa: ANN001
    folder = _folder(
        example,
        "  - {indicateur: nb_personnes_accompagnees, période: 2025, "
        "valeur: 12, auteur: lou, date: 2025-12-31}\n",
    )
    inputs = _inputs(folder)
    assert inputs.issues == []
    assert [(o.code, o.quantity) for o in inputs.outcomes] == [("moins_isoles", 12), ("declare", 5)]
    assert inputs.investment == 10000  # actual charges: 1 200 + 8 800
    assert inputs.ranges == {("moins_isoles", "deadweight"): (0.1, 0.4)}
    result = compute_sroi(inputs.outcomes, inputs.investment, 0.035)
    # (12 × 1 000 × 0,8 + 5 × 200) / 1,035 = 10 241,55 €
    assert result.present_value == pytest.approx(10241.55, abs=0.005)


def test_an_outcome_without_values_for_the_period_is_located(example) -> None:  # noqa: ANN001
    folder = _folder(
        example,
        "  - {indicateur: nb_personnes_accompagnees, période: 2024, "
        "valeur: 12, auteur: lou, date: 2024-12-31}\n",
    )
    (issue,) = _inputs(folder).issues
    assert issue.file.endswith("asso/valeur-sociale.yaml")
    assert issue.line == 6
    assert "n'a aucune valeur pour année 2025" in issue.message
