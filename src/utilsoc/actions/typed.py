"""A value as the user types it (`612,5`, `37/94`, `oui`) and as it is shown back."""

from __future__ import annotations

import re

from utilsoc.check.values import NumberError, parse_number, parse_value
from utilsoc.errors import UserError
from utilsoc.model.mesures import Mesure, Valeur
from utilsoc.model.referentiel import Indicateur, TypeIndicateur

_DECIMAL = re.compile(r"-?\d+\.\d+")

RATE_HINT = (
    "écrivez ses deux termes, NUMÉRATEUR/DÉNOMINATEUR (37/94), ou --numerateur 37 "
    "--denominateur 94 ; un pourcentage publié sans ses termes s'écrit sur 100 (14,1/100)"
)


def shown(record: Valeur | Mesure) -> str:
    """A recorded value as a French user types it: `42`, `0,9`, a rate's terms `37/94`."""
    if record.numerateur is None or record.denominateur is None:
        return french_text(record.valeur) or ""
    return "/".join(
        french_text(canonical_text(n)) or "" for n in (record.numerateur, record.denominateur)
    )


def french_text(text: str | None) -> str | None:
    """`0.9` → `0,9`: a number as written in a file, with the decimal comma; text as is."""
    if text is not None and _DECIMAL.fullmatch(text):
        return text.replace(".", ",")
    return text


def typed_terms(
    indicator: Indicateur | None,
    text: str | None,
    numerator: str | None = None,
    denominator: str | None = None,
) -> tuple[str | None, float | None, float | None]:
    """The value as recorded, or a rate's two terms (`37/94` or the two options).

    Raises:
        UserError: the value does not fit the indicator, or a rate is a bare percentage.
    """
    is_rate = indicator is not None and indicator.type is TypeIndicateur.TAUX
    if text is not None and is_rate and "/" in text:
        numerator, _, denominator = text.partition("/")
        text = None
    if (numerator, denominator) != (None, None):
        return None, _term(numerator, "numérateur"), _term(denominator, "dénominateur")
    if indicator is None:
        return text, None, None
    return canonical_text(typed_value(indicator, text)), None, None


def typed_value(indicator: Indicateur, text: str | None) -> float | bool | str | None:
    """`text` read for `indicator` (decimal comma accepted); a rate is refused here.

    Raises:
        UserError: the text does not fit, with how to write it (`33%`: drop the sign).
    """
    percent = text is not None and text.strip().endswith("%")
    if indicator.type is TypeIndicateur.TAUX:
        raise _bare_rate(text or "")
    try:
        return parse_value(indicator, text, comma=True)
    except NumberError as error:
        if percent and indicator.type is not TypeIndicateur.QUALITATIF:
            raise UserError(*_percent_problem(text or "")) from None
        raise UserError(str(error), error.hint or "vérifiez la valeur saisie") from None
    except ValueError as error:
        raise UserError(str(error), "vérifiez la valeur saisie") from None


def _bare_rate(text: str) -> UserError:
    """A rate given as one number (`82,5`, `33%`): say to give its two terms."""
    number = text.strip().removesuffix("%").strip()
    try:
        parse_number(number, comma=True)
    except NumberError:
        number = "14,1"
    sign = ", sans le signe %" if text.strip().endswith("%") else ""
    return UserError(
        f"un taux s'enregistre par ses deux termes{sign}, « {text} » lu",
        "écrivez NUMÉRATEUR/DÉNOMINATEUR (37/94), ou --numerateur 37 --denominateur 94 ; "
        f"un pourcentage publié sans ses termes s'écrit sur 100 ({number}/100)",
    )


def _percent_problem(text: str) -> tuple[str, str]:
    """Message and hint for `33%` given to an indicator that is not a rate."""
    number = text.strip().removesuffix("%").strip()
    return (
        f"nombre attendu, « {text} » lu : écrivez la valeur sans le signe %",
        f"écrivez {number} ; pour un taux, déclarez « type: taux » dans referentiel.yaml et "
        "donnez ses deux termes : 37/94, ou --numerateur 37 --denominateur 94",
    )


def _term(text: str | None, name: str) -> float | None:
    """One term of a rate, as a number (the model says when one is missing)."""
    if text is None:
        return None
    try:
        return parse_number(text.strip(), comma=True)
    except NumberError as error:
        raise UserError(f"{name} : {error}", error.hint or RATE_HINT) from None


def canonical_text(value: float | bool | str | None) -> str | None:
    """How a typed value is written in a measurement file: `12`, `3.5`, `true`, text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value
