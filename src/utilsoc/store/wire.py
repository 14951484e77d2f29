"""Values sent from a worker process back to the main one, column by column.

Why columns: pickling ten thousand records one by one, or building them again row by row
on arrival, costs the main process more than the worker saved it. A file's values repeat
a few indicators, periods, authors, dates and dimension values: each column travels as its
distinct values and an array of indexes, and is rebuilt by C loops (`map`), not Python ones.
"""

from __future__ import annotations

from array import array
from functools import partial
from itertools import count
from typing import Any

from utilsoc.model.mesures import Mesure

# How each field travels: by distinct value, by distinct object (dicts are unhashable,
# and records of a file share them), or as is (floats: 0.0 and -0.0 are equal keys).
_BY_VALUE = "value"
_BY_OBJECT = "object"
_AS_IS = "raw"
_HOW = {
    "indicateur": _BY_VALUE,
    "periode": _BY_OBJECT,  # shared by the reader; hashing a Period is a Python call
    "valeur": _BY_VALUE,
    "numerateur": _AS_IS,
    "denominateur": _AS_IS,
    "dimensions": _BY_OBJECT,
    "note": _BY_VALUE,
    "auteur": _BY_VALUE,
    "date": _BY_VALUE,
    "remplace": _AS_IS,
    "cle_dimensions": _BY_VALUE,
}
assert tuple(_HOW) == Mesure._fields
_NEW = partial(tuple.__new__, Mesure)  # Mesure(*row) without a Python call per record

Packed = tuple[Any, ...]


def pack(values: list[Mesure]) -> Packed:
    """Values in the form sent between processes (picklable, compact)."""
    if not values:
        return ()
    return tuple(
        _column(column, how)
        for column, how in zip(zip(*values, strict=True), _HOW.values(), strict=True)
    )


def unpack(packed: Packed) -> list[Mesure]:
    """The values `pack` was given, equal and in the same order."""
    if not packed:
        return []
    columns = [
        list(map(column[0].__getitem__, column[1])) if isinstance(column, tuple) else column
        for column in packed
    ]
    return list(map(_NEW, zip(*columns, strict=True)))


def _column(column: tuple[Any, ...], how: str) -> tuple[dict[int, Any], array[int]] | list[Any]:
    """A column as (first position → value, index of each value's first position)."""
    if how == _AS_IS:
        return list(column)
    first: dict[Any, int] = {}
    keys = column if how == _BY_VALUE else map(id, column)
    index = array("I", map(first.setdefault, keys, count()))
    return {position: column[position] for position in first.values()}, index
