"""Many records checked against one référentiel, with what repeats judged once.

The rules are those of `check.values` (`check_record`); this module only remembers their
verdicts. A record's problems are those of its value (and the rate's terms), of its
period and of its dimensions, each depending on the indicator too: each distinct
combination is judged once.
"""

from __future__ import annotations

from collections.abc import Hashable
from operator import attrgetter

from utilsoc.check.values import (
    Problem,
    dimension_problems,
    period_problems,
    unknown_indicator,
    value_problems,
)
from utilsoc.model.mesures import Mesure, Valeur, dimensions_key
from utilsoc.model.referentiel import Indicateur, Referentiel

# Distinct values whose verdict a checker keeps: most folders repeat a few hundred; a
# folder of amounts, each different, would only fill memory with them.
_REMEMBERED_VALUES = 100_000

_VALUE = attrgetter("indicateur", "valeur", "numerateur", "denominateur")
_PERIOD = attrgetter("indicateur", "periode.name")  # a name hashes in C, a Period not
_DIMENSIONS = attrgetter("indicateur", "cle_dimensions")


class RecordChecker:
    """Checks many records against one référentiel, remembering what repeats.

    Why: at a million records, what depends only on the indicator and the value, the
    period, or the dimension values, is computed once per distinct combination.
    """

    def __init__(self, referentiel: Referentiel) -> None:
        self.referentiel = referentiel
        self.indicators = referentiel.indicators()
        self._values: dict[Hashable, list[Problem]] = {}
        self._periods: dict[Hashable, list[Problem]] = {}
        self._dimensions: dict[Hashable, list[Problem]] = {}

    def check(self, record: Valeur | Mesure) -> list[Problem]:
        """Every way `record` does not fit (empty when it fits)."""
        indicator = self.indicators.get(record.indicateur)
        if indicator is None:
            return [unknown_indicator(record.indicateur, self.indicators)]
        key = record.cle_dimensions if isinstance(record, Mesure) else None
        dimensions = (indicator.code, key or dimensions_key(record.dimensions))
        return (
            self._value(_VALUE(record), indicator, record)
            + self._period((indicator.code, record.periode.name), indicator, record)
            + self._dimension(dimensions, indicator, record)
        )

    def all_fit(self, records: list[Mesure]) -> bool:
        """Whether every record fits: each distinct value, period and dimension set judged.

        Why: the distinct ones are found by C loops (`map`, `dict`, set operations), not
        one Python call per record; a federation's file has ten thousand records, and
        most of what they hold was judged in the files before.
        """
        aspects = (
            (_VALUE, self._values, self._value),
            (_PERIOD, self._periods, self._period),
            (_DIMENSIONS, self._dimensions, self._dimension),
        )
        for aspect, known, judge in aspects:
            found = dict(zip(map(aspect, records), records, strict=True))
            for key in found.keys() - known.keys():
                indicator = self.indicators.get(key[0])
                if indicator is None or judge(key, indicator, found[key]):
                    return False
            if any(map(known.__getitem__, found.keys() & known.keys())):
                return False
        return True

    def _value(
        self, key: Hashable, indicator: Indicateur, record: Valeur | Mesure
    ) -> list[Problem]:
        problems = self._values.get(key)
        if problems is None:
            problems = value_problems(indicator, record)
            if len(self._values) < _REMEMBERED_VALUES:
                self._values[key] = problems
        return problems

    def _period(
        self, key: Hashable, indicator: Indicateur, record: Valeur | Mesure
    ) -> list[Problem]:
        problems = self._periods.get(key)
        if problems is None:
            problems = self._periods[key] = period_problems(indicator, record.periode)
        return problems

    def _dimension(
        self, key: Hashable, indicator: Indicateur, record: Valeur | Mesure
    ) -> list[Problem]:
        problems = self._dimensions.get(key)
        if problems is None:
            problems = dimension_problems(self.referentiel, indicator, record)
            self._dimensions[key] = problems
        return problems
