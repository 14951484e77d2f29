"""Report sections laid out like the association's files, holding indicators' contexts.

Domains and criteria (with their quotes), the logframe, the self-assessment.
"""

from __future__ import annotations

from typing import Any

from utilsoc.model.load import Project
from utilsoc.model.mesures import Temoignage
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Critere, Referentiel
from utilsoc.report.evidence_context import quote


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


def self_assessment_context(
    referentiel: Referentiel, indicators: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Strengths and weaknesses by theme, each with the indicator that shows it."""

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
