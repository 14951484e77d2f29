"""Decimal commas: the one message for `3,5`, and flow records the comma split in two."""

from __future__ import annotations

import re
from typing import Any

from pydantic_core import ErrorDetails

from utilsoc.codes import Code
from utilsoc.errors import Issue
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.reader import Document

_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")
_INTEGER = re.compile(r"[-+]?\d+")


def decimal_comma(text: str) -> tuple[str, str] | None:
    """The one message and hint for a number written `3,5`, or None if `text` is not one.

    Used by every reader of numbers (référentiel fields, recorded values, flow records
    split by the comma), always with the code `Code.VIRGULE_DECIMALE`.
    """
    cleaned = text.strip()
    if not _DECIMAL_COMMA.fullmatch(cleaned):
        return None
    return (
        f"virgule décimale : écrivez {cleaned.replace(',', '.')}",
        "un nombre s'écrit avec un point décimal",
    )


def split_number(details: ErrorDetails, doc: Document) -> Issue | None:
    """`{valeur: 3,5}` read as `valeur: 3` and a key `5`: one decimal-comma issue.

    Why: in a flow mapping the comma separates entries, so the unknown key made of digits
    right after a whole number is the decimal part the user meant.
    """
    loc = details["loc"]
    key = loc[-1] if loc else None
    if details["type"] != "extra_forbidden" or not isinstance(key, str) or not key.isdigit():
        return None
    before = _whole_number_before(_node(doc.data, loc[:-1]), key)
    if before is None:
        return None
    written = f"{before[1]},{key}"
    message, hint = decimal_comma(written) or ("", "")
    # Here the comma may also belong to a text: quoting keeps it whole.
    hint += f' ; pour un texte, mettez-le entre guillemets : "{written}"'
    line, column = doc.position((*loc[:-1], before[0]))
    return Issue(doc.file, line, column, Code.VIRGULE_DECIMALE, message, hint)


def _whole_number_before(parent: Any, key: str) -> tuple[str, str] | None:
    """The entry before the empty key `key` in `parent`, when its value is a whole number."""
    if not isinstance(parent, dict) or key not in parent or parent[key] is not None:
        return None
    keys = list(parent)
    index = keys.index(key)
    if index == 0:
        return None
    value = parent[keys[index - 1]]
    if not isinstance(value, str) or not _INTEGER.fullmatch(value):
        return None
    return str(keys[index - 1]), value


def _node(data: Any, loc: tuple[str | int, ...]) -> Any:
    """The value at `loc` in the document's data (keys compared without accents)."""
    for part in loc:
        if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(data, dict) and isinstance(part, str):
            wanted = normalize_key(part)
            data = next((v for k, v in data.items() if normalize_key(k) == wanted), None)
        else:
            return None
    return data
