"""The value map read against the recorded values: quantities, investment, assumptions.

Each outcome's quantity is its indicator's value over the map's period, by the indicator's
roll-up rule (or the quantity declared, with its source); the investment is the budget's
actual charges and the uses in kind (86), volunteer time valued included, as the SROI
guide counts inputs (or the amount declared). A quantity that cannot be found is a
located problem, not a silent zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from utilsoc.codes import Code
from utilsoc.compute.points import Series
from utilsoc.compute.rollup import roll_up
from utilsoc.errors import Issue
from utilsoc.model.load import Project
from utilsoc.model.money import Budget, Resultat, ValeurSociale
from utilsoc.money.budget import Figures, budget_figures
from utilsoc.money.sensitivity import Ranges
from utilsoc.money.sroi import Assumptions

_ASSUMPTION_KEYS = {
    "aubaine": "deadweight",
    "deplacement": "displacement",
    "attribution": "attribution",
    "erosion": "drop_off",
    "proxy": "proxy",
    "quantite": "quantity",
    "duree": "duration",
}
_PERCENT_KEYS = ("aubaine", "deplacement", "attribution", "erosion")


@dataclass
class ValueInputs:
    """What the SROI computation needs, read from the files and the values."""

    outcomes: list[Assumptions] = field(default_factory=list)
    investment: float | None = None
    ranges: Ranges = field(default_factory=dict)
    beneficiaries: float | None = None
    budget: Figures | None = None
    issues: list[Issue] = field(default_factory=list)


def budget_with_hours(code: str, budget: Budget, series: dict[str, Series]) -> Figures:
    """The budget's figures, volunteer time taken from its indicator over the budget period."""
    hours = None
    if budget.benevolat is not None and budget.benevolat.indicateur in series:
        hours = roll_up(series[budget.benevolat.indicateur], budget.periode).number
    return budget_figures(code, budget, hours)


def value_inputs(project: Project, series: dict[str, Series]) -> ValueInputs:
    """The value map's outcomes, investment and ranges; problems as located issues."""
    value_map = project.valeur_sociale
    assert value_map is not None
    inputs = ValueInputs()
    for index, outcome in enumerate(value_map.resultats):
        quantity = _quantity(project, value_map, index, series, inputs)
        if quantity is None:
            continue
        inputs.outcomes.append(_assumptions(outcome.code, outcome, quantity))
        inputs.ranges.update(_ranges(outcome))
    _investment(project, value_map, series, inputs)
    if value_map.beneficiaires and value_map.beneficiaires in series:
        inputs.beneficiaries = roll_up(series[value_map.beneficiaires], value_map.periode).number
    return inputs


def _quantity(
    project: Project,
    value_map: ValeurSociale,
    index: int,
    series: dict[str, Series],
    inputs: ValueInputs,
) -> float | None:
    """The outcome's quantity over the map's period; None (with an issue) when it has none."""
    outcome = value_map.resultats[index]
    if outcome.indicateur is None or outcome.indicateur not in series:
        return outcome.quantite or 0.0
    quantity = roll_up(series[outcome.indicateur], value_map.periode).number
    if quantity is None:
        document = project.documents["valeur"]
        line, column = document.position(("resultats", index, "indicateur"))
        inputs.issues.append(
            Issue(
                document.file,
                line,
                column,
                Code.QUANTITE_MANQUANTE,
                f"« {outcome.indicateur} » n'a aucune valeur pour {value_map.periode.label} : "
                f"le résultat « {outcome.code} » n'a pas de quantité",
                "enregistrez ses valeurs de la période, ou déclarez quantité: avec "
                "source_quantité:",
            )
        )
    return quantity


def _ranges(outcome: Resultat) -> Ranges:
    """The outcome's declared sensitivity ranges (percentages as fractions)."""
    found: Ranges = {}
    for key, bounds in outcome.sensibilite.items():
        scale = 100 if key in _PERCENT_KEYS else 1
        found[(outcome.code, _ASSUMPTION_KEYS[key])] = (bounds.min / scale, bounds.max / scale)
    return found


def _assumptions(code: str, outcome: Resultat, quantity: float) -> Assumptions:
    return Assumptions(
        code,
        quantity,
        outcome.proxy.montant,
        outcome.duree,
        outcome.aubaine,
        outcome.deplacement,
        outcome.attribution,
        outcome.erosion,
        outcome.cout_public_evite,
    )


def _investment(
    project: Project, value_map: ValeurSociale, series: dict[str, Series], inputs: ValueInputs
) -> None:
    if value_map.budget is None or value_map.budget not in project.budgets:
        inputs.investment = value_map.investissement
        return
    figures = budget_with_hours(value_map.budget, project.budgets[value_map.budget], series)
    inputs.budget = figures
    charges, uses = figures.total("charges", actual=True), figures.in_kind(86, actual=True)
    if charges is None or uses is None:
        document = project.documents["valeur"]
        line, column = document.position(("budget",))
        inputs.issues.append(
            Issue(
                document.file,
                line,
                column,
                Code.INVESTISSEMENT_NUL,
                f"le réalisé du budget « {value_map.budget} » n'est pas encore complet",
                "renseignez réalisé: sur chaque ligne du budget (et les heures de bénévolat), "
                "ou déclarez investissement:",
            )
        )
        return
    inputs.investment = charges + uses
