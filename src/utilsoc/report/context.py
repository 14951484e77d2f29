"""The data every report template receives: plain dicts and lists, already computed.

Templates only lay out; every figure (achieved value, gap, status, gains) is computed here,
once, by the same aggregation code as `status`, so a report and the dashboard agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from utilsoc.actions.evidence import pair_gains
from utilsoc.compute.explain import explain
from utilsoc.compute.points import Series
from utilsoc.compute.progress import Progress, progress_for, trend
from utilsoc.compute.series import build_all_series
from utilsoc.compute.status import Measures
from utilsoc.model.load import Project
from utilsoc.model.mesures import Temoignage
from utilsoc.model.periods import Period, format_day
from utilsoc.model.referentiel import Critere, Indicateur, Referentiel
from utilsoc.report.evidence_context import evidence_context, gains_context, quote
from utilsoc.report.provenance import Provenance
from utilsoc.report.wording import ANSWERED, alert_text, explanation_text


@dataclass(frozen=True)
class Options:
    """What the user asked for."""

    template: str
    period: Period
    logframe: str | None
    date: dt.date


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
    all_series = build_all_series(referentiel, measures.records)
    responses = evidence.get("questionnaires", [])
    answered = {  # scores whose entry/exit gains the report shows (pairs in the period)
        code
        for code in {r.indicateur for r in responses}
        if pair_gains(responses, code, options.period).pairs
    }
    indicators = {
        code: indicator_context(series, options.period, code in answered)
        for code, series in all_series.items()
    }
    period = options.period
    return {
        "rapport": {
            "modele": options.template,
            "periode": {
                "nom": period.name,
                "libelle": period.label,
                "debut": format_day(period.start),
                "fin": format_day(period.end),
            },
            "date": format_day(options.date),
            "provenance": provenance.texte,
            "commit": provenance.commit,
            "modifie": provenance.modifie,
            "version_utilsoc": provenance.version,
            "version_referentiel": referentiel.version,
        },
        "association": association.model_dump(mode="json"),
        "domaines": _domains(referentiel, indicators, evidence, period),
        "indicateurs": indicators,
        "cadre": _logframe(project, options.logframe, indicators),
        "preuves": evidence_context(evidence, period, options.logframe),
        "gains": gains_context(referentiel, evidence.get("questionnaires", []), period),
        "auto_evaluation": _self_assessment(referentiel, indicators),
        "lacunes": _gaps(
            all_series, period, {r.indicateur for r in evidence.get("questionnaires", [])}
        ),
        "chiffres_cles": [
            indicators[c] for c in association.identite.indicateurs_cles if c in indicators
        ],
    }


def indicator_context(series: Series, period: Period, answered: bool = False) -> dict[str, Any]:
    """One indicator: definition, baseline, target, achieved, gap, status, series, parts.

    `answered`: entry/exit pairs exist for it in `period` (the report shows their gains).
    """
    indicator = series.indicator
    state = progress_for(series, period)
    texts = [text for p, text in sorted(series.texts.items()) if period.overlaps(p)]
    gap = None if state.value is None or state.target is None else state.value - state.target
    return {
        "code": indicator.code,
        "libelle": indicator.libelle,
        "definition": indicator.definition,
        "type": indicator.type.value,
        "unite": indicator.unite or "",
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
        "ventilation": _breakdown(series, period),
        "avertissements": [alert_text(alert) for alert in series.alerts],
        "explication": _explanation(series, period, state, answered),
        "notes": _notes(series, period),  # `commentaire` joins both, once options are known
    }


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


def _explanation(series: Series, period: Period, state: Progress, answered: bool) -> str | None:
    if answered and state.value is None:
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


def _breakdown(series: Series, period: Period) -> list[dict[str, Any]]:
    """Per dimension, the values over `period` (latest period inside it that has parts)."""
    inside = [p for p in series.parts if period.contains(p) and series.parts[p]]
    if not inside:
        return []
    latest = max(inside)
    by_dimension: dict[str, list[dict[str, Any]]] = {}
    for key, point in sorted(series.parts[latest].items()):
        if len(key) == 1 and point.number is not None:
            name, value = key[0]
            by_dimension.setdefault(name, []).append({"valeur": value, "nombre": point.number})
    return [
        {"dimension": name, "periode": latest.label, "parts": parts}
        for name, parts in by_dimension.items()
    ]


def _domains(
    referentiel: Referentiel,
    indicators: dict[str, dict[str, Any]],
    evidence: dict[str, list[Any]],
    period: Period,
) -> list[dict[str, Any]]:
    quotes = [
        q for q in evidence.get("temoignages", []) if period.overlaps(q.periode) and q.consentement
    ]
    return [
        {
            "code": domaine.code,
            "nom": domaine.nom,
            "description": domaine.description,
            "criteres": [_criterion(critere, indicators, quotes) for critere in domaine.criteres],
        }
        for domaine in referentiel.domaines
    ]


def _criterion(
    critere: Critere, indicators: dict[str, dict[str, Any]], quotes: list[Temoignage]
) -> dict[str, Any]:
    """A criterion, its indicators and the consented quotes about it or one of them."""
    codes = [i.code for i in critere.indicateurs]
    return {
        "code": critere.code,
        "nom": critere.nom,
        "question": critere.question,
        "indicateurs": [indicators[code] for code in codes],
        "verbatims": [
            quote(q)
            for q in quotes
            if critere.code in q.criteres or any(code in q.indicateurs for code in codes)
        ],
    }


def _logframe(
    project: Project, code: str | None, indicators: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    if code is None:
        return None
    cadre = project.cadres[code]
    return {
        "code": code,
        "financeur": cadre.financeur,
        "programme": cadre.programme,
        "periode": cadre.periode.label if cadre.periode else None,
        "objectif_general": cadre.objectif_general,
        "sous_objectifs": [
            {
                "code": sous.code,
                "intitule": sous.intitule,
                "indicateurs": [indicators[c] for c in sous.indicateurs if c in indicators],
                "resultats": [
                    {
                        "code": r.code,
                        "intitule": r.intitule,
                        "indicateurs": [indicators[c] for c in r.indicateurs if c in indicators],
                    }
                    for r in sous.resultats_attendus
                ],
            }
            for sous in cadre.sous_objectifs
        ],
        "attentes_partenariat": list(cadre.attentes_partenariat),
    }


def _self_assessment(
    referentiel: Referentiel, indicators: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    def item(constat: Any) -> dict[str, Any]:
        return {
            "constat": constat.constat,
            "indicateur": indicators.get(constat.indicateur) if constat.indicateur else None,
        }

    return [
        {
            "theme": theme.theme,
            "forces": [item(c) for c in theme.forces],
            "faiblesses": [item(c) for c in theme.faiblesses],
        }
        for theme in referentiel.auto_evaluation
    ]


def _gaps(
    all_series: dict[str, Series], period: Period, answered: set[str]
) -> list[dict[str, Any]]:
    """Indicators never recorded (or not during the period); questionnaires count."""
    gaps = []
    for series in all_series.values():
        indicator = series.indicator
        if indicator.code in answered or (indicator.type.value == "qualitatif" and series.texts):
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
