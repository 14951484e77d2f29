"""Pydantic errors → French issues at the right line (the words are in translations.py)."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from utilsoc.codes import Code
from utilsoc.errors import Issue
from utilsoc.yamlio.comma import decimal_comma, split_number
from utilsoc.yamlio.fields import without_branches
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.reader import Document
from utilsoc.yamlio.translations import NUMBER_KINDS, issue_code, translate


def issues_from_validation(
    error: ValidationError, doc: Document, model: type[BaseModel]
) -> list[Issue]:
    """One Issue per pydantic error, positioned with the document's marks."""
    errors = without_branches(error.errors(include_url=False), model)
    return [_issue(details, doc, model) for details in errors]


def describe_error(error: ValidationError, model: type[BaseModel]) -> tuple[str, str]:
    """The first error of a validation outside any file, as (message, conseil) in French.

    For the command line and spreadsheet cells; the same table as file issues.
    """
    details = without_branches(error.errors(include_url=False), model)[0]
    message, hint = translate(details, model)
    name = ".".join(str(part) for part in details["loc"])
    if not name or details["type"] in _UNREAD:  # the message names the field already
        return message, hint
    return f"{name} : {message}", hint


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
    hashed = _hashed(details, doc)
    if hashed is not None:
        return hashed
    line, column = doc.position(loc, key=is_key or kind == "extra_forbidden")
    message, hint = translate(details, model)
    message = _named(message, loc, is_key=is_key, kind=kind)
    code, message = _with_value_read(details, message)
    return Issue(doc.file, line, column, code, message, hint)


def _hashed(details: ErrorDetails, doc: Document) -> Issue | None:
    """`couleur: #1D5C4D` read as empty: say that `#` starts a comment, and to quote.

    Why: the plain « valeur vide » left users looking at a value they could see.
    """
    if details.get("input") is not None or not doc.hashed:
        return None
    path = tuple(normalize_key(p) if isinstance(p, str) else p for p in details["loc"])
    found = doc.hashed.get(path)
    if found is None:
        return None
    text, (line, column) = found
    key = path[-1]
    written = f'{key}: "{text}"' if isinstance(key, str) else f'- "{text}"'
    what = "une couleur" if _is_colour(text) else "une valeur qui commence par « # »"
    cut = (
        f"valeur vide, car « {text} » est lu comme un commentaire "
        "(en YAML, « # » après une espace commence un commentaire)"
    )
    message = f"{key} : {cut}" if isinstance(key, str) else cut
    hint = f"{what} s'écrit entre guillemets : {written}"
    return Issue(doc.file, line, column, Code.DIESE_SANS_GUILLEMETS, message, hint)


def _is_colour(text: str) -> bool:
    digits = text[1:]
    return len(digits) in (3, 6) and all(c in "0123456789abcdefABCDEF" for c in digits)


def _named(message: str, loc: tuple[str | int, ...], *, is_key: bool, kind: str) -> str:
    """`dimensions : …` or `clé de « colonnes » : …`: the message after its field's name."""
    named = loc[:-1] if is_key else loc
    name = next((str(p) for p in reversed(named) if isinstance(p, str)), "")
    if is_key:
        return f"clé de « {name} » : {message}" if name else f"clé : {message}"
    if name and kind not in ("extra_forbidden", "missing"):
        return f"{name} : {message}"
    return message


_UNREAD = ("extra_forbidden", "missing")


def _with_value_read(details: ErrorDetails, message: str) -> tuple[Code, str]:
    """The issue code, and the message followed by the value read when it helps."""
    read = details.get("input")
    kind = details["type"]
    if isinstance(read, str) and kind in NUMBER_KINDS and decimal_comma(read):
        return Code.VIRGULE_DECIMALE, message  # the message already shows the value, corrected
    if isinstance(read, str | int | float) and read != "" and kind not in _UNREAD:
        shown = str(read) if len(str(read)) <= 40 else str(read)[:39] + "…"
        if f"« {shown} »" not in message:
            message += f" (valeur lue : « {shown} »)"
    return issue_code(kind), message
