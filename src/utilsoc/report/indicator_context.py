"""One indicator in a report: definition, figures over the period, series, breakdowns, notes.

Plain data, computed by the same aggregation code as `status`; `context` gathers them.
"""

from __future__ import annotations

from typing import Any

from utilsoc.compute.convention import progress_over
from utilsoc.compute.explain import explain
from utilsoc.compute.points import Series
from utilsoc.compute.progress import Progress, trend
from utilsoc.compute.questionnaires import questionnaire_of
from utilsoc.compute.rhythm import rhythm_points
from utilsoc.compute.rollup import roll_up
from utilsoc.french import shared_decimals
from utilsoc.langue import _
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Dimension, Indicateur
from utilsoc.report.breakdowns import breakdown_context, crossing_context, unfilled_context
from utilsoc.report.comparisons import comparisons_context, word_gaps
from utilsoc.report.convention import years_context
from utilsoc.report.disclosure import mark_gap, target_revisions
from utilsoc.report.wording import ANSWERED, alert_text, explanation_text


def indicator_context(
    series: Series,
    period: Period,
    answered: bool = False,
    tracks: list[str] | None = None,
    dimensions: dict[str, Dimension] | None = None,
) -> dict[str, Any]:
    """One indicator: definition, baseline, target, achieved, gap, status, series, parts.

    `answered`: entry/exit pairs exist for it in `period` (the report shows their gains).
    `tracks`: the actions of the improvement tracks of `period` that name it.
    `dimensions`: the référentiel's, by code, to name and order the breakdowns.
    """
    dimensions = dimensions or {}
    state = progress_over(series, period)
    context = {
        **_definition(series.indicator),
        **_figures(series, period, state),
        "tendance": trend(series),
        "serie": _points(series, period),
        "courbe": _curve(series, period),
        "ventilation": breakdown_context(series, period, dimensions),
        "croisements": crossing_context(series, period, dimensions),
        "dimensions_vides": unfilled_context(series, period, dimensions),
        "calcul": _computed(series, period),
        "avertissements": [alert_text(alert, _names(dimensions)) for alert in series.alerts],
        "explication": _explanation(series, period, state, answered),
        "notes": _notes(series, period),  # `commentaire` joins both, once options are known
        "par_annee": years_context(series, period),
        "revisions": target_revisions(series.indicator, period),
        "pistes": list(tracks or []),
    }
    context["comparaisons"] = comparisons_context(series.indicator, context["realise"])
    context["decimales"] = _decimals(context)
    word_gaps(context)
    return mark_gap(context)


def _definition(indicator: Indicateur) -> dict[str, Any]:
    """What the référentiel says of the indicator, its baseline included."""
    return {
        "code": indicator.code,
        "libelle": indicator.libelle,
        "definition": indicator.definition,
        "type": indicator.type.value,
        "unite": "€" if indicator.type.value == "montant" else indicator.unite or "",
        "unite_pluriel": indicator.unite_pluriel,
        "sens": indicator.sens.value,
        "methode": indicator.methode.value,
        "source": indicator.source,
        "reference": _baseline(indicator),
    }


def _figures(series: Series, period: Period, state: Progress) -> dict[str, Any]:
    """Target, achieved (the latest text of a qualitative indicator), gap and status."""
    texts = [text for p, text in sorted(series.texts.items()) if period.overlaps(p)]
    gap = None if state.value is None or state.target is None else state.value - state.target
    return {
        "cible": _target(state, period),
        "realise": texts[-1] if texts else state.value,
        "ecart": gap,
        "progression": state.progress,
        "statut": state.status.value,
    }


def _decimals(indicator: dict[str, Any]) -> int:
    """The one precision of the indicator's figures in the report (see `shared_decimals`)."""
    values = [point["valeur"] for point in indicator["serie"]]
    values += [part["nombre"] for b in indicator["ventilation"] for part in b["parts"]]
    values += [comparison["valeur"] for comparison in indicator["comparaisons"]]
    for key in ("reference", "cible"):
        if indicator[key] is not None:
            values.append(indicator[key]["valeur"])
    if isinstance(indicator["realise"], int | float):
        values.append(indicator["realise"])
    return shared_decimals([float(v) for v in values], indicator["type"])


def _names(dimensions: dict[str, Dimension] | None) -> dict[str, str]:
    """The label of each dimension, by code (alerts name dimensions by their labels)."""
    return {code: d.nom for code, d in (dimensions or {}).items()}


def _target(state: Progress, period: Period) -> dict[str, Any] | None:
    if state.target is None:
        return None
    shown = state.target_period or period
    return {"valeur": state.target, "periode": shown.label}


def _points(series: Series, period: Period) -> list[dict[str, Any]]:
    """The recorded totals up to the end of `period`, for the chart and the table."""
    return [
        {"periode": p.name, "libelle": p.label, "court": p.short_label, "valeur": point.number}
        for p, point in series.totals.items()
        if point.number is not None and p.end <= period.end
    ]


def _curve(series: Series, period: Period) -> list[dict[str, Any]]:
    """The chart's points at the rhythm of the targets (see `compute.rhythm`)."""
    return [
        {
            "court": r.period.short_label,
            "valeur": r.value,
            "cible": r.target,
            "cumul": r.within.kind.value if r.within else None,
            "tranche": r.span.name if r.span else None,
        }
        for r in rhythm_points(series, period.end)
    ]


def _computed(series: Series, period: Period) -> dict[str, Any] | None:
    """How an indicator drawn from a questionnaire is computed, and from how many people."""
    calcul = series.indicator.calcul
    if calcul is None:
        return None
    point = roll_up(series, period)
    count = point.denominator if point.numerator is not None else point.weight
    return {
        "questionnaire": questionnaire_of(series.indicator),
        "mesure": calcul.mesure.value,
        "seuil": calcul.seuil,
        "participants": None if count is None else round(count),
    }


def _explanation(series: Series, period: Period, state: Progress, answered: bool) -> str | None:
    if answered and state.value is None and series.indicator.calcul is None:
        return _(ANSWERED)
    why = explain(series, period, state)
    return None if why is None else explanation_text(why)


def _notes(series: Series, period: Period) -> list[str]:
    """The notes of periods within `period`, each once, in the order of the periods."""
    inside = (notes for p, notes in sorted(series.notes.items()) if period.contains(p))
    return list(dict.fromkeys(note for notes in inside for note in notes))


def _baseline(indicator: Indicateur) -> dict[str, Any] | None:
    if indicator.reference is None:
        return None
    return {
        "valeur": indicator.reference.valeur,
        "periode": indicator.reference.periode.label,
        "source": indicator.reference.source,
    }
