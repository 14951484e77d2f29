"""A budget's figures: lines planned against actual, totals, balance, gaps, volunteering."""

from __future__ import annotations

import pytest

from utilsoc.model.money import Budget
from utilsoc.money.budget import budget_figures

BUDGET = {
    "intitulé": "Ateliers",
    "période": 2025,
    "seuil_écart": "15 %",
    "charges": [
        {"compte": 60, "prévu": "1 000", "réalisé": "1 200,50"},
        {"compte": 64, "prévu": 9000, "réalisé": 9000, "explication": None},
    ],
    "produits": [
        {"compte": 74, "financeur": "Ville de Brest", "prévu": 8000, "réalisé": 8000},
        {"compte": 75, "prévu": "2 000", "réalisé": "2 200,50"},
    ],
    "bénévolat": {
        "indicateur": "heures",
        "taux_horaire": "12,50",
        "justification": "SMIC",
        "heures_prévues": 100,
    },
}


def test_lines_totals_and_gaps() -> None:
    figures = budget_figures("b", Budget.model_validate(BUDGET), volunteer_hours=120)
    purchases = figures.section("charges")[0]
    assert purchases.label == "Achats"
    assert purchases.gap == pytest.approx(200.5)
    assert purchases.gap_share == pytest.approx(0.2005)
    assert purchases.significant
    assert purchases.unexplained
    assert not figures.section("charges")[1].significant
    assert figures.total("charges") == 10000
    assert figures.total("charges", actual=True) == pytest.approx(10200.5)
    assert figures.imbalance() == 0
    assert figures.imbalance(actual=True) == pytest.approx(0)
    # 100 h planned and 120 h done at 12,50 €, on both sides (864 and 870)
    assert (figures.in_kind(86), figures.in_kind(87)) == (1250, 1250)
    assert figures.in_kind(86, actual=True) == 1500
    # 75 moved by 10 % only; volunteering by 20 %, on both of its lines
    assert [line.account for line in figures.unexplained] == [60, 86, 87]


def test_an_actual_not_yet_known_leaves_the_actual_total_open() -> None:
    data = {**BUDGET, "charges": [{"compte": 60, "prévu": 10000}]}
    figures = budget_figures("b", Budget.model_validate(data))
    assert figures.total("charges", actual=True) is None
    assert figures.imbalance(actual=True) is None


def test_the_volunteering_explanation_explains_both_of_its_lines() -> None:
    volunteering = {**BUDGET["bénévolat"], "explication": "Un été plus actif que prévu."}
    data = {**BUDGET, "bénévolat": volunteering}
    figures = budget_figures("b", Budget.model_validate(data), volunteer_hours=120)
    assert [line.account for line in figures.unexplained] == [60]
    in_kind = figures.section("contributions")
    assert [line.explanation for line in in_kind] == ["Un été plus actif que prévu."] * 2
