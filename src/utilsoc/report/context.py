"""The data every report template receives: plain dicts and lists, already computed.

Templates only lay out; every figure (achieved value, gap, status, gains) is computed here,
once, by the same aggregation code as `status`, so a report and the dashboard agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from utilsoc.compute.convention import progress_over, years_of
from utilsoc.compute.explain import explain
from utilsoc.compute.merge import Measures
from utilsoc.compute.points import Series
from utilsoc.compute.progress import Progress, trend
from utilsoc.compute.questionnaires import pair_answers, questionnaire_of
from utilsoc.compute.rhythm import rhythm_points
from utilsoc.compute.rollup import roll_up
from utilsoc.compute.series import build_all_series
from utilsoc.french import shared_decimals
from utilsoc.model.load import Project
from utilsoc.model.periods import Period, format_day
from utilsoc.model.referentiel import Dimension, Indicateur
from utilsoc.report.breakdowns import breakdown_context, crossing_context, unfilled_context
from utilsoc.report.convention import years_context
from utilsoc.report.disclosure import mark_gap, target_revisions, tracks_about
from utilsoc.report.evidence_context import evidence_context, gains_context
from utilsoc.report.method import (
    audience_context,
    method_fields,
    publics_context,
    results_chain,
)
from utilsoc.report.provenance import Provenance
from utilsoc.report.review import action_plan, judgements
from utilsoc.report.sections import (
    domains_context,
    logframe_context,
    self_assessment_context,
    self_assessment_meeting,
)
from utilsoc.report.wording import ANSWERED, alert_text, explanation_text


@dataclass(frozen=True)
class Options:
    """What the user asked for."""

    template: str
    period: Period
    logframe: str | None
    date: dt.date
    audience: str | None = None


def build_context(
    project: Project,
    measures: Measures,
    evidence: dict[str, list[Any]],
    options: Options,
    provenance: Provenance,
) -> dict[str, Any]:
    """Everything a template may show, as plain data."""
    referentiel = project.referentiel
    association = project.association
    assert referentiel is not None
    assert association is not None
    responses = evidence.get("questionnaires", [])
    all_series = build_all_series(referentiel, measures.records, responses)
    answered = {  # scores whose entry/exit gains the report shows (pairs in the period)
        code
        for code in {r.indicateur for r in responses}
        if pair_answers(responses, code, options.period).pairs
    }
    tracks = evidence.get("pistes_amelioration", [])
    gains = gains_context(referentiel, responses, options.period)
    pairs = {g["code"]: g["participants"] for g in gains}
    labels = {code: i.libelle for code, i in referentiel.indicators().items()}
    dimensions = {d.code: d for d in referentiel.dimensions}
    indicators = {
        code: indicator_context(
            series,
            options.period,
            code in answered,
            tracks_about(code, tracks, options.period),
            dimensions,
        )
        | method_fields(series, options.period, pairs.get(code), labels)
        for code, series in all_series.items()
    }
    period = options.period
    cadre = logframe_context(project, options.logframe, indicators)
    domains = domains_context(referentiel, indicators, evidence, period)
    answers = judgements(evidence, period)
    for domain in domains:
        for criterion in domain["criteres"]:
            criterion["jugement"] = answers.get(criterion["code"])
    return {
        "rapport": _about(options, provenance, referentiel.version),
        "association": association.model_dump(mode="json"),
        "domaines": domains,
        "indicateurs": indicators,
        "cadre": cadre,
        "chaine_resultats": results_chain(
            indicators[i.code] for _, i in referentiel.iter_indicators()
        ),
        "publics": publics_context(project),
        "audience": audience_context(project, options.audience),
        "preuves": evidence_context(evidence, period, options.logframe),
        "plan_action": action_plan(evidence, period, options.logframe),
        "gains": gains,
        "auto_evaluation": self_assessment_context(referentiel, indicators),
        "seance_auto_evaluation": self_assessment_meeting(referentiel),
        "lacunes": _gaps(
            all_series, period, {r.indicateur for r in responses if period.overlaps(r.periode)}
        ),
        "ventilations_manquantes": [
            {"code": i["code"], "libelle": i["libelle"], "dimensions": i["dimensions_vides"]}
            for i in indicators.values()
            if i["dimensions_vides"]
        ],
        "chiffres_cles": [
            indicators[c] for c in association.identite.indicateurs_cles if c in indicators
        ],
    }


def _about(options: Options, provenance: Provenance, version: str | None) -> dict[str, Any]:
    """The report itself: template, period, date, where its data comes from."""
    period = options.period
    return {
        "modele": options.template,
        "periode": {
            "nom": period.name,
            "libelle": period.label,
            "debut": format_day(period.start),
            "fin": format_day(period.end),
        },
        "date": format_day(options.date),
        "date_donnees": options.date.isoformat(),
        "provenance": provenance.texte,
        "commit": provenance.commit,
        "modifie": provenance.modifie,
        "version_utilsoc": provenance.version,
        "version_referentiel": version,
        "annees": [{"nom": y.name, "libelle": y.label} for y in years_of(period)],
    }


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
    indicator = series.indicator
    state = progress_over(series, period)
    texts = [text for p, text in sorted(series.texts.items()) if period.overlaps(p)]
    gap = None if state.value is None or state.target is None else state.value - state.target
    context = {
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
        "cible": _target(state, period),
        "realise": texts[-1] if texts else state.value,
        "ecart": gap,
        "progression": state.progress,
        "statut": state.status.value,
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
        "revisions": target_revisions(indicator, period),
        "pistes": list(tracks or []),
    }
    context["decimales"] = _decimals(context)
    return mark_gap(context)


def _decimals(indicator: dict[str, Any]) -> int:
    """The one precision of the indicator's figures in the report (see `shared_decimals`)."""
    values = [point["valeur"] for point in indicator["serie"]]
    values += [part["nombre"] for b in indicator["ventilation"] for part in b["parts"]]
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
        return ANSWERED
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


def _gaps(
    all_series: dict[str, Series], period: Period, answered: set[str]
) -> list[dict[str, Any]]:
    """Indicators never recorded (or not during the period); questionnaires count.

    An indicator computed from a questionnaire with answers is no gap: its row says why
    it has no figure yet (no one answered both at entry and exit).
    """
    gaps = []
    for series in all_series.values():
        indicator = series.indicator
        fed = questionnaire_of(indicator) or indicator.code
        if fed in answered or (indicator.type.value == "qualitatif" and series.texts):
            continue
        inside = [p for p in series.totals if period.overlaps(p)]
        if not series.totals:
            gaps.append(
                {"code": indicator.code, "libelle": indicator.libelle, "raison": "jamais renseigné"}
            )
        elif not inside:
            last = max(series.totals)
            gaps.append(
                {
                    "code": indicator.code,
                    "libelle": indicator.libelle,
                    "raison": f"plus renseigné depuis {last.label}",
                }
            )
    return gaps
