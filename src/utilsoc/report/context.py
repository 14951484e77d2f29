"""The data every report template receives: plain dicts and lists, already computed.

Templates only lay out; every figure (achieved value, gap, status, gains) is computed here,
once, by the same aggregation code as `status`, so a report and the dashboard agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from utilsoc.compute.convention import years_of
from utilsoc.compute.merge import Measures
from utilsoc.compute.points import Series
from utilsoc.compute.questionnaires import pair_answers, questionnaire_of
from utilsoc.compute.series import build_all_series
from utilsoc.langue import current
from utilsoc.model.load import Project
from utilsoc.model.periods import Period, format_day
from utilsoc.model.referentiel import Referentiel
from utilsoc.report.disclosure import tracks_about
from utilsoc.report.entretiens_context import add_interviews
from utilsoc.report.evidence_context import evidence_context, gains_context
from utilsoc.report.indicator_context import indicator_context
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
    referentiel, association = project.referentiel, project.association
    assert referentiel is not None
    assert association is not None
    period = options.period
    responses = evidence.get("questionnaires", [])
    all_series = build_all_series(referentiel, measures.records, responses)
    gains = gains_context(referentiel, responses, period)
    indicators = _indicators(referentiel, all_series, evidence, period, gains)
    answered = {r.indicateur for r in responses if period.overlaps(r.periode)}
    context = {
        "rapport": _about(options, provenance, referentiel.version),
        "association": association.in_language(current().code),
        "domaines": _judged_domains(referentiel, indicators, evidence, period),
        "indicateurs": indicators,
        "cadre": logframe_context(project, options.logframe, indicators),
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
        "lacunes": _gaps(all_series, period, answered),
        "ventilations_manquantes": _unfilled(indicators),
        "chiffres_cles": [
            indicators[c] for c in association.identite.indicateurs_cles if c in indicators
        ],
    }
    add_interviews(context, project, period)
    return context


def _indicators(
    referentiel: Referentiel,
    all_series: dict[str, Series],
    evidence: dict[str, list[Any]],
    period: Period,
    gains: list[dict[str, Any]],
) -> dict[str, dict[str, Any]]:
    """Each indicator's context, with its method and the number of people behind it."""
    responses = evidence.get("questionnaires", [])
    answered = {  # scores whose entry/exit gains the report shows (pairs in the period)
        code
        for code in {r.indicateur for r in responses}
        if pair_answers(responses, code, period).pairs
    }
    tracks = evidence.get("pistes_amelioration", [])
    pairs = {g["code"]: g["participants"] for g in gains}
    labels = {code: i.libelle for code, i in referentiel.indicators().items()}
    dimensions = {d.code: d for d in referentiel.dimensions}
    return {
        code: indicator_context(
            series, period, code in answered, tracks_about(code, tracks, period), dimensions
        )
        | method_fields(series, period, pairs.get(code), labels)
        for code, series in all_series.items()
    }


def _judged_domains(
    referentiel: Referentiel,
    indicators: dict[str, dict[str, Any]],
    evidence: dict[str, list[Any]],
    period: Period,
) -> list[dict[str, Any]]:
    """The domains, each criterion with the evaluative judgement of `period`, if any."""
    domains = domains_context(referentiel, indicators, evidence, period)
    answers = judgements(evidence, period)
    for domain in domains:
        for criterion in domain["criteres"]:
            criterion["jugement"] = answers.get(criterion["code"])
    return domains


def _unfilled(indicators: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The indicators whose declared dimensions no value of the period fills."""
    return [
        {"code": i["code"], "libelle": i["libelle"], "dimensions": i["dimensions_vides"]}
        for i in indicators.values()
        if i["dimensions_vides"]
    ]


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
        "annees": [_year(y) for y in years_of(period)],
    }


def _year(year: Period) -> dict[str, str]:
    """A year of a convention: its name, label and column heading in the report's language."""
    return {"nom": year.name, "libelle": year.label, "entete": current().year_heading(year)}


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
