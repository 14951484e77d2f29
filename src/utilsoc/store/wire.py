"""Values sent from a worker process back to the main one, column by column.

Why columns: pickling ten thousand records one by one, or building them again row by row
on arrival, costs the main process more than the worker saved it. A file's values repeat
a few indicators, periods, authors, dates and dimension values: each column travels as its
distinct values and an array of indexes, and is rebuilt by C loops (`map`), not Python ones.
"""

from __future__ import annotations

from array import array
from functools import partial
from itertools import count, repeat
from operator import is_
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

# A column: ("same", value) when every record has it (a file's period, author, no note),
# ("table", {first position: value}, index of each value's first position), or ("raw", list).
Column = tuple[Any, ...]
Packed = tuple[int, tuple[Column, ...]]


def pack(values: list[Mesure]) -> Packed:
    """Values in the form sent between processes (picklable, compact)."""
    if not values:
        return 0, ()
    columns = zip(*values, strict=True)
    return len(values), tuple(map(_column, columns, _HOW.values()))


def unpack(packed: Packed) -> list[Mesure]:
    """The values `pack` was given, equal and in the same order."""
    count, columns = packed
    expanded = [
        [column[1]] * count
        if column[0] == "same"
        else list(map(column[1].__getitem__, column[2]))
        if column[0] == "table"
        else column[1]
        for column in columns
    ]
    return list(map(_NEW, zip(*expanded, strict=True)))


def _column(column: tuple[Any, ...], how: str) -> Column:
    first = column[0]
    if how == _AS_IS:  # only None is the same as itself in every sense
        same = first is None and column.count(None) == len(column)
        return ("same", None) if same else ("raw", list(column))
    if how == _BY_VALUE:
        same = column.count(first) == len(column)
    else:
        same = all(map(is_, column, repeat(first)))
    if same:
        return ("same", first)
    positions: dict[Any, int] = {}
    keys = column if how == _BY_VALUE else map(id, column)
    index = array("I", map(positions.setdefault, keys, count()))
    return ("table", {n: column[n] for n in positions.values()}, index)
