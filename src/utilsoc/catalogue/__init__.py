"""The indicator catalogue shipped with utilsoc: common indicators, grouped by registre.

`entries(registre=None)` lists them, `as_indicator(code)` gives one ready to copy into a
référentiel (with its `catalogue: CODE` link). The data is read on first use only.
"""

from __future__ import annotations

from utilsoc.catalogue.entries import (
    Entry,
    Registre,
    as_indicator,
    codes,
    dimensions,
    entries,
    entry,
    find_registre,
    registres,
)

__all__ = [
    "Entry",
    "Registre",
    "as_indicator",
    "codes",
    "dimensions",
    "entries",
    "entry",
    "find_registre",
    "registres",
]
