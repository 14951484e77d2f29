"""Does a recorded value fit its indicator? One set of rules for `record` and `validate`."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from utilsoc.check.numbers import NumberError, parse_number, parse_value
from utilsoc.codes import Code
from utilsoc.model.mesures import Mesure, Valeur
from utilsoc.model.periods import Period, is_aligned, period_containing
from utilsoc.model.referentiel import Frequence, Indicateur, Referentiel, TypeIndicateur

# Reading numbers lives in numbers.py; its names stay importable from here.
__all__ = [
    "NumberError",
    "Problem",
    "check_record",
    "future_problem",
    "parse_number",
    "parse_value",
    "period_problems",
]


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of a record, in French, with a hint."""

    field: str
    code: Code
    message: str
    hint: str
    dimension: str | None = None

    @property
    def loc(self) -> tuple[str, ...]:
        """Where in a record the problem lies: `("dimensions", "site")` or `("valeur",)`."""
        return (self.field, self.dimension) if self.dimension else (self.field,)


def future_problem(period: Period, day: dt.date, today: dt.date) -> Problem | None:
    """A value for a period not begun yet, or dated after `today`: refused at entry.

    Why only at entry: files already written are read as they are (`validate` does not
    depend on the day it runs).
    """
    if period.start > today:
        return Problem(
            "periode",
            Code.VALEUR_FUTURE,
            f"la période {period.name} n'a pas commencé (nous sommes le {today.isoformat()})",
            "une valeur s'enregistre une fois sa période commencée ; un objectif pour "
            "cette période s'écrit comme cible dans referentiel.yaml",
        )
    if day > today:
        return Problem(
            "date",
            Code.VALEUR_FUTURE,
            f"date {day.isoformat()} postérieure à aujourd'hui ({today.isoformat()})",
            "la date est celle du jour où la valeur a été relevée : corrigez-la",
        )
    return None


def check_record(referentiel: Referentiel, record: Valeur | Mesure) -> list[Problem]:
    """Every way `record` does not fit the référentiel (empty when it fits).

    Many records are checked faster by `check.records.RecordChecker`, with the same rules.
    """
    indicators = referentiel.indicators()
    indicator = indicators.get(record.indicateur)
    if indicator is None:
        return [unknown_indicator(record.indicateur, indicators)]
    return (
        value_problems(indicator, record)
        + period_problems(indicator, record.periode)
        + dimension_problems(referentiel, indicator, record)
    )


def unknown_indicator(code: str, indicators: dict[str, Indicateur]) -> Problem:
    """A record's indicator that the référentiel does not have."""
    return Problem(
        "indicateur",
        Code.INDICATEUR_INCONNU,
        f"indicateur « {code} » inconnu du référentiel",
        _closest(code, indicators),
    )


def period_problems(indicator: Indicateur, period: Period) -> list[Problem]:
    """A period that does not fit the indicator's frequency (a quarter for a school year)."""
    if indicator.frequence is Frequence.PONCTUELLE or is_aligned(period, indicator.frequence.kind):
        return []
    return [
        Problem(
            "periode",
            Code.PERIODE_HORS_FREQUENCE,
            f"{period.label} ne correspond pas à la fréquence {indicator.frequence.value} "
            f"de « {indicator.code} »",
            f"indiquez une période de cette fréquence, par exemple "
            f"{period_containing(period.start, indicator.frequence.kind).name}",
        )
    ]


def value_problems(indicator: Indicateur, record: Valeur | Mesure) -> list[Problem]:
    """What is wrong with the value (or the rate's terms) of a record of `indicator`."""
    """A value for a computed indicator, or one that does not fit its type."""
    computed = _computed(indicator)
    if computed is not None:
        return [computed]
    if record.numerateur is not None or record.denominateur is not None:
        return _ratio_problems(indicator, record)
    if record.valeur is None:
        return [
            Problem(
                "valeur",
                Code.VALEUR_MANQUANTE,
                "valeur manquante",
                "donnez la valeur (ou numérateur et dénominateur pour un taux)",
            )
        ]
    try:
        parse_value(indicator, record.valeur)
    except NumberError as error:
        return [Problem("valeur", error.code, str(error), error.hint or _expected(indicator))]
    except ValueError as error:
        return [Problem("valeur", Code.VALEUR_INVALIDE, str(error), _expected(indicator))]
    return []


def _computed(indicator: Indicateur) -> Problem | None:
    """An indicator computed by its formula or from questionnaire answers: no value for it."""
    if indicator.formule is not None:
        return Problem(
            "valeur",
            Code.INDICATEUR_CALCULE,
            f"« {indicator.code} » est calculé par sa formule",
            "enregistrez plutôt les indicateurs de sa formule",
        )
    if indicator.calcul is None:
        return None
    questionnaire = indicator.calcul.questionnaire or indicator.code
    return Problem(
        "valeur",
        Code.INDICATEUR_CALCULE,
        f"« {indicator.code} » est calculé à partir des réponses au questionnaire "
        f"« {questionnaire} »",
        f"enregistrez les réponses (utilsoc questionnaire {questionnaire} …) ; une "
        "valeur d'avant le questionnaire va dans la « référence » de l'indicateur",
    )


def _ratio_problems(indicator: Indicateur, record: Valeur | Mesure) -> list[Problem]:
    """Numerator and denominator: only for a rate, both given, a positive denominator."""
    if indicator.type is not TypeIndicateur.TAUX:
        return [
            Problem(
                "numerateur",
                Code.VALEUR_INVALIDE,
                "numérateur et dénominateur ne servent qu'aux taux",
                "donnez seulement la valeur",
            )
        ]
    if record.numerateur is None or record.denominateur is None:
        return [
            Problem(
                "numerateur",
                Code.VALEUR_MANQUANTE,
                "un taux se donne avec numérateur et dénominateur ensemble",
                "ajoutez celui qui manque",
            )
        ]
    if record.denominateur <= 0 or record.numerateur < 0:
        return [
            Problem(
                "denominateur",
                Code.VALEUR_INVALIDE,
                "dénominateur nul ou valeurs négatives",
                "le dénominateur compte au moins une personne",
            )
        ]
    return []


def dimension_problems(
    referentiel: Referentiel, indicator: Indicateur, record: Valeur | Mesure
) -> list[Problem]:
    """Dimensions the indicator is not broken down by, or values the référentiel lacks."""
    allowed = referentiel.dimension_values()
    problems = []
    for name, value in record.dimensions.items():
        if name not in indicator.dimensions:
            problems.append(
                Problem(
                    "dimensions",
                    Code.DIMENSION_INCONNUE,
                    f"« {indicator.code} » n'est pas ventilé par « {name} »",
                    "dimensions de cet indicateur : "
                    + (", ".join(indicator.dimensions) or "aucune"),
                    name,
                )
            )
        elif value not in allowed.get(name, []):
            problems.append(
                Problem(
                    "dimensions",
                    Code.VALEUR_DE_DIMENSION_INCONNUE,
                    f"« {value} » n'est pas une valeur de la dimension « {name} »",
                    "valeurs possibles : " + ", ".join(_declared(referentiel, name)),
                    name,
                )
            )
    return problems


def _declared(referentiel: Referentiel, name: str) -> list[str]:
    return next((d.valeurs for d in referentiel.dimensions if d.code == name), [])


def _expected(indicator: Indicateur) -> str:
    kind = indicator.type
    if kind is TypeIndicateur.OUI_NON:
        return "écrivez true ou false"
    if kind is TypeIndicateur.SCORE and indicator.echelle:
        return f"un nombre de {indicator.echelle.min:g} à {indicator.echelle.max:g}"
    unit = f" ({indicator.unite})" if indicator.unite else ""
    return f"un nombre avec un point décimal{unit}, par exemple 12 ou 3.5"


def _closest(code: str, known: dict[str, Indicateur]) -> str:
    close = difflib.get_close_matches(code, list(known), n=1)
    return (
        f"vouliez-vous dire « {close[0]} » ?" if close else "voir « utilsoc status » pour la liste"
    )
