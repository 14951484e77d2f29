"""Finding catalogue indicators by words, accents and case aside."""

from __future__ import annotations

import unicodedata
from typing import Any

from utilsoc.catalogue.entries import Entry, entries

# Ligatures NFKD leaves whole: « cœur » is found by « coeur ».
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "’": "'", "ʼ": "'"})


def folded(text: str) -> str:
    """`text` without accents, in lower case: « Éducation » → « education »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search(registre: str | None = None, words: str | None = None) -> list[Entry]:
    """The catalogue's indicators of `registre` (all when None) containing every word.

    A word is looked for in the code, the libellé and the définition, accents and case
    aside; `_` in a code counts as a space.

    Raises:
        UserError: `registre` names no registre of the catalogue.
    """
    found = entries(registre)
    wanted = folded(words or "").replace("_", " ").split()
    if not wanted:
        return found
    return [e for e in found if all(word in _haystack(e) for word in wanted)]


def _haystack(entry: Entry) -> str:
    ind = entry.indicateur
    return folded(" ".join((ind.code.replace("_", " "), ind.libelle, ind.definition or "")))


def entry_data(entry: Entry) -> dict[str, Any]:
    """An entry for `--format json`: its registre, then the indicator's keys as in YAML."""
    indicator = entry.indicateur.model_dump(
        by_alias=True, exclude_unset=True, exclude_none=True, mode="json"
    )
    return {"registre": entry.registre.code, "registre_nom": entry.registre.nom, **indicator}
