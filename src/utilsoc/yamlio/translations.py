"""Every pydantic error type in French: what is wrong and how to fix it, and its issue code.

Why a table by error type: pydantic's own messages are English ("Extra inputs are not
permitted") and name its internals (`literal_error`); none of them may reach a user.
An error type missing here still gets a French message (`_fallback`), never pydantic's.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from utilsoc.codes import Code
from utilsoc.model.base import INFINITE_NUMBER, NUMBER_LIMIT_HINT, TOO_BIG_NUMBER
from utilsoc.model.periods import PERIOD_HINT
from utilsoc.yamlio.comma import decimal_comma
from utilsoc.yamlio.fields import known_keys
from utilsoc.yamlio.keys import normalize_key

Translator = Callable[[ErrorDetails, type[BaseModel]], tuple[str, str]]
_NUMBER_HINT = "écrivez un nombre, par exemple 12 ou 3.5"
_DATE_HINT = "format AAAA-MM-JJ, par exemple 2025-03-01"
_BLOCK = ("bloc de champs attendu", "écrivez les champs en dessous, indentés")
_YES_NO = ("valeur oui/non attendue", "écrivez true ou false")
_CODE_RULE = "lettres sans accent, chiffres, « _ », « - » ou « . », sans espace"
# An example of the code each field holds, by the field's plain name.
_CODE_EXAMPLES = {
    "indicateur": "nb_eleves_accompagnes",
    "indicateurs": "nb_eleves_accompagnes",
    "indicateurs_cles": "nb_eleves_accompagnes",
    "numerateur": "nb_eleves_accompagnes",
    "denominateur": "nb_eleves_inscrits",
    "questionnaire": "score_confiance",
    "critere": "EDU-1",
    "criteres": "EDU-1",
    "dimensions": "site",
    "partie_prenante": "familles",
    "parties_prenantes": "familles",
    "cadre": "financeur",
    "commun": "nb_personnes_accompagnees",
}


def translate(details: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    """The French message and hint of one pydantic error."""
    return _TRANSLATORS.get(details["type"], _fallback)(details, model)


def issue_code(kind: str) -> Code:
    """The issue code of a pydantic error type; one without its own is a `valeur-invalide`."""
    return _CODES.get(kind, Code.VALEUR_INVALIDE)


def field_name(loc: tuple[str | int, ...]) -> str:
    """The plain name of the field an error is about: `participant`, or `dimensions` for a key."""
    parts = loc[:-2] if loc and loc[-1] == "[key]" else loc
    return next((normalize_key(p) for p in reversed(parts) if isinstance(p, str)), "")


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


def _bound(words: str) -> Translator:
    """`greater_than` and its kin: the bound from the error's context, in words."""

    def translate(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
        bound = next(iter(details.get("ctx", {}).values()), "")
        return f"nombre {words} {bound} attendu", f"écrivez un nombre {words} {bound}"

    return translate


def _pattern(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    pattern = str(details.get("ctx", {}).get("pattern", ""))
    if pattern.startswith("^#"):
        return "couleur invalide", "écrivez-la au format #RRVVBB, par exemple #1F5F8B"
    name = field_name(details["loc"])
    if name == "participant":
        return (
            f"« {details.get('input')} » n'est pas un code de participant",
            "donnez le code pseudonyme du participant, par exemple P012, sans espace ni "
            "accent : son nom est une donnée personnelle, il ne s'enregistre pas",
        )
    example = _CODE_EXAMPLES.get(name)
    examples = f"par exemple {example}" if example else "par exemple EDU-1 ou nb_eleves"
    return "code invalide", f"{_CODE_RULE}, {examples}"


def _length(noun: str, unit: str) -> Translator:
    """A text or a list too short or too long, with its limit from the error's context."""
    text = noun == "texte"

    def translate(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
        ctx = details.get("ctx", {})
        if "max_length" in ctx:
            long, shorten = (
                ("trop long", "raccourcissez-le") if text else ("trop longue", "retirez-en")
            )
            return f"{noun} {long} : au plus {ctx['max_length']} {unit}", shorten
        least = ctx.get("min_length", 1)
        if least == 1 and text:
            return "texte vide", "écrivez un texte ou supprimez la ligne"
        if least == 1:
            return "liste vide", "ajoutez au moins un élément, précédé de « - »"
        short = "trop court" if text else "trop courte"
        return f"{noun} {short} : au moins {least} {unit}", f"donnez au moins {least} {unit}"

    return translate


def _enum(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    expected = str(details.get("ctx", {}).get("expected", ""))
    choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",") if c.strip()]
    read = details.get("input")
    close = difflib.get_close_matches(
        normalize_key(read if isinstance(read, str) else ""),
        [normalize_key(c) for c in choices],
        n=1,
    )
    hint = "valeurs possibles : " + ", ".join(choices)
    if read is None:
        return "valeur vide", hint
    if close:
        chosen = choices[[normalize_key(c) for c in choices].index(close[0])]
        hint = f"vouliez-vous dire « {chosen} » ? ({hint})"
    return "valeur non reconnue", hint


def _simple(message: str, hint: str) -> Translator:
    return lambda _details, _model: (message, hint)


def _fallback(_details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
    return "valeur refusée", "corrigez la valeur : voir la référence du format (docs/format.md)"


def _custom(hint: str) -> Translator:
    """A rule of ours (its message is already French), or pydantic's prefix dropped."""

    def translate(details: ErrorDetails, _model: type[BaseModel]) -> tuple[str, str]:
        message = details["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        return message, hint

    return translate


_TRANSLATORS: dict[str, Translator] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "string_type": _text,
    "string_sub_type": _text,
    "string_unicode": _simple("texte illisible", "réenregistrez le fichier en UTF-8"),
    "string_too_short": _length("texte", "caractères"),
    "string_too_long": _length("texte", "caractères"),
    "string_pattern_mismatch": _pattern,
    "too_short": _length("liste", "éléments"),
    "too_long": _length("liste", "éléments"),
    "float_parsing": _number,
    "float_type": _number,
    "int_parsing": _number,
    "int_type": _number,
    "int_from_float": _number,
    "int_parsing_size": _simple(TOO_BIG_NUMBER, NUMBER_LIMIT_HINT),
    "finite_number": _finite,
    "nombre_hors_limites": _custom(NUMBER_LIMIT_HINT),
    "greater_than": _bound("supérieur à"),
    "greater_than_equal": _bound("supérieur ou égal à"),
    "less_than": _bound("inférieur à"),
    "less_than_equal": _bound("inférieur ou égal à"),
    "multiple_of": _bound("multiple de"),
    "list_type": _simple("liste attendue", "écrivez chaque élément sur sa ligne, précédé de « - »"),
    "model_type": _simple(*_BLOCK),
    "model_attributes_type": _simple(*_BLOCK),
    "dict_type": _simple(*_BLOCK),
    "enum": _enum,
    "literal_error": _enum,
    "union_tag_invalid": _simple("forme non reconnue", "comparez avec la référence du format"),
    "booleen": _simple(*_YES_NO),
    "bool_parsing": _simple(*_YES_NO),
    "bool_type": _simple(*_YES_NO),
    "periode": _custom(PERIOD_HINT),
    "montant": _custom('écrivez le montant en euros : 1200, 1 200,50 ou "1200,50 €"'),
    "pourcentage": _custom(
        "un pourcentage s'écrit avec son signe (25 %), jamais en fraction (0,25)"
    ),
    "date_from_datetime_inexact": _simple("date attendue, sans heure", _DATE_HINT),
    "date_from_datetime_parsing": _simple("date attendue", _DATE_HINT),
    "date_parsing": _simple("date attendue", _DATE_HINT),
    "date_type": _simple("date attendue", _DATE_HINT),
    "datetime_parsing": _simple("date attendue", _DATE_HINT),
    "datetime_type": _simple("date attendue", _DATE_HINT),
    "value_error": _custom("corrigez la valeur"),
    "assertion_error": _custom("corrigez la valeur"),
}

_CODES: dict[str, Code] = {
    "missing": Code.CHAMP_MANQUANT,
    "extra_forbidden": Code.CHAMP_INCONNU,
    "string_type": Code.TEXTE_ATTENDU,
    "string_sub_type": Code.TEXTE_ATTENDU,
    "string_too_short": Code.TEXTE_VIDE,
    "string_pattern_mismatch": Code.FORMAT_INVALIDE,
    "string_too_long": Code.TEXTE_TROP_LONG,
    "float_parsing": Code.NOMBRE_ATTENDU,
    "float_type": Code.NOMBRE_ATTENDU,
    "int_parsing": Code.NOMBRE_ATTENDU,
    "int_type": Code.NOMBRE_ATTENDU,
    "int_from_float": Code.NOMBRE_ATTENDU,
    "int_parsing_size": Code.NOMBRE_HORS_LIMITES,
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
    "bool_type": Code.OUI_NON_ATTENDU,
    "periode": Code.PERIODE_INVALIDE,
    "date_from_datetime_inexact": Code.DATE_INVALIDE,
    "date_from_datetime_parsing": Code.DATE_INVALIDE,
    "date_parsing": Code.DATE_INVALIDE,
    "date_type": Code.DATE_INVALIDE,
    "datetime_parsing": Code.DATE_INVALIDE,
    "datetime_type": Code.DATE_INVALIDE,
}

NUMBER_KINDS = frozenset({"float_parsing", "float_type", "int_parsing", "int_type"})
TRANSLATED: frozenset[str] = frozenset(_TRANSLATORS)
