"""The compte rendu financier (Cerfa n° 15059*02): a budget's figures, as a template shows them.

Three parts as on the form: the bilan qualitatif (taken from the logframe, its indicators
and the evidence, laid out by the template), the tableau de synthèse (each line planned
against actual, the gap in euros and in percent, the totals, 86 and 87), and the annexe
(each significant gap and its explanation, the indirect-cost rule, contributions in kind).
Numbers stay unrounded: the template writes the euros.
"""

from __future__ import annotations

from typing import Any

from utilsoc.compute.points import Series
from utilsoc.errors import UsageError
from utilsoc.langue import _
from utilsoc.model.load import Project
from utilsoc.model.money import Budget
from utilsoc.model.periods import format_day
from utilsoc.money.budget import ACCOUNTS, Figures, Line
from utilsoc.money.value_map import budget_with_hours
from utilsoc.report.sections import _cited


def choose_budget(project: Project, logframe: str | None, asked: str | None) -> str:
    """The budget asked for, else the only one that names the logframe.

    Raises:
        UsageError: an unknown budget, or none or several for the logframe.
    """
    codes = sorted(project.budgets)
    listed = "budgets : " + (", ".join(codes) or "aucun (voir docs/argent.md)")
    if asked is not None:
        if asked not in project.budgets:
            raise UsageError(f"budget inconnu : {asked}", listed)
        return asked
    named = [code for code in codes if project.budgets[code].cadre == logframe]
    if len(named) == 1:
        return named[0]
    reason = "aucun budget ne nomme" if not named else "plusieurs budgets nomment"
    raise UsageError(
        f"{reason} le cadre logique « {logframe} » : indiquez le budget avec --budget", listed
    )


def compte_rendu_context(
    project: Project,
    series: dict[str, Series],
    code: str,
    indicators: dict[str, dict[str, Any]],
    logframe: str | None,
) -> dict[str, Any]:
    """The compte rendu's data for budget `code`."""
    budget = project.budgets[code]
    figures = budget_with_hours(code, budget, series)
    return {
        "budget": code,
        "intitule": budget.intitule,
        "periode": {
            "libelle": budget.periode.label,
            "debut": format_day(budget.periode.start),
            "fin": format_day(budget.periode.end),
        },
        "seuil": budget.seuil_ecart,
        "charges": [_line(line) for line in figures.section("charges")],
        "produits": [_line(line) for line in figures.section("produits")],
        "contributions": [_line(line) for line in figures.section("contributions")],
        "totaux": _totals(figures),
        "benevolat": _volunteering(budget, figures),
        "charges_indirectes": _indirect_costs(budget),
        "ecarts_a_expliquer": [_line(line) for line in figures.unexplained],
        "ecarts_expliques": [
            _line(line) for line in figures.lines if line.significant and not line.unexplained
        ],
        "beneficiaires": _beneficiaries(project, code, logframe, indicators),
    }


def _volunteering(budget: Budget, figures: Figures) -> dict[str, Any] | None:
    """The hours done and planned, the hourly rate and where it comes from."""
    volunteering = budget.benevolat
    if volunteering is None:
        return None
    return {
        "heures": figures.volunteer_hours,
        "heures_prevues": volunteering.heures_prevues,
        "taux": volunteering.taux_horaire,
        "justification": volunteering.justification,
        "indicateur": volunteering.indicateur,
    }


def _indirect_costs(budget: Budget) -> dict[str, Any] | None:
    """The allocation rule of indirect costs and the accounts that carry them."""
    indirect = budget.charges_indirectes
    if indirect is None:
        return None
    return {
        "regle": indirect.regle,
        "comptes": [{"compte": c, "libelle": _(ACCOUNTS.get(c, str(c)))} for c in indirect.comptes],
    }


def _line(line: Line) -> dict[str, Any]:
    return {
        "compte": line.account,
        "libelle": _(line.label),  # the Cerfa's words translated; the association's kept
        "financeur": line.funder,
        "prevu": line.planned,
        "realise": line.actual,
        "ecart": line.gap,
        "ecart_part": line.gap_share,
        "significatif": line.significant,
        "a_expliquer": line.unexplained,
        "explication": line.explanation,
    }


def _totals(figures: Figures) -> dict[str, Any]:
    """Each section's total, 86 and 87, and the totals of the form (charges + 86 …)."""
    totals: dict[str, Any] = {}
    for when, actual in (("prevu", False), ("realise", True)):
        charges, products = figures.total("charges", actual), figures.total("produits", actual)
        uses, given = figures.in_kind(86, actual), figures.in_kind(87, actual)
        totals[when] = {
            "charges": charges,
            "produits": products,
            "emplois_86": uses,
            "contributions_87": given,
            "total_charges": None if charges is None or uses is None else charges + uses,
            "total_produits": None if products is None or given is None else products + given,
            "desequilibre": figures.imbalance(actual),
        }
    return totals


def _beneficiaries(
    project: Project, code: str, logframe: str | None, indicators: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Who benefited: the value map's indicator for this budget, else the logframe's outputs.

    Why the outputs (réalisations): they count who was reached and what was done, as
    the Cerfa's « nombre et type de bénéficiaires » asks.
    """
    value_map = project.valeur_sociale
    if value_map is not None and value_map.budget == code and value_map.beneficiaires:
        chosen = [value_map.beneficiaires]
    else:
        cadre = project.cadres.get(logframe) if logframe else None
        chosen = [] if cadre is None else _cited(cadre)
        chosen = [c for c in chosen if indicators.get(c, {}).get("niveau") == "réalisation"]
    return [indicators[c] for c in dict.fromkeys(chosen) if c in indicators]
