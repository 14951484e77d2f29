"""Numbers and typed values read from what a user typed: one message per kind of mistake."""

from __future__ import annotations

import re

from utilsoc.codes import Code
from utilsoc.model.base import INFINITE_NUMBER, NUMBER_LIMIT_HINT, TOO_BIG_NUMBER, number_problem
from utilsoc.model.referentiel import Indicateur, TypeIndicateur
from utilsoc.yamlio.comma import decimal_comma

_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_INFINITE = re.compile(r"[-+]?\.?(inf|infinity|nan)", re.IGNORECASE)
_NON_NEGATIVE = {TypeIndicateur.NOMBRE, TypeIndicateur.DUREE, TypeIndicateur.TAUX}


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
