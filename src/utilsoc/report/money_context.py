"""The value map in a report: the SROI template's data and the funder report's summary.

Every figure is computed by `utilsoc.money` (unrounded) and kept as a number: the
templates write the euros, rounded once. The computation is laid out step by step (each
outcome's impact, yearly values, discount factors and present values) so that an auditor
can redo it by hand.
"""

from __future__ import annotations

from typing import Any

from utilsoc.compute.merge import Measures
from utilsoc.compute.points import Series
from utilsoc.compute.series import build_all_series
from utilsoc.errors import DataErrors, UserError
from utilsoc.langue import N_, _
from utilsoc.model.load import Project
from utilsoc.model.periods import Period
from utilsoc.money.sensitivity import Swing, monte_carlo, swings
from utilsoc.money.sroi import Assumptions, Sroi, compute_sroi, outcome_value
from utilsoc.money.value_map import ValueInputs, value_inputs
from utilsoc.report.compte_rendu import choose_budget, compte_rendu_context
from utilsoc.report.money_output import MONEY_TEMPLATES

# How each assumption is named in a report, and how its values read.
PARAMETER_NAMES = {
    "deadweight": (N_("aubaine"), "pourcentage"),
    "displacement": (N_("déplacement"), "pourcentage"),
    "attribution": (N_("attribution"), "pourcentage"),
    "drop_off": (N_("érosion"), "pourcentage"),
    "proxy": (N_("proxy"), "montant"),
    "quantity": (N_("quantité"), "nombre"),
    "duration": (N_("durée"), "annees"),
    "rate": (N_("taux d'actualisation"), "pourcentage"),
}


def value_summary(project: Project, series: dict[str, Series]) -> dict[str, Any] | None:
    """The funder report's « Valeur sociale » section; None without a usable value map.

    Why None on a problem: the funder report is about indicators; the SROI report is the
    one that refuses a value map it cannot compute, with the located messages.
    """
    if project.valeur_sociale is None:
        return None
    inputs = value_inputs(project, series)
    if inputs.issues or not inputs.investment:
        return None
    result = compute_sroi(
        inputs.outcomes, inputs.investment, project.valeur_sociale.taux_actualisation
    )
    return {
        "periode": project.valeur_sociale.periode.label,
        "nom": project.valeur_sociale.periode.name,
        **_totals(result, inputs),
    }


def sroi_context(
    project: Project, series: dict[str, Series], indicators: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The SROI report's data: value map, computation, totals, sensitivity.

    Raises:
        UserError: no value map, or no investment.
        DataErrors: an outcome without a quantity, budget actuals incomplete.
    """
    value_map = project.valeur_sociale
    if value_map is None:
        raise UserError(
            "pas de carte de la valeur sociale : valeur-sociale.yaml n'existe pas",
            "créez-la comme le décrit docs/argent.md, puis relancez le rapport",
        )
    inputs = value_inputs(project, series)
    if inputs.issues:
        raise DataErrors(inputs.issues)
    rate = value_map.taux_actualisation
    result = compute_sroi(inputs.outcomes, inputs.investment or 0.0, rate)
    found = swings(inputs.outcomes, result.investment, rate, inputs.ranges)
    spread = monte_carlo(inputs.outcomes, result.investment, inputs.ranges, seed=value_map.graine)
    labels = {r.code: r.libelle for r in value_map.resultats}
    return {
        "periode": value_map.periode.label,
        "budget": value_map.budget,
        "taux": rate,
        "carte": _value_map(project, indicators, inputs),
        "calcul": [_steps(a, rate) for a in inputs.outcomes],
        "totaux": _totals(result, inputs),
        "sensibilite": [_swing(s, labels) for s in found],
        "monte_carlo": {
            "tirages": spread.draws,
            "graine": spread.seed,
            "p5": spread.p5,
            "p50": spread.p50,
            "p95": spread.p95,
        },
        "graphique": None,
    }


def _totals(result: Sroi, inputs: ValueInputs) -> dict[str, Any]:
    """PV, NPV, the ratios, payback, cost per beneficiary, public costs avoided."""
    people = inputs.beneficiaries
    return {
        "valeur_actuelle": result.present_value,
        "investissement": result.investment,
        "valeur_actuelle_nette": result.net_present_value,
        "ratio": result.ratio,
        "ratio_net": result.net_ratio,
        "impact_annuel": result.annual_impact,
        "retour_mois": result.payback_months,
        "beneficiaires": people,
        "cout_par_beneficiaire": result.investment / people if people else None,
        "couts_publics_evites": result.public_costs_avoided,
        "resultats_couts_publics": [o.code for o in result.outcomes if o.public_cost],
    }


def _value_map(
    project: Project, indicators: dict[str, dict[str, Any]], inputs: ValueInputs
) -> list[dict[str, Any]]:
    """One row per outcome: who, what, how many and from where, the proxy, the discounts."""
    assert project.valeur_sociale is not None
    quantities = {a.code: a.quantity for a in inputs.outcomes}
    rows = []
    for outcome in project.valeur_sociale.resultats:
        indicator = indicators.get(outcome.indicateur or "")
        if indicator is not None:
            origin = _("valeurs de « %(label)s » (%(code)s)") % {
                "label": indicator["libelle"],
                "code": outcome.indicateur,
            }
        else:
            origin = outcome.source_quantite or _("quantité déclarée, sans source")
        rows.append(
            {
                "code": outcome.code,
                "libelle": outcome.libelle,
                "partie_prenante": outcome.partie_prenante,
                "quantite": quantities[outcome.code],
                "origine_quantite": origin,
                "proxy": outcome.proxy.montant,
                "source_proxy": outcome.proxy.source,
                "annee_proxy": outcome.proxy.annee,
                "duree": outcome.duree,
                "aubaine": outcome.aubaine,
                "deplacement": outcome.deplacement,
                "attribution": outcome.attribution,
                "erosion": outcome.erosion,
                "cout_public_evite": outcome.cout_public_evite,
            }
        )
    return rows


def _steps(assumptions: Assumptions, rate: float) -> dict[str, Any]:
    """One outcome's computation: the impact's factors, then each year, discounted."""
    value = outcome_value(assumptions, rate)
    years = [
        {"annee": year, "valeur": v, "facteur": 1 / (1 + rate) ** year, "actualisee": pv}
        for year, (v, pv) in enumerate(zip(value.values, value.present_values, strict=True), 1)
    ]
    return {
        "code": assumptions.code,
        "quantite": assumptions.quantity,
        "proxy": assumptions.proxy,
        "aubaine": assumptions.deadweight,
        "deplacement": assumptions.displacement,
        "attribution": assumptions.attribution,
        "erosion": assumptions.drop_off,
        "impact": value.impact,
        "annees": years,
        "valeur_actuelle": value.present_value,
    }


def _swing(swing: Swing, labels: dict[str, str]) -> dict[str, Any]:
    """A row of the sensitivity table."""
    name, kind = PARAMETER_NAMES[swing.parameter]
    name = _(name)
    return {
        "hypothese": name if swing.outcome is None else f"{name} — {labels[swing.outcome]}",
        "genre": kind,
        "base": swing.base,
        "min": swing.low,
        "max": swing.high,
        "ratio_min": swing.ratio_low,
        "ratio_max": swing.ratio_high,
        "point_mort": swing.break_even,
    }


def money_period(
    project: Project, template: str, logframe: str | None, budget: str | None, asked: str | None
) -> Period | None:
    """The compte rendu's budget period, the SROI report's value map period (None else)."""
    if asked is not None:
        return None
    if template == "compte-rendu":
        return project.budgets[choose_budget(project, logframe, budget)].periode
    if template == "sroi" and project.valeur_sociale is not None:
        return project.valeur_sociale.periode
    return None


def add_money(
    context: dict[str, Any],
    project: Project,
    measures: Measures,
    template: str,
    logframe: str | None,
    budget: str | None,
) -> None:
    """The money sections of `context`: always the value summary, a money template's data."""
    context.update({"valeur_sociale": None, "compte_rendu": None, "sroi": None})
    if project.valeur_sociale is None and template not in MONEY_TEMPLATES:
        return
    assert project.referentiel is not None
    responses = measures.evidence.get("questionnaires", [])
    series = build_all_series(project.referentiel, measures.records, responses)
    indicators = context["indicateurs"]
    context["valeur_sociale"] = value_summary(project, series)
    if template == "compte-rendu":
        code = choose_budget(project, logframe, budget)
        context["compte_rendu"] = compte_rendu_context(project, series, code, indicators, logframe)
    elif template == "sroi":
        context["sroi"] = sroi_context(project, series, indicators)
