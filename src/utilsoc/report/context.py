"""The data every report template receives: plain dicts and lists, already computed.

Templates only lay out; every figure (achieved value, gap, status, gains) is computed here,
once, by the same aggregation code as `status`, so a report and the dashboard agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from utilsoc.actions.evidence import pair_gains
from utilsoc.compute.series import Series, build_all_series, explanation, progress_for, trend
from utilsoc.compute.status import Measures
from utilsoc.model.load import Project
from utilsoc.model.mesures import Moment, Temoignage
from utilsoc.model.periods import Period, format_day
from utilsoc.model.referentiel import Indicateur, Referentiel
from utilsoc.report.provenance import Provenance


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
        "preuves": _evidence(evidence, period, options.logframe),
        "gains": _gains(referentiel, evidence.get("questionnaires", []), period),
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
    notes = list(
        dict.fromkeys(n for p, ns in sorted(series.notes.items()) if period.contains(p) for n in ns)
    )
    gap = None if state.value is None or state.target is None else state.value - state.target
    why = explanation(series, period, state)
    if answered and state.value is None:
        why = "réponses de questionnaire : voir l'évolution entre l'entrée et la sortie"
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
        "cible": None
        if state.target is None
        else {
            "valeur": state.target,
            "periode": state.target_period.label if state.target_period else period.label,
        },
        "realise": texts[-1] if texts else state.value,
        "ecart": gap,
        "progression": state.progress,
        "statut": state.status.value,
        "tendance": trend(series),
        "serie": [
            {"periode": p.name, "libelle": p.label, "court": p.short_label, "valeur": point.number}
            for p, point in series.totals.items()
            if point.number is not None and p.end <= period.end
        ],
        "ventilation": _breakdown(series, period),
        "avertissements": list(series.warnings),
        "explication": why,
        "notes": notes,  # `commentaire` joins both, once the report's options are known
    }


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
    quotes = [q for q in evidence.get("temoignages", []) if period.overlaps(q.periode)]
    return [
        {
            "code": domaine.code,
            "nom": domaine.nom,
            "description": domaine.description,
            "criteres": [
                {
                    "code": critere.code,
                    "nom": critere.nom,
                    "question": critere.question,
                    "indicateurs": [indicators[i.code] for i in critere.indicateurs],
                    "verbatims": [
                        _quote(q)
                        for q in quotes
                        if q.consentement
                        and (
                            critere.code in q.criteres
                            or any(i.code in q.indicateurs for i in critere.indicateurs)
                        )
                    ],
                }
                for critere in domaine.criteres
            ],
        }
        for domaine in referentiel.domaines
    ]


def _quote(quote: Temoignage) -> dict[str, Any]:
    return {
        "texte": quote.texte,
        "role": quote.role.value,
        "pseudonyme": quote.pseudonyme,
        "periode": quote.periode.label,
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
        "article": cadre.article.value if cadre.article else None,
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


def _evidence(
    evidence: dict[str, list[Any]], period: Period, logframe: str | None
) -> dict[str, list[dict[str, Any]]]:
    def keep(item: Any) -> bool:
        cadre = getattr(item, "cadre", None)
        return period.overlaps(item.periode) and (logframe is None or cadre in (None, logframe))

    def plain(item: Any) -> dict[str, Any]:
        data: dict[str, Any] = item.model_dump(mode="json")
        return data | {"periode": item.periode.label}

    return {
        "verbatims": [
            _quote(q) for q in evidence.get("temoignages", []) if q.consentement and keep(q)
        ],
        "faits": [plain(f) for f in evidence.get("faits_marquants", []) if keep(f)],
        "inattendus_positifs": [
            plain(r)
            for r in evidence.get("resultats_inattendus", [])
            if keep(r) and r.nature.value == "positif"
        ],
        "inattendus_negatifs": [
            plain(r)
            for r in evidence.get("resultats_inattendus", [])
            if keep(r) and r.nature.value != "positif"
        ],
        "pistes": [plain(p) for p in evidence.get("pistes_amelioration", []) if keep(p)],
        "partenariat": [
            plain(p)
            for p in evidence.get("partenariat", [])
            if keep(p) and (logframe is None or p.cadre == logframe)
        ],
    }


def _gains(referentiel: Referentiel, responses: list[Any], period: Period) -> list[dict[str, Any]]:
    result = []
    for code in sorted({r.indicateur for r in responses}):
        gains = pair_gains(responses, code, period)
        indicator = referentiel.indicators().get(code)
        if not gains.pairs or indicator is None:
            continue
        result.append(
            {
                "code": code,
                "libelle": indicator.libelle,
                "unite": indicator.unite or "",
                "participants": len(gains.pairs),
                "entree": gains.mean(Moment.ENTREE),
                "sortie": gains.mean(Moment.SORTIE),
                "gain": gains.mean_gain,
                "progressent": sum(1 for a, b in gains.pairs.values() if b > a),
                "sans_sortie": len(gains.entry_only),
                "sans_entree": len(gains.exit_only),
            }
        )
    return result


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
