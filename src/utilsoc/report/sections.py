"""Report sections laid out like the association's files, holding indicators' contexts.

Domains and criteria (with their quotes), the logframe, the self-assessment.
"""

from __future__ import annotations

from typing import Any

from utilsoc.model.cadre import CadreLogique, SousObjectif
from utilsoc.model.load import Project
from utilsoc.model.mesures import Temoignage
from utilsoc.model.periods import Period, format_day
from utilsoc.model.referentiel import Constat, Critere, Referentiel
from utilsoc.report.evidence_context import quote
from utilsoc.report.method import results_chain
from utilsoc.report.wording import trend_words


def domains_context(
    referentiel: Referentiel,
    indicators: dict[str, dict[str, Any]],
    evidence: dict[str, list[Any]],
    period: Period,
) -> list[dict[str, Any]]:
    """Each domain, its criteria, their indicators and the quotes of `period` about them."""
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


def logframe_context(
    project: Project, code: str | None, indicators: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    """The logframe `code` (none without it): sub-objectives, results and indicators."""
    if code is None:
        return None
    cadre = project.cadres[code]
    cited = [c for c in _cited(cadre) if c in indicators]
    return {
        "code": code,
        "financeur": cadre.financeur,
        "article": cadre.article.value if cadre.article else None,
        "programme": cadre.programme,
        "periode": cadre.periode.label if cadre.periode else None,
        "objectif_general": cadre.objectif_general,
        "sous_objectifs": [_sub_objective(sous, indicators) for sous in cadre.sous_objectifs],
        "attentes_partenariat": list(cadre.attentes_partenariat),
        "chaine_resultats": results_chain(indicators[c] for c in cited),
        "cibles_revisees": [
            indicators[c] for c in dict.fromkeys(cited) if indicators[c]["revisions"]
        ],
    }


def _cited(cadre: CadreLogique) -> list[str]:
    """The codes the logframe cites, in its order: each sub-objective's, then its results'."""
    return [
        c
        for sous in cadre.sous_objectifs
        for c in (*sous.indicateurs, *(c for r in sous.resultats_attendus for c in r.indicateurs))
    ]


def _sub_objective(sous: SousObjectif, indicators: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A sub-objective, its indicators and its expected results with theirs."""

    def known(codes: list[str]) -> list[dict[str, Any]]:
        return [indicators[c] for c in codes if c in indicators]

    return {
        "code": sous.code,
        "intitule": sous.intitule,
        "indicateurs": known(sous.indicateurs),
        "resultats": [
            {"code": r.code, "intitule": r.intitule, "indicateurs": known(r.indicateurs)}
            for r in sous.resultats_attendus
        ],
    }


def self_assessment_context(
    referentiel: Referentiel, indicators: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Strengths and weaknesses by theme, each with the indicator that shows it.

    Each finding carries its indicator's value and trend, and `a_verifier` when the figures
    seem to say otherwise: a strength behind its target or moving the wrong way, a
    weakness whose target is reached.
    """

    def item(constat: Constat, strength: bool) -> dict[str, Any]:
        indicator = indicators.get(constat.indicateur) if constat.indicateur else None
        return {
            "constat": constat.constat,
            "indicateur": indicator,
            "tendance": trend_words(indicator) if indicator else "",
            "a_verifier": indicator is not None and _contradicts(indicator, strength),
        }

    return [
        {
            "theme": theme.theme,
            "forces": [item(c, True) for c in theme.forces],
            "faiblesses": [item(c, False) for c in theme.faiblesses],
        }
        for theme in referentiel.auto_evaluation
    ]


def self_assessment_meeting(referentiel: Referentiel) -> dict[str, Any] | None:
    """When and with whom the self-assessment was made, or None if it is not dated."""
    meeting = referentiel.seance_auto_evaluation
    if meeting is None:
        return None
    return {"date": format_day(meeting.date), "participants": list(meeting.participants)}


def _contradicts(indicator: dict[str, Any], strength: bool) -> bool:
    if not strength:
        return bool(indicator["statut"] == "atteint")
    wrong_way = {"hausse": "↘", "baisse": "↗"}.get(indicator["sens"])
    return indicator["statut"] == "en retard" or (
        wrong_way is not None and indicator["tendance"] == wrong_way
    )
