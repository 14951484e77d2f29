"""The values aggregation works on: points, an indicator's series, and what is wrong in it.

Facts only: the French wording of an alert is `utilsoc.report.wording.alert_text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur

DimensionKey = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Point:
    """One aggregated value: a number, or a rate's numerator and denominator.

    `number` is the value as a number (a rate in % when built from its parts). Why a field
    set once: a federation's totals and parts read it millions of times.
    """

    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    coverage: float = 1.0
    weight: float | None = None  # the observations behind a mean (questionnaire pairs)
    number: float | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        number = self.value
        if self.numerator is not None and self.denominator:
            number = 100.0 * self.numerator / self.denominator
        object.__setattr__(self, "number", number)


def pooled_terms(points: list[Point]) -> Point | None:
    """Numerators and denominators summed, when every point has them; else None.

    Why: a rate over several parts or periods is recomputed from its terms, never
    averaged from percentages.
    """
    if not all(p.numerator is not None for p in points):
        return None
    return Point(
        None, sum(p.numerator or 0 for p in points), sum(p.denominator or 0 for p in points)
    )


class Anomaly(StrEnum):
    """What is inconsistent in one period's recorded values."""

    SUM_DIFFERS_FROM_TOTAL = "somme-differente-du-total"
    SUMS_DIFFER = "sommes-differentes"
    PERCENTAGES_WITHOUT_TERMS = "pourcentages-sans-termes"
    COARSE_OVER_FINE = "periode-englobante"  # 2024 recorded over 2024-T1…T4


@dataclass(frozen=True)
class Alert:
    """An inconsistency of one period's values, with the numbers that show it.

    `sums` holds (dimension, sum of its parts): one for SUM_DIFFERS_FROM_TOTAL, compared
    with `recorded`, the recorded total; two for SUMS_DIFFER; none otherwise. For
    COARSE_OVER_FINE, `recorded` is the value of `period` and `sums` holds one (kind of
    the finer periods, their value over `period`); `count` is the number of finer
    periods, `kept_finer` says the computations use them rather than `recorded`.
    """

    period: Period
    kind: Anomaly
    sums: tuple[tuple[str, float | None], ...] = ()
    recorded: float | None = None
    count: int = 0
    kept_finer: bool = False


@dataclass
class Series:
    """An indicator's values: total per period, parts per dimension, alerts."""

    indicator: Indicateur
    totals: dict[Period, Point] = field(default_factory=dict)
    parts: dict[Period, dict[DimensionKey, Point]] = field(default_factory=dict)
    texts: dict[Period, str] = field(default_factory=dict)
    notes: dict[Period, list[str]] = field(default_factory=dict)
    alerts: list[Alert] = field(default_factory=list)
    answers: dict[Period, int] = field(default_factory=dict)  # participants, by answer period
    # The recorded cells each period's total was made of: the recorded total `()`, or the
    # parts of one dimension; what an export marks as counted, so a sum over it agrees.
    counted: dict[Period, tuple[DimensionKey, ...]] = field(default_factory=dict)

    def alerts_over(self, period: Period | None = None) -> list[Alert]:
        """The alerts of periods overlapping `period` (all of them without it)."""
        return [a for a in self.alerts if period is None or a.period.overlaps(period)]
