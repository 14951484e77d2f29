"""Values sent back by worker processes arrive equal, in order, with nothing merged."""

from __future__ import annotations

import datetime as dt
import pickle

from utilsoc.model.mesures import Mesure, Remplacement, dimensions_key
from utilsoc.model.periods import Period
from utilsoc.store.wire import pack, unpack


def _value(value: str | None, numerator: float | None = None, **dims: str) -> Mesure:
    replaced = Remplacement(valeur="3", auteur="marie", date=dt.date(2025, 1, 2), motif="typo")
    return Mesure(
        "nb",
        Period.parse("2025-T1"),
        value,
        numerator,
        None if numerator is None else 10.0,
        dims,
        "note" if value == "2" else None,
        "marie",
        dt.date(2025, 3, 2),
        replaced if value == "4" else None,
        dimensions_key(dims),
    )


def test_values_travel_equal_and_in_order() -> None:
    first = _value("1", site="Nord")
    values = [
        first,
        _value("2", sexe="F", site="Sud"),
        _value(None, 0.0),
        _value(None, -0.0),  # equal to 0.0 as a key, yet not the same number
        _value("4", site="Sud", sexe="F"),  # same dimensions, another order
        first._replace(valeur="5"),  # the same dimensions object
    ]
    back = unpack(pickle.loads(pickle.dumps(pack(values))))
    assert back == values
    assert [type(v) for v in back] == [Mesure] * len(values)
    assert str(back[3].numerateur) == "-0.0"
    assert list(back[4].dimensions) == ["site", "sexe"]
    assert back[4].remplace == values[4].remplace
    assert back[5].dimensions is back[0].dimensions


def test_nothing_to_send() -> None:
    assert unpack(pickle.loads(pickle.dumps(pack([])))) == []
