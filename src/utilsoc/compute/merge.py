"""Consolidate records from every file: current values, history, conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
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
    gathering = Gathering()
    gathering.add(records)
    return gathering.consolidate()


class Gathering:
    """Records grouped by key as they come, file by file; `consolidate` them at the end.

    Why as they come: a large folder's files arrive from worker processes one at a time;
    grouping each as it arrives leaves little to do once the last one is in. Each key is
    hashed once, in a C loop (`map`): a federation has a million records, nearly all of
    them with a key of their own.
    """

    def __init__(self) -> None:
        self.first: dict[Key, Mesure] = {}  # the first record of every key
        self.several: dict[Key, list[Mesure]] = {}  # every record of a repeated key

    def add(self, records: list[Mesure]) -> None:
        """Group these records with those added before (each record object added once)."""
        keys = list(map(_KEY, records))
        before = len(self.first)
        kept = list(map(self.first.setdefault, keys, records))
        if len(self.first) - before == len(keys):
            return  # every key new
        new_here: set[Key] = set()
        for record, first, key in zip(records, kept, keys, strict=True):
            if first is record and key not in new_here:
                new_here.add(key)  # this record is its key's first
                continue
            group = self.several.get(key)
            if group is None:
                self.several[key] = [first, record]
            else:
                group.append(record)

    def consolidate(self) -> Consolidated:
        """The current values, history and conflicts of every record added."""
        result = Consolidated()
        result.current = self.first
        for key in self.several:
            del result.current[key]
        for key, group in self.several.items():
            live = _live(group)
            distinct = {(r.valeur, r.numerateur, r.denominateur) for r in live}
            if len(distinct) > 1:
                result.conflicts[key] = sorted(live, key=_order)
            elif live:
                result.current[key] = min(live, key=_order)
            result.history[key] = sorted(group, key=_order)
        self.first, self.several = {}, {}
        return result


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
