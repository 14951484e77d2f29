"""Cache entries give back exactly what was kept, for exactly the bytes it came from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from utilsoc.model.mesures import FichierMesures, Mesure, Remplacement, dimensions_key
from utilsoc.model.periods import Period
from utilsoc.store import filecache
from utilsoc.store.wire import unpack


def _value(value: str | None, numerator: float | None = None, **dims: str) -> Mesure:
    replaced = Remplacement(valeur="3", auteur="marie", date=dt.date(2025, 1, 2), motif="typo")
    return Mesure(
        "nb",
        Period.parse("2025-T1" if value != "2" else "2025"),
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


VALUES = [
    _value("1", site="Nord"),
    _value("2", sexe="F", site="Sud"),
    _value(None, 0.0),
    _value(None, -0.0),
    _value("4", site="Sud", sexe="F"),
]
PREUVES = FichierMesures.model_validate(
    {
        "témoignages": [
            {
                "période": "2025",
                "texte": "Merci",
                "rôle": "autre",
                "pseudonyme": "Z",
                "consentement": True,
                "critères": ["A-1"],
                "auteur": "marie",
                "date": "2025-01-02",
            }
        ]
    }
)
LINES = {"valeurs": [2, 3, 4, 5, 6], "temoignages": [8]}


@pytest.fixture
def entry(tmp_path: Path) -> Path:
    path = filecache.entry_path(tmp_path / "cache", tmp_path / "mesures" / "2025" / "m.yaml")
    packed = filecache.store_entry(path, "abc", VALUES, PREUVES, LINES)
    assert unpack(packed) == VALUES
    return path


def test_an_entry_gives_back_what_was_kept(entry: Path) -> None:
    kept = filecache.load_entry(entry, "abc")
    assert kept is not None
    values, preuves, lines, packed = kept
    assert values == VALUES
    assert unpack(packed) == VALUES  # sent as they are by a worker process
    assert [type(v) for v in values] == [Mesure] * len(VALUES)
    assert [type(v.periode) for v in values] == [Period] * len(VALUES)
    assert str(values[3].numerateur) == "-0.0"
    assert values[4].remplace == VALUES[4].remplace
    assert list(values[4].dimensions) == ["site", "sexe"]  # the order written
    assert preuves == PREUVES
    assert lines == LINES


def test_an_entry_of_other_bytes_is_not_used(entry: Path) -> None:
    assert filecache.load_entry(entry, "abd") is None


@pytest.mark.parametrize("where", [0, 20, -1])
def test_a_damaged_entry_is_not_used(entry: Path, where: int) -> None:
    data = bytearray(entry.read_bytes())
    data[where] ^= 0x01
    entry.write_bytes(bytes(data))
    assert filecache.load_entry(entry, "abc") is None


def test_a_half_written_entry_is_not_used(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[:-7])
    assert filecache.load_entry(entry, "abc") is None
    entry.write_bytes(b"")
    assert filecache.load_entry(entry, "abc") is None


def test_entry_dates_are_found_by_file(entry: Path, tmp_path: Path) -> None:
    source = tmp_path / "mesures" / "2025" / "m.yaml"
    dates = filecache.entry_dates(entry.parent)
    assert list(dates) == [filecache.cache_prefix(source)]
    assert dates[filecache.cache_prefix(source)] == entry.stat().st_mtime_ns
    filecache.sync(entry.parent)  # durable in one call; the entry is unchanged
    assert filecache.load_entry(entry, "abc") is not None
