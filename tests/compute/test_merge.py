"""Consolidation: the value in force for each key, what it replaced, and conflicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from utilsoc.compute.merge import Gathering, consolidate
from utilsoc.model.mesures import Mesure, Valeur


def _record(
    period: str, value: str | None = None, author: str = "a", day: str = "2025-01-02", **extra: Any
) -> Mesure:
    data = {
        "indicateur": "ind",
        "période": period,
        "valeur": value,
        "auteur": author,
        "date": day,
        **extra,
    }
    return Valeur.model_validate(data).to_mesure()


_VALUES = st.sampled_from(["1", "2", "3"])
_RECORDS = st.lists(
    st.builds(
        lambda period, value, author, day: _record(period, value, author, f"2025-0{day}-01"),
        st.sampled_from(["2025-T1", "2025-T2"]),
        _VALUES,
        st.sampled_from(["a", "b"]),
        st.integers(1, 3),
    ),
    max_size=8,
)


@given(_RECORDS, st.randoms())
def test_consolidation_is_order_independent_and_idempotent(records, random) -> None:
    first = consolidate(records)
    shuffled = list(records)
    random.shuffle(shuffled)
    again = consolidate(shuffled + records)
    assert first.current == again.current
    assert first.conflicts.keys() == again.conflicts.keys()


def test_replacement_supersedes_and_disagreement_is_a_conflict() -> None:
    original = _record("2025-T1", "1", "a", "2025-02-01")
    fix = _record(
        "2025-T1",
        "2",
        "b",
        "2025-03-01",
        remplace={"valeur": "1", "auteur": "a", "date": "2025-02-01", "motif": "m"},
    )
    assert list(consolidate([fix, original]).current.values()) == [fix]
    other = _record("2025-T1", "5", "c", "2025-03-02")
    assert len(consolidate([original, other]).conflicts) == 1
    assert dt.date(2025, 3, 1) == fix.date


def test_the_same_value_twice_is_one_value_with_its_history() -> None:
    early = _record("2025-T1", "4", "b", "2025-03-01")
    late = _record("2025-T1", "4", "a", "2025-05-01")
    merged = consolidate([late, early])
    key = early.key
    assert merged.current == {key: early}  # the earliest record stands for both
    assert merged.history[key] == [early, late]
    assert merged.conflicts == {}


def test_both_conflicting_values_are_replaced_by_name() -> None:
    a = _record("2025-T1", "1", "a", "2025-02-01")
    b = _record("2025-T1", "2", "b", "2025-02-02")
    fixes = [
        _record("2025-T1", "3", "c", "2025-03-01", remplace={**old, "motif": "m"})
        for old in (
            {"valeur": "1", "auteur": "a", "date": "2025-02-01"},
            {"valeur": "2", "auteur": "b", "date": "2025-02-02"},
        )
    ]
    merged = consolidate([a, b, *fixes])
    assert [r.valeur for r in merged.current.values()] == ["3"]
    assert merged.conflicts == {}
    assert len(merged.history[a.key]) == 4


def test_rates_with_other_parts_conflict_and_other_dimensions_do_not() -> None:
    first = _record("2025-T1", numérateur=3, dénominateur=4)
    other = _record("2025-T1", author="b", numérateur=6, dénominateur=8)
    assert list(consolidate([first, other]).conflicts) == [first.key]
    elsewhere = _record("2025-T1", "5", "b", dimensions={"site": "Brest"})
    assert len(consolidate([_record("2025-T1", "4"), elsewhere]).current) == 2


def test_keys_recorded_several_times_are_resolved_wherever_they_appear() -> None:
    def value(period: str, text: str, author: str, **dims: str) -> Any:
        return Valeur.model_validate(
            {
                "indicateur": "nb",
                "période": period,
                "valeur": text,
                "auteur": author,
                "date": "2025-01-02",
                "dimensions": dims,
            }
        ).to_mesure()

    records = [
        value("2025", "1", "a", site="N"),
        value("2024", "2", "a"),
        value("2025", "1", "b", site="N"),  # the same value again: no conflict
        value("2023", "5", "a"),
        value("2024", "3", "b"),  # another value: a conflict
        value("2025", "1", "c", site="S"),
    ]
    merged = consolidate(records)
    assert list(merged.current) == [  # keys recorded once first, as before
        ("nb", "2023", ()),
        ("nb", "2025", (("site", "S"),)),
        ("nb", "2025", (("site", "N"),)),
    ]
    assert merged.current[("nb", "2025", (("site", "N"),))].auteur == "a"
    assert list(merged.conflicts) == [("nb", "2024", ())]
    assert [r.valeur for r in merged.conflicts[("nb", "2024", ())]] == ["2", "3"]
    assert [r.auteur for r in merged.history[("nb", "2025", (("site", "N"),))]] == ["a", "b"]
    assert consolidate(list(reversed(records))).current.keys() == merged.current.keys()
    for cut in range(len(records) + 1):  # file by file, as the gate gathers them
        gathering = Gathering()
        gathering.add(records[:cut])
        gathering.add(records[cut:])
        by_files = gathering.consolidate()
        assert list(by_files.current.items()) == list(merged.current.items())
        assert by_files.conflicts == merged.conflicts
        assert by_files.history == merged.history
    twice = consolidate([records[1], records[1]])  # one record read twice: no conflict
    assert twice.history[records[1].key] == [records[1], records[1]]
    assert list(twice.current.values()) == [records[1]]
