"""Pydantic errors → French issues at the right line, translated by error type."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from utilsoc.codes import Code
from utilsoc.errors import Issue
from utilsoc.model.base import INFINITE_NUMBER, NUMBER_LIMIT_HINT, TOO_BIG_NUMBER
from utilsoc.model.periods import PERIOD_HINT
from utilsoc.yamlio.comma import decimal_comma, split_number
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.reader import Document

Translator = Callable[[ErrorDetails, type[BaseModel]], tuple[str, str]]
_NUMBER_HINT = "écrivez un nombre, par exemple 12 ou 3.5"


def issues_from_validation(
    error: ValidationError, doc: Document, model: type[BaseModel]
) -> list[Issue]:
    """One Issue per pydantic error, positioned with the document's marks."""
    return [_issue(details, doc, model) for details in error.errors(include_url=False)]


def describe_error(error: ValidationError, model: type[BaseModel]) -> tuple[str, str]:
    """The first error of a validation outside any file, as (message, conseil) in French.

    For the command line and spreadsheet cells; the same table as file issues.
    """
    details = error.errors(include_url=False)[0]
    message, hint = _TRANSLATORS.get(details["type"], _fallback)(details, model)
    name = ".".join(str(part) for part in details["loc"])
    return (f"{name} : {message}" if name else message), hint


def _issue(details: ErrorDetails, doc: Document, model: type[BaseModel]) -> Issue:
    split = split_number(details, doc)
    if split is not None:
        return split
    loc = details["loc"]
    kind = details["type"]
    # pydantic names a mapping's bad key (`colonnes: {valuer: ...}`) by the key, then "[key]".
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    line, column = doc.position(loc, key=is_key or kind == "extra_forbidden")
    message, hint = _TRANSLATORS.get(kind, _fallback)(details, model)
    message = _named(message, loc, is_key=is_key, kind=kind)
    code, message = _with_value_read(details, message)
    return Issue(doc.file, line, column, code, message, hint)


def _named(message: str, loc: tuple[str | int, ...], *, is_key: bool, kind: str) -> str:
    """`dimensions : …` or `clé de « colonnes » : …`: the message after its field's name."""
    named = loc[:-1] if is_key else loc
    name = next((str(p) for p in reversed(named) if isinstance(p, str)), "")
    if is_key:
        return f"clé de « {name} » : {message}" if name else f"clé : {message}"
    if name and kind not in ("extra_forbidden", "missing"):
        return f"{name} : {message}"
    return message


def _with_value_read(details: ErrorDetails, message: str) -> tuple[Code, str]:
    """The issue code, and the message followed by the value read when it helps."""
    read = details.get("input")
    kind = details["type"]
    if isinstance(read, str) and kind in _NUMBER_KINDS and decimal_comma(read):
        return Code.VIRGULE_DECIMALE, message  # the message already shows the value, corrected
    if isinstance(read, str | int | float) and kind not in ("extra_forbidden", "missing"):
        shown = str(read) if len(str(read)) <= 40 else str(read)[:39] + "…"
        message += f" (valeur lue : « {shown} »)"
    return _code(kind), message


def _code(kind: str) -> Code:
    """The issue code of a pydantic error type; one without its own is a `valeur-invalide`."""
    return _CODES.get(kind, Code.VALEUR_INVALIDE)


def _missing(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    field = details["loc"][-1]
    return f"champ obligatoire « {field} » manquant", f"ajoutez la ligne « {field}: ... »"


def _extra(details: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    key = str(details["loc"][-1])
    known = known_keys(model, details["loc"][:-1])
    message = f"champ inconnu « {key} »"
    if not known:
        return message, "supprimez-le"
    plain = {normalize_key(k): k for k in known}
    close = difflib.get_close_matches(normalize_key(key), plain, n=1, cutoff=0.6)
    if close:
        return message, f"vouliez-vous dire « {plain[close[0]]} » ?"
    return message, "champs possibles : " + ", ".join(known)


def _text(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    value = details.get("input")
    if value is None:
        return "valeur vide", "écrivez un texte après les deux-points, ou supprimez la ligne"
    if isinstance(value, list | dict):
        return "texte attendu, pas une liste ni un bloc", "écrivez le texte sur la même ligne"
    return "texte attendu", "mettez la valeur entre guillemets"


def _number(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    value = details.get("input")
    if value is None:
        return "valeur vide : nombre attendu", _NUMBER_HINT
    comma = decimal_comma(value) if isinstance(value, str) else None
    if comma is not None:
        return comma
    if details["type"].startswith("int"):
        return "nombre entier attendu", "écrivez un nombre sans virgule, par exemple 12"
    return "nombre attendu", _NUMBER_HINT


def _finite(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    value = str(details.get("input", ""))
    if any(char.isdigit() for char in value):  # `1e309`: a finite number written too big
        return TOO_BIG_NUMBER, NUMBER_LIMIT_HINT
    return INFINITE_NUMBER, _NUMBER_HINT


def _pattern(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    pattern = str(details.get("ctx", {}).get("pattern", ""))
    if pattern.startswith("^#"):
        return "couleur invalide", "écrivez-la au format #RRVVBB, par exemple #1F5F8B"
    return "code invalide", (
        "lettres sans accent, chiffres, « _ », « - » ou « . », sans espace, "
        "par exemple EDU-1 ou nb_eleves"
    )


def _enum(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    expected = str(details.get("ctx", {}).get("expected", ""))
    choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",") if c.strip()]
    close = difflib.get_close_matches(
        normalize_key(str(details.get("input", ""))), [normalize_key(c) for c in choices], n=1
    )
    hint = "valeurs possibles : " + ", ".join(choices)
    if close:
        chosen = choices[[normalize_key(c) for c in choices].index(close[0])]
        hint = f"vouliez-vous dire « {chosen} » ? ({hint})"
    return "valeur non reconnue", hint


def _simple(message: str, hint: str) -> Translator:
    return lambda _details, _model: (message, hint)


def _fallback(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    return f"valeur invalide ({details['msg']})", "corrigez la valeur"


def _custom(hint: str) -> Translator:
    return lambda details, _model: (details["msg"].removeprefix("Value error, "), hint)


_TRANSLATORS: dict[str, Translator] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "string_type": _text,
    "string_too_short": _simple("texte vide", "écrivez un texte ou supprimez la ligne"),
    "string_pattern_mismatch": _pattern,
    "string_too_long": _simple("texte trop long", "un code fait au plus 80 caractères"),
    "date_from_datetime_inexact": _simple(
        "date attendue, sans heure", "format AAAA-MM-JJ, par exemple 2025-03-01"
    ),
    "float_parsing": _number,
    "float_type": _number,
    "int_parsing": _number,
    "int_type": _number,
    "int_from_float": _number,
    "finite_number": _finite,
    "nombre_hors_limites": _custom(NUMBER_LIMIT_HINT),
    "list_type": _simple("liste attendue", "écrivez chaque élément sur sa ligne, précédé de « - »"),
    "too_short": _simple("liste vide", "ajoutez au moins un élément, précédé de « - »"),
    "model_type": _simple("bloc de champs attendu", "écrivez les champs en dessous, indentés"),
    "model_attributes_type": _simple(
        "bloc de champs attendu", "écrivez les champs en dessous, indentés"
    ),
    "dict_type": _simple("bloc de champs attendu", "écrivez les champs en dessous, indentés"),
    "enum": _enum,
    "literal_error": _enum,
    "booleen": _simple("valeur oui/non attendue", "écrivez true ou false"),
    "bool_parsing": _simple("valeur oui/non attendue", "écrivez true ou false"),
    "periode": _custom(PERIOD_HINT),
    "date_from_datetime_parsing": _simple(
        "date attendue", "format AAAA-MM-JJ, par exemple 2025-03-01"
    ),
    "date_parsing": _simple("date attendue", "format AAAA-MM-JJ, par exemple 2025-03-01"),
    "date_type": _simple("date attendue", "format AAAA-MM-JJ, par exemple 2025-03-01"),
    "value_error": _custom("corrigez la valeur"),
}

_CODES: dict[str, Code] = {
    "missing": Code.CHAMP_MANQUANT,
    "extra_forbidden": Code.CHAMP_INCONNU,
    "string_type": Code.TEXTE_ATTENDU,
    "string_too_short": Code.TEXTE_VIDE,
    "string_pattern_mismatch": Code.FORMAT_INVALIDE,
    "string_too_long": Code.TEXTE_TROP_LONG,
    "date_from_datetime_inexact": Code.DATE_INVALIDE,
    "float_parsing": Code.NOMBRE_ATTENDU,
    "float_type": Code.NOMBRE_ATTENDU,
    "int_parsing": Code.NOMBRE_ATTENDU,
    "int_type": Code.NOMBRE_ATTENDU,
    "int_from_float": Code.NOMBRE_ATTENDU,
    "finite_number": Code.NOMBRE_HORS_LIMITES,
    "nombre_hors_limites": Code.NOMBRE_HORS_LIMITES,
    "list_type": Code.LISTE_ATTENDUE,
    "too_short": Code.LISTE_VIDE,
    "model_type": Code.BLOC_ATTENDU,
    "model_attributes_type": Code.BLOC_ATTENDU,
    "dict_type": Code.BLOC_ATTENDU,
    "enum": Code.VALEUR_INCONNUE,
    "literal_error": Code.VALEUR_INCONNUE,
    "booleen": Code.OUI_NON_ATTENDU,
    "bool_parsing": Code.OUI_NON_ATTENDU,
    "periode": Code.PERIODE_INVALIDE,
    "date_from_datetime_parsing": Code.DATE_INVALIDE,
    "date_parsing": Code.DATE_INVALIDE,
    "date_type": Code.DATE_INVALIDE,
    "value_error": Code.VALEUR_INVALIDE,
}


_NUMBER_KINDS = frozenset({"float_parsing", "float_type", "int_parsing", "int_type"})


def known_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The YAML keys allowed at `loc` inside `model`, or [] if it is not a model."""
    current: Any = model
    for part in loc:
        current = _inside(_unwrap(current), part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _inside(annotation: Any, part: str | int) -> Any:
    """The type of the item `part` (a list index or a field's key) of `annotation`, or None."""
    if isinstance(part, int):
        args = typing.get_args(annotation)
        return args[-1] if args else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = {normalize_key(f.alias or n): f for n, f in annotation.model_fields.items()}
        field = fields.get(normalize_key(part))
        return field.annotation if field else None
    return None


def _unwrap(annotation: Any) -> Any:
    """`X | None` → X."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation
