"""Checks of the logical frameworks (cadres-logiques/*.yaml): indicators that exist, and used."""

from __future__ import annotations

from collections.abc import Iterable

from utilsoc.check.reporter import Loc, Reporter
from utilsoc.codes import Code
from utilsoc.model.cadre import CadreLogique


def check_cadres(report: Reporter, codes: set[str]) -> None:
    """Each framework names declared indicators, and each sub-objective has one."""
    for name, cadre in report.project.cadres.items():
        role = f"cadre:{name}"
        report.references(role, _cadre_codes(cadre), "indicateur", codes)
        _check_coverage(report, role, cadre)


def _cadre_codes(cadre: CadreLogique) -> Iterable[tuple[Loc, str]]:
    for s, sous in enumerate(cadre.sous_objectifs):
        for n, code in enumerate(sous.indicateurs):
            yield ("sous_objectifs", s, "indicateurs", n), code
        for r, resultat in enumerate(sous.resultats_attendus):
            for n, code in enumerate(resultat.indicateurs):
                yield ("sous_objectifs", s, "resultats_attendus", r, "indicateurs", n), code


def _check_coverage(report: Reporter, role: str, cadre: CadreLogique) -> None:
    report.unique(
        role,
        ((("sous_objectifs", s, "code"), sous.code) for s, sous in enumerate(cadre.sous_objectifs)),
        "sous-objectif",
    )
    for s, sous in enumerate(cadre.sous_objectifs):
        if not sous.indicateurs and not any(r.indicateurs for r in sous.resultats_attendus):
            report.add(
                role,
                ("sous_objectifs", s, "code"),
                Code.SANS_INDICATEUR,
                f"le sous-objectif « {sous.code} » n'a aucun indicateur",
                "ajoutez les codes des indicateurs qui le mesurent",
                "avertissement",
            )
