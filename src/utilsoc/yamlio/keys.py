"""Key normalisation: a key typed with or without accents names the same field."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def normalize_key(key: str) -> str:
    """Fold a key to its plain form: no accents, lower case, `_` for spaces and dashes.

    >>> normalize_key("Critères")
    'criteres'
    >>> normalize_key("parties prenantes")
    'parties_prenantes'
    """
    decomposed = unicodedata.normalize("NFKD", key.strip())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.lower().replace(" ", "_").replace("-", "_").replace("'", "_")
