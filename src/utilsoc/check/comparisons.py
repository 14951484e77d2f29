"""Checks of an indicator's comparisons: a source, a value it could take, a past year."""

from __future__ import annotations

import datetime as dt

from utilsoc.check.reporter import IndicatorPlace, Reporter, indicator_loc
from utilsoc.codes import Code
from utilsoc.model.comparaison import Comparaison
from utilsoc.model.referentiel import Indicateur, TypeIndicateur

ROLE = "referentiel"
# Units under which a rate is a percentage: at most 100 (a rate per thousand may go further).
PERCENT_UNITS = (None, "", "%", "pourcent", "pour cent", "pourcents")


def check_comparisons(
    report: Reporter, place: IndicatorPlace, ind: Indicateur, today: dt.date | None = None
) -> None:
    """Each comparison of `ind` has a source, a value `ind` could take and a year begun.

    Why so strict: a comparison puts an outside figure beside the association's own, in
    reports read by funders; a figure nobody can trace, or on another scale, misleads.
    """
    today = today or dt.date.today()
    for n, comparison in enumerate(ind.comparaisons):
        if comparison.source is None:
            report.add(
                ROLE,
                indicator_loc(place, "comparaisons", n),
                Code.COMPARAISON_SANS_SOURCE,
                f"la comparaison « {comparison.libelle} » n'a pas de source",
                "indiquez d'où vient le chiffre : « source: INSEE, recensement 2021 » ; "
                "s'il n'est pas vérifié, écrivez « source: valeur illustrative »",
            )
        problem = impossible(ind, comparison.valeur)
        if problem is not None:
            report.add(
                ROLE,
                indicator_loc(place, "comparaisons", n, "valeur"),
                Code.COMPARAISON_IMPOSSIBLE,
                f"la comparaison « {comparison.libelle} » vaut {problem}",
                "une comparaison s'exprime dans l'unité et sur l'échelle de l'indicateur : "
                "corrigez la valeur ou rattachez-la au bon indicateur",
            )
        _check_year(report, place, n, comparison, today)
    if ind.groupe_comparaison is not None and ind.type is not TypeIndicateur.SCORE:
        report.add(
            ROLE,
            indicator_loc(place, "groupe_comparaison"),
            Code.CHAMP_INUTILE,
            f"« {ind.code} » n'est pas un score : aucun questionnaire n'y répond",
            "déclarez le groupe de comparaison sur l'indicateur de type score sous lequel "
            "les réponses sont enregistrées",
            "avertissement",
        )


def impossible(ind: Indicateur, value: float) -> str | None:
    """Why `value` cannot stand beside `ind`'s values (« 120 %, plus de 100 % »), or None."""
    kind, scale = ind.type, ind.echelle
    if kind is TypeIndicateur.SCORE and scale and not scale.min <= value <= scale.max:
        return f"{value:g}, hors de l'échelle de {scale.min:g} à {scale.max:g}"
    if kind is TypeIndicateur.OUI_NON and value not in (0, 1):
        return f"{value:g} pour un indicateur oui/non (1 pour oui, 0 pour non)"
    return _beyond_bounds(ind, value)


def _beyond_bounds(ind: Indicateur, value: float) -> str | None:
    """A count, a duration or a rate below zero; a percentage above 100."""
    kind = ind.type
    if kind in (TypeIndicateur.NOMBRE, TypeIndicateur.DUREE, TypeIndicateur.TAUX) and value < 0:
        return f"{value:g}, un nombre négatif"
    if kind is TypeIndicateur.TAUX and value > 100 and (ind.unite or "").lower() in PERCENT_UNITS:
        return f"{value:g} %, plus de 100 %"
    return None


def _check_year(
    report: Reporter, place: IndicatorPlace, n: int, comparison: Comparaison, today: dt.date
) -> None:
    year = comparison.annee
    if year.start > today:
        report.add(
            ROLE,
            indicator_loc(place, "comparaisons", n, "annee"),
            Code.COMPARAISON_FUTURE,
            f"la comparaison « {comparison.libelle} » porte sur {year.name}, qui n'a pas "
            f"commencé (nous sommes le {today.isoformat()})",
            "indiquez l'année du chiffre publié, pas celle où vous l'avez lu",
        )
