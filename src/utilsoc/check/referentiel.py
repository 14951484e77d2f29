"""Cross-file checks: unique codes, references that exist, formulas, target periods.

The checks of one indicator are in `indicators`, those of publics.yaml and of the logical
frameworks in `publics` and `cadres`; each issue is placed by a `Reporter`.
"""

from __future__ import annotations

import difflib

from utilsoc.check.cadres import check_cadres
from utilsoc.check.entretiens import check_interviews
from utilsoc.check.indicators import ROLE, check_indicator
from utilsoc.check.money import check_money
from utilsoc.check.publics import check_publics
from utilsoc.check.recits import check_stories
from utilsoc.check.reporter import Loc, Reporter, indicator_loc
from utilsoc.codes import Code
from utilsoc.errors import Issue
from utilsoc.model.load import Project
from utilsoc.model.referentiel import Referentiel


def check_project(project: Project) -> list[Issue]:
    """Every cross-reference problem of a loaded project (models that failed are skipped)."""
    report = Reporter(project)
    referentiel = project.referentiel
    codes = set(referentiel.indicators()) if referentiel else None
    if referentiel is not None:
        _check_referentiel(report, referentiel)
    if codes is not None and project.association is not None:
        key_codes = enumerate(project.association.identite.indicateurs_cles)
        key_refs = ((("identite", "indicateurs_cles", i), code) for i, code in key_codes)
        report.references("association", key_refs, "indicateur", codes)
    check_publics(report)
    check_interviews(report)
    check_stories(report)
    if codes is not None:
        check_cadres(report, codes)
        check_money(report, codes)
    return report.issues


def _check_referentiel(report: Reporter, ref: Referentiel) -> None:
    _check_unique_codes(report, ref)
    dimensions = {d.code for d in ref.dimensions}
    indicators = ref.indicators()
    for place, ind in ref.iter_indicators():
        check_indicator(report, place, ind, indicators, dimensions)
    _check_cycles(report, ref)
    report.references(ROLE, _self_assessment_refs(ref), "indicateur", indicators)
    _check_catalogue_links(report, ref)


def _check_catalogue_links(report: Reporter, ref: Referentiel) -> None:
    """Warn when `catalogue:` names no indicator of the catalogue (read only if one is set)."""
    links = [(place, ind.catalogue) for place, ind in ref.iter_indicators() if ind.catalogue]
    if not links:
        return
    from utilsoc.catalogue import codes

    known = codes()
    for place, code in links:
        if code not in known:
            close = difflib.get_close_matches(code, list(known), n=1)
            report.add(
                ROLE,
                indicator_loc(place, "catalogue"),
                Code.CATALOGUE_INCONNU,
                f"« {code} » n'est pas un indicateur du catalogue d'utilsoc",
                f"vouliez-vous dire « {close[0]} » ?"
                if close
                else "cherchez le bon code avec « utilsoc catalogue --cherche MOT »",
                "avertissement",
            )


def _check_unique_codes(report: Reporter, ref: Referentiel) -> None:
    """Codes of dimensions, domains, criteria and indicators; values of each dimension."""
    domains = list(enumerate(ref.domaines))
    report.unique(
        ROLE,
        ((("dimensions", i, "code"), d.code) for i, d in enumerate(ref.dimensions)),
        "dimension",
    )
    report.unique(ROLE, ((("domaines", i, "code"), d.code) for i, d in domains), "domaine")
    criteria = (
        (("domaines", d, "criteres", c, "code"), critere.code)
        for d, domaine in domains
        for c, critere in enumerate(domaine.criteres)
    )
    report.unique(ROLE, criteria, "critère")
    indicators = ((indicator_loc(place, "code"), ind.code) for place, ind in ref.iter_indicators())
    report.unique(ROLE, indicators, "indicateur")
    for i, dimension in enumerate(ref.dimensions):
        values = enumerate(dimension.valeurs)
        report.unique(ROLE, ((("dimensions", i, "valeurs", v), x) for v, x in values), "valeur")


def _self_assessment_refs(ref: Referentiel) -> list[tuple[Loc, str]]:
    """The indicator each strength or weakness of the self-assessment refers to."""
    return [
        (("auto_evaluation", t, kind, n, "indicateur"), constat.indicateur)
        for t, theme in enumerate(ref.auto_evaluation)
        for kind in ("forces", "faiblesses")
        for n, constat in enumerate(getattr(theme, kind))
        if constat.indicateur
    ]


def _check_cycles(report: Reporter, ref: Referentiel) -> None:
    graph = {
        ind.code: [c for c in (ind.formule.numerateur, ind.formule.denominateur) if c]
        for _, ind in ref.iter_indicators()
        if ind.formule
    }
    places = {ind.code: place for place, ind in ref.iter_indicators()}
    reported: set[str] = set()
    for start in graph:
        path = _find_cycle(graph, start, [])
        if path and not reported.intersection(path):
            reported.update(path)
            report.add(
                ROLE,
                indicator_loc(places[start], "formule"),
                Code.FORMULE_CIRCULAIRE,
                "formule circulaire : " + " → ".join([*path, path[0]]),
                "un indicateur calculé ne peut pas dépendre de lui-même",
            )


def _find_cycle(graph: dict[str, list[str]], node: str, path: list[str]) -> list[str]:
    if node in path:
        return path[path.index(node) :]
    for successor in graph.get(node, []):
        cycle = _find_cycle(graph, successor, [*path, node])
        if cycle:
            return cycle
    return []
