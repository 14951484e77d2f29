"""An indicator written as a block of YAML lines, as a person would type it in a référentiel.

Why not a YAML dumper: the block is added to a file a person keeps, among their comments;
it must look like the rest of it (accented keys, flow lists, quotes only where needed).
"""

from __future__ import annotations

import json
import re
from typing import Any

from utilsoc.model.referentiel import Indicateur

# Keys in the order a person reads them; the others follow in the model's order.
ORDER = ("code", "catalogue", "libelle", "definition", "type", "niveau", "unite")
# A text left unquoted: a letter first, then nothing YAML could read otherwise.
_PLAIN = re.compile(r"[^\W\d_][\w .,'()/%«»’²+\-]*", re.UNICODE)
# Longer texts (definitions) are quoted, as people write them in the examples.
_PLAIN_LENGTH = 70
_RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"})


def indicator_block(
    indicateur: Indicateur, dash: int, key: int, *, accents: bool = True, newline: str = "\n"
) -> str:
    """The lines of `indicateur` as one item of an `indicateurs:` list.

    `dash` is the column of the item's `-`, `key` that of its keys; `accents` chooses
    `libellé` over `libelle`. Only the keys the indicator was given are written.
    """
    key = max(key, dash + 2)
    values = _values(indicateur, accents)
    lines: list[str] = []
    for name, value in values.items():
        lines += _entry(name, value, key)
    first = lines[0][key:]
    lines[0] = " " * dash + "-" + " " * (key - dash - 1) + first
    return "".join(line + newline for line in lines)


def _values(indicateur: Indicateur, accents: bool) -> dict[str, Any]:
    data = indicateur.model_dump(
        by_alias=accents, exclude_unset=True, exclude_none=True, mode="json"
    )
    fields = Indicateur.model_fields
    first = [(fields[n].alias or n) if accents else n for n in ORDER]
    names = [n for n in first if n in data] + [n for n in data if n not in first]
    return {name: data[name] for name in names}


def _entry(name: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        lines = [f"{pad}{name}:"]
        for sub, item in value.items():
            lines += _entry(sub, item, indent + 2)
        return lines
    return [f"{pad}{name}: {scalar(value)}"]


def scalar(value: Any) -> str:
    """One YAML value: a flow list, a number, or a text quoted only when it must be."""
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    short = len(text) <= _PLAIN_LENGTH
    if short and _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and text[-1] != " ":
        return text
    return json.dumps(text, ensure_ascii=False)
