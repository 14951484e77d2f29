"""Members' indicators mapped onto the network's common ones (`commun: CODE`).

A member keeps its own indicators and says which common indicator each one feeds. The
link is checked where it is written, in the member's referentiel.yaml: same type, same
direction, same roll-up, and the same unit unless a `facteur` converts it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from utilsoc.codes import Code
from utilsoc.errors import Issue
from utilsoc.model.base import Diffusion
from utilsoc.model.referentiel import Indicateur

if TYPE_CHECKING:
    from utilsoc.model.load import Project
    from utilsoc.model.referentiel import Referentiel


@dataclass(frozen=True)
class Link:
    """One member indicator feeding a common indicator, with its conversion factor."""

    indicator: Indicateur
    factor: float


def links_of(referentiel: Referentiel) -> dict[str, list[Link]]:
    """The member's indicators by the common code they feed (those kept `interne` aside)."""
    result: dict[str, list[Link]] = {}
    for _, indicator in referentiel.iter_indicators():
        if indicator.commun is not None and indicator.diffusion is not Diffusion.INTERNE:
            link = Link(indicator, indicator.facteur or 1.0)
            result.setdefault(indicator.commun, []).append(link)
    return result


def link_issues(project: Project, common: dict[str, Indicateur]) -> list[Issue]:
    """Every `commun:` link of one member, checked against the common référentiel."""
    if project.referentiel is None:
        return []
    document = project.documents["referentiel"]
    issues: list[Issue] = []
    seen: dict[str, str] = {}
    for (d, c, i), indicator in project.referentiel.iter_indicators():
        if indicator.commun is None:
            continue
        line, column = document.position(("domaines", d, "criteres", c, "indicateurs", i, "commun"))
        for code, message, hint, severity in _link_problems(indicator, common, seen):
            issues.append(Issue(document.file, line, column, code, message, hint, severity))
        seen.setdefault(indicator.commun, indicator.code)
    return issues


def _link_problems(
    indicator: Indicateur, common: dict[str, Indicateur], seen: dict[str, str]
) -> list[tuple[Code, str, str, str]]:
    """What is wrong with one `commun:` link, as (code, message, hint, severity)."""
    assert indicator.commun is not None
    target = common.get(indicator.commun)
    if target is None:
        close = difflib.get_close_matches(indicator.commun, list(common), n=1)
        hint = (
            f"vouliez-vous dire « {close[0]} » ?"
            if close
            else "codes du réseau : " + ", ".join(sorted(common))
        )
        message = f"indicateur commun « {indicator.commun} » inconnu du réseau"
        return [(Code.COMMUN_INCONNU, message, hint, "erreur")]
    found = [
        (Code.COMMUN_INCOMPATIBLE, message, hint, "erreur")
        for message, hint in incompatibilities(indicator, target)
    ]
    if indicator.diffusion is Diffusion.INTERNE:
        found.append(
            (
                Code.COMMUN_INTERNE,
                f"« {indicator.code} » est marqué « diffusion: interne » : le réseau ne "
                f"compte pas ses valeurs dans « {indicator.commun} »",
                "retirez « diffusion: interne » pour les partager, ou « commun: » pour "
                "ne plus le rattacher",
                "avertissement",
            )
        )
    if indicator.commun in seen:
        found.append(
            (
                Code.COMMUN_EN_DOUBLE,
                f"« {indicator.code} » et « {seen[indicator.commun]} » alimentent tous "
                f"deux « {indicator.commun} » : leurs valeurs sont additionnées",
                "une personne comptée par les deux le serait deux fois : ne rattachez "
                "que l'un des deux s'ils comptent les mêmes personnes",
                "avertissement",
            )
        )
    return found


def incompatibilities(own: Indicateur, common: Indicateur) -> list[tuple[str, str]]:
    """Why `own` cannot feed `common`, as (message, hint) pairs; empty when it can."""
    found = []
    where = f"« {own.code} » → « {common.code} »"
    if own.type is not common.type:
        found.append(
            (
                f"{where} : type {own.type.value} au lieu de {common.type.value}",
                "un indicateur ne peut alimenter qu'un indicateur commun du même type "
                "(un taux ne s'additionne pas à un nombre)",
            )
        )
    if own.sens is not common.sens:
        found.append(
            (
                f"{where} : sens « {own.sens.value} » au lieu de « {common.sens.value} »",
                "les deux doivent viser le même sens de progression",
            )
        )
    if own.rollup is not common.rollup:
        found.append(
            (
                f"{where} : agrégation « {own.rollup.value} » au lieu de « {common.rollup.value} »",
                "le total du réseau suit la règle de l'indicateur commun : alignez "
                "« agrégation » (ou « cumulatif ») sur elle",
            )
        )
    if own.facteur is None and _unit(own) != _unit(common):
        found.append(
            (
                f"{where} : unité « {own.unite or 'aucune'} » au lieu de "
                f"« {common.unite or 'aucune'} »",
                "donnez « facteur: » (ce que vaut une unité du membre dans l'unité "
                "commune ; facteur: 1 si c'est la même unité sous un autre nom)",
            )
        )
    return found


def _unit(indicator: Indicateur) -> str:
    return (indicator.unite or "").strip().casefold()
