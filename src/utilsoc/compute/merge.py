"""Consolidate records from every file: current values, history, conflicts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import compress, count
from operator import attrgetter, ne
from typing import Any

from utilsoc.model.mesures import Mesure

Key = tuple[str, str, tuple[tuple[str, str], ...]]
_KEY = attrgetter("indicateur", "periode.name", "cle_dimensions")  # `Mesure.key`, in C


@dataclass
class Consolidated:
    """Current value per key, the records they replaced, and unresolved conflicts."""

    current: dict[Key, Mesure] = field(default_factory=dict)
    conflicts: dict[Key, list[Mesure]] = field(default_factory=dict)
    history: dict[Key, list[Mesure]] = field(default_factory=dict)


def consolidate(records: list[Mesure]) -> Consolidated:
    """Resolve replacements; keys with several live, different values are conflicts.

    Order-independent: the result depends on the set of records, not on their order.
    """
    result = Consolidated()
    result.current, several = _by_key(records)
    for key, group in several.items():
        live = _live(group)
        distinct = {(r.valeur, r.numerateur, r.denominateur) for r in live}
        if len(distinct) > 1:
            result.conflicts[key] = sorted(live, key=_order)
        elif live:
            result.current[key] = min(live, key=_order)
        result.history[key] = sorted(group, key=_order)
    return result


def _by_key(records: list[Mesure]) -> tuple[dict[Key, Mesure], dict[Key, list[Mesure]]]:
    """The keys recorded once, with their record; the keys recorded several times.

    Why C loops (`map`, `compress`): a federation consolidates a million records, nearly
    all of them with a key of their own.
    """
    keys = list(map(_KEY, records))
    single = dict(zip(keys, records, strict=True))
    several: dict[Key, list[Mesure]] = defaultdict(list)
    if len(single) == len(keys):
        return single, several
    last = dict(zip(keys, count(), strict=False))  # each key's last position
    repeated = set(compress(keys, map(ne, map(last.__getitem__, keys), count())))
    for key, record in compress(zip(keys, records, strict=True), map(repeated.__contains__, keys)):
        several[key].append(record)
    for key in repeated:
        del single[key]
    return single, several


def _live(group: list[Mesure]) -> list[Mesure]:
    """The records of one key that no other record of it replaces.

    A replacement supersedes the records it names, never itself.
    """
    superseded = {
        id(old)
        for new in group
        if new.remplace is not None
        for old in group
        if old is not new
        and _ref(old.auteur, old.date.isoformat(), old.valeur)
        == _ref(new.remplace.auteur, new.remplace.date.isoformat(), new.remplace.valeur)
    }
    return [r for r in group if id(r) not in superseded]


def _ref(author: str, day: str, value: str | None) -> tuple[str, str, str | None]:
    return (author, day, value)


def _order(record: Mesure) -> tuple[str, str, str]:
    return (record.date.isoformat(), record.auteur, record.valeur or "")


@dataclass
class Measures:
    """The current value of every key, valid evidence, and the keys left in conflict."""

    records: list[Mesure] = field(default_factory=list)
    evidence: dict[str, list[Any]] = field(default_factory=dict)
    conflicts: dict[Any, list[Mesure]] = field(default_factory=dict)
