"""Does a recorded value fit its indicator? One set of rules for `record` and `validate`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from utilsoc.codes import Code
from utilsoc.model.base import INFINITE_NUMBER, NUMBER_LIMIT_HINT, TOO_BIG_NUMBER, number_problem
from utilsoc.model.mesures import Mesure, Valeur
from utilsoc.model.periods import Period, is_aligned, period_containing
from utilsoc.model.referentiel import Frequence, Indicateur, Referentiel, TypeIndicateur
from utilsoc.yamlio.comma import decimal_comma

_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_INFINITE = re.compile(r"[-+]?\.?(inf|infinity|nan)", re.IGNORECASE)
_NON_NEGATIVE = {TypeIndicateur.NOMBRE, TypeIndicateur.DUREE, TypeIndicateur.TAUX}


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


class NumberError(ValueError):
    """A number that cannot be read or recorded, with its issue code and hint."""

    def __init__(self, message: str, code: Code = Code.VALEUR_INVALIDE, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.hint = hint


def parse_number(text: str, *, comma: bool = False) -> float:
    """Read a decimal number; with `comma`, a French `3,5` is accepted (command line).

    Raises:
        NumberError: a ValueError with a French message, its issue code and hint.
    """
    if text.isascii() and text.replace(".", "", 1).isdigit():
        number = float(text)  # the common case, plain digits: no cleaning, no pattern
        if number_problem(number) is None:
            return number
    cleaned = _cleaned(text, comma=comma)
    shown = text if len(text) <= 30 else text[:29] + "…"
    if not _NUMBER.fullmatch(cleaned):
        raise _not_a_number(cleaned, shown)
    number = float(cleaned)
    problem = number_problem(number)
    if problem is not None:  # written with digits: an infinity here is an overflow
        problem = TOO_BIG_NUMBER if problem == INFINITE_NUMBER else problem
        raise NumberError(f"{problem}, « {shown} » lu", Code.NOMBRE_HORS_LIMITES, NUMBER_LIMIT_HINT)
    return number


def _cleaned(text: str, *, comma: bool) -> str:
    """Without spaces around or between thousands; with `comma`, `3,5` becomes `3.5`."""
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "")
    if comma and cleaned.count(",") == 1 and "." not in cleaned:
        return cleaned.replace(",", ".")
    return cleaned


def _not_a_number(cleaned: str, shown: str) -> NumberError:
    """Why `cleaned` is not a number: a decimal comma, an infinity, or anything else."""
    misplaced = decimal_comma(cleaned)
    if misplaced is not None:
        return NumberError(misplaced[0], Code.VIRGULE_DECIMALE, misplaced[1])
    if _INFINITE.fullmatch(cleaned):
        return NumberError(f"{INFINITE_NUMBER}, « {shown} » lu", Code.NOMBRE_HORS_LIMITES)
    return NumberError(f"nombre attendu, « {shown} » lu")


def parse_value(
    indicator: Indicateur, text: str | None, *, comma: bool = False
) -> float | bool | str | None:
    """The typed value of `text` for `indicator`.

    Raises:
        ValueError: the text does not fit the indicator's type or scale (French message).
    """
    kind = indicator.type
    if text is None:
        return None
    if kind is TypeIndicateur.QUALITATIF:
        return text
    if kind is TypeIndicateur.OUI_NON:
        return _yes_no(indicator, text)
    number = parse_number(text, comma=comma)
    if kind in _NON_NEGATIVE and number < 0:
        raise ValueError(f"« {indicator.code} » ne peut pas être négatif ({text})")
    scale = indicator.echelle
    if kind is TypeIndicateur.SCORE and scale and not scale.min <= number <= scale.max:
        raise ValueError(f"score hors de l'échelle {scale.min:g} à {scale.max:g} : {text}")
    return number


def _yes_no(indicator: Indicateur, text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "oui"):
        return True
    if lowered in ("false", "non"):
        return False
    raise ValueError(f"oui/non attendu pour « {indicator.code} », « {text} » lu")


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
    if indicator.formule is not None:
        return [
            Problem(
                "valeur",
                Code.INDICATEUR_CALCULE,
                f"« {indicator.code} » est calculé par sa formule",
                "enregistrez plutôt les indicateurs de sa formule",
            )
        ]
    if indicator.calcul is not None:
        questionnaire = indicator.calcul.questionnaire or indicator.code
        return [
            Problem(
                "valeur",
                Code.INDICATEUR_CALCULE,
                f"« {indicator.code} » est calculé à partir des réponses au questionnaire "
                f"« {questionnaire} »",
                f"enregistrez les réponses (utilsoc questionnaire {questionnaire} …) ; une "
                "valeur d'avant le questionnaire va dans la « référence » de l'indicateur",
            )
        ]
    has_ratio = record.numerateur is not None or record.denominateur is not None
    if has_ratio and indicator.type is not TypeIndicateur.TAUX:
        return [
            Problem(
                "numerateur",
                Code.VALEUR_INVALIDE,
                "numérateur et dénominateur ne servent qu'aux taux",
                "donnez seulement la valeur",
            )
        ]
    if has_ratio:
        return _ratio_problems(record)
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


def _ratio_problems(record: Valeur | Mesure) -> list[Problem]:
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
    import difflib

    close = difflib.get_close_matches(code, list(known), n=1)
    return (
        f"vouliez-vous dire « {close[0]} » ?" if close else "voir « utilsoc status » pour la liste"
    )
