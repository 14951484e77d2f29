"""Checks of one indicator's definition: type and scale, formula, baseline and targets."""

from __future__ import annotations

from utilsoc.check.calcul import check_calcul
from utilsoc.check.comparisons import check_comparisons
from utilsoc.check.reporter import IndicatorPlace, Loc, Reporter, indicator_loc
from utilsoc.codes import Code
from utilsoc.model.periods import Period, is_aligned
from utilsoc.model.referentiel import Frequence, Indicateur, TypeIndicateur

ROLE = "referentiel"
NUMERIC = {
    TypeIndicateur.NOMBRE,
    TypeIndicateur.TAUX,
    TypeIndicateur.MONTANT,
    TypeIndicateur.DUREE,
    TypeIndicateur.SCORE,
}
FORMULA_TERMS = ("numerateur", "denominateur")


def check_indicator(
    report: Reporter,
    place: IndicatorPlace,
    ind: Indicateur,
    indicators: dict[str, Indicateur],
    dimensions: set[str],
) -> None:
    """Everything that can be wrong in the definition of `ind`, at `place`."""
    own_dimensions = [
        (indicator_loc(place, "dimensions", n), code) for n, code in enumerate(ind.dimensions)
    ]
    report.references(ROLE, own_dimensions, "dimension", dimensions)
    _check_type(report, place, ind)
    _check_formula(report, place, ind, indicators)
    _check_targets(report, place, ind)
    _check_target_values(report, place, ind)
    report.unique(ROLE, own_dimensions, "dimension")
    _check_rate_terms(report, place, ind)
    _check_formula_frequencies(report, place, ind, indicators)
    check_calcul(report, place, ind, indicators)
    check_comparisons(report, place, ind)


def _check_type(report: Reporter, place: IndicatorPlace, ind: Indicateur) -> None:
    """A score has a scale, a scale goes upwards, a qualitative indicator has no figures.

    A score computed from a questionnaire needs none: its answers are on the scale of
    the questionnaire's own indicator.
    """
    if ind.type is TypeIndicateur.SCORE and ind.echelle is None and ind.calcul is None:
        report.add(
            ROLE,
            indicator_loc(place, "type"),
            Code.ECHELLE_MANQUANTE,
            f"l'indicateur « {ind.code} » est un score sans échelle",
            "ajoutez « échelle: {min: 1, max: 5} »",
        )
    if ind.echelle is not None and ind.echelle.min >= ind.echelle.max:
        report.add(
            ROLE,
            indicator_loc(place, "echelle"),
            Code.ECHELLE_INVALIDE,
            "le minimum de l'échelle doit être inférieur au maximum",
            "inversez-les",
        )
    figures = ind.cibles or ind.formule or ind.reference or ind.comparaisons
    if ind.type is TypeIndicateur.QUALITATIF and figures:
        report.add(
            ROLE,
            indicator_loc(place, "type"),
            Code.QUALITATIF_CHIFFRE,
            f"l'indicateur qualitatif « {ind.code} » ne peut avoir ni cible, "
            "ni référence, ni comparaison, ni formule",
            "choisissez un autre type ou retirez les chiffres",
        )


def _check_formula(
    report: Reporter, place: IndicatorPlace, ind: Indicateur, indicators: dict[str, Indicateur]
) -> None:
    """A formula combines declared, numeric indicators."""
    for part, code in _formula_terms(ind):
        loc = indicator_loc(place, "formule", part)
        if code not in indicators:
            report.unknown(ROLE, loc, "indicateur", code, indicators)
        elif indicators[code].type not in NUMERIC:
            report.add(
                ROLE,
                loc,
                Code.FORMULE_INVALIDE,
                f"la formule utilise « {code} », qui n'est pas chiffré",
                "une formule ne combine que des indicateurs chiffrés",
            )


def _formula_terms(ind: Indicateur) -> list[tuple[str, str]]:
    """(term, indicator code) of each term of the formula of `ind` (none without formula)."""
    if ind.formule is None:
        return []
    terms = ((part, getattr(ind.formule, part)) for part in FORMULA_TERMS)
    return [(part, code) for part, code in terms if code is not None]


def _check_targets(report: Reporter, place: IndicatorPlace, ind: Indicateur) -> None:
    """One target per period, each made of whole periods of the indicator's frequency."""
    seen: set[str] = set()
    for n, cible in enumerate(ind.cibles):
        loc = indicator_loc(place, "cibles", n, "periode")
        name = str(cible.periode)
        if name in seen:
            report.add(
                ROLE,
                loc,
                Code.CIBLE_EN_DOUBLE,
                f"deux cibles pour la période {name}",
                "gardez-en une ; pour une révision, utilisez « révisions »",
            )
        seen.add(name)
        if not _fits_frequency(ind, cible.periode):
            report.add(
                ROLE,
                loc,
                Code.PERIODE_HORS_FREQUENCE,
                f"la cible porte sur {cible.periode.label}, qui ne correspond pas à la "
                f"fréquence {ind.frequence.value} de « {ind.code} »",
                "choisissez une période faite de périodes entières de cette fréquence "
                "(une année scolaire pour une fréquence scolaire, etc.)",
            )


def _fits_frequency(ind: Indicateur, period: Period) -> bool:
    """Made of whole periods of the indicator's frequency (any period for a one-off)."""
    return ind.frequence is Frequence.PONCTUELLE or is_aligned(period, ind.frequence.kind)


def _check_target_values(report: Reporter, place: IndicatorPlace, ind: Indicateur) -> None:
    """Baseline and targets must be values the indicator could take."""
    places: list[tuple[Loc, float]] = []
    if ind.reference:
        places.append((("reference", "valeur"), ind.reference.valeur))
    places += [(("cibles", n, "valeur"), c.valeur) for n, c in enumerate(ind.cibles)]
    for loc, value in places:
        problem = _impossible(ind, value)
        if problem:
            message, hint, severity = problem
            report.add(
                ROLE, indicator_loc(place, *loc), Code.VALEUR_IMPOSSIBLE, message, hint, severity
            )
    if ind.reference and not _fits_frequency(ind, ind.reference.periode):
        report.add(
            ROLE,
            indicator_loc(place, "reference", "periode"),
            Code.PERIODE_HORS_FREQUENCE,
            f"la référence porte sur {ind.reference.periode.label}, hors de la fréquence "
            f"{ind.frequence.value} de « {ind.code} »",
            "vérifiez qu'elle se compare bien aux valeurs qui seront enregistrées",
            "avertissement",
        )


def _impossible(ind: Indicateur, value: float) -> tuple[str, str, str] | None:
    """(message, hint, severity) when `value` cannot be one of `ind`'s values."""
    kind = ind.type
    scale = ind.echelle
    if kind is TypeIndicateur.SCORE and scale and not (scale.min <= value <= scale.max):
        return (
            f"{value:g} est hors de l'échelle {scale.min:g} à {scale.max:g}",
            "une cible ou une référence se situe sur l'échelle du score",
            "erreur",
        )
    if kind is TypeIndicateur.OUI_NON and value not in (0, 1):
        return (f"{value:g} pour un indicateur oui/non", "écrivez 1 pour oui, 0 pour non", "erreur")
    if kind in (TypeIndicateur.NOMBRE, TypeIndicateur.DUREE, TypeIndicateur.TAUX) and value < 0:
        return (
            f"{value:g} est négatif",
            "un nombre, une durée ou un taux ne peut pas l'être",
            "erreur",
        )
    if kind is TypeIndicateur.TAUX and value > 100:
        return (
            f"taux de {value:g} %",
            "vérifiez : un taux dépasse rarement 100 %",
            "avertissement",
        )
    return None


def _check_rate_terms(report: Reporter, place: IndicatorPlace, ind: Indicateur) -> None:
    if (ind.numerateur or ind.denominateur) and ind.type is not TypeIndicateur.TAUX:
        report.add(
            ROLE,
            indicator_loc(place, "numerateur" if ind.numerateur else "denominateur"),
            Code.CHAMP_INUTILE,
            "numérateur et dénominateur ne servent qu'aux taux",
            "retirez-les ou choisissez le type taux",
            "avertissement",
        )


def _check_formula_frequencies(
    report: Reporter, place: IndicatorPlace, ind: Indicateur, indicators: dict[str, Indicateur]
) -> None:
    """A formula compares values of the same periods: its terms share its frequency."""
    for part, code in _formula_terms(ind):
        other = indicators.get(code)
        if other is not None and other.frequence is not ind.frequence:
            report.add(
                ROLE,
                indicator_loc(place, "formule", part),
                Code.FREQUENCES_DIFFERENTES,
                f"« {other.code} » est collecté en {other.frequence.value}, "
                f"« {ind.code} » en {ind.frequence.value}",
                "une formule compare des valeurs des mêmes périodes",
                "avertissement",
            )
