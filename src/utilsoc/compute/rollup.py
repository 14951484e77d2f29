"""Roll-up over time: the value of a series over a longer period, by the indicator's rule.

A cumulative indicator rolls up to its last value, never a sum; a rate keeps its terms.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from utilsoc.compute.points import Alert, Anomaly, Point, Series, pooled_terms
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Agregation, TypeIndicateur

# Rules where one period stands for the whole: a rate keeps its own two terms, never pooled.
_ONE_FOR_ALL = (Agregation.DERNIERE, Agregation.MIN, Agregation.MAX)


def roll_up(series: Series, target: Period) -> Point:
    """The value of `series` over `target` by the indicator's rule, with its coverage."""
    inside = _one_granularity(
        [(p, point) for p, point in series.totals.items() if target.contains(p)]
    )
    if not inside:
        return Point(None, coverage=0.0)
    coverage = min(1.0, sum(days(p) for p, _ in inside) / days(target))
    points = [point for _, point in inside]
    rule = series.indicator.rollup
    if rule in _ONE_FOR_ALL:
        point = _chosen(rule, points)
    else:
        point = _pooled(rule, series.indicator.type, points)
    return replace(point, coverage=coverage)


def periods_used(series: Series, target: Period) -> list[Period]:
    """The periods whose totals `roll_up(series, target)` is made of.

    Why: an export marks the values a network total counts, so that a sum over the export
    gives the same figure; the choice is the roll-up's own.
    """
    inside = _one_granularity(
        [(p, point) for p, point in series.totals.items() if target.contains(p)]
    )
    rule = series.indicator.rollup
    if rule not in _ONE_FOR_ALL:
        return [period for period, _ in inside]
    chosen = _chosen(rule, [point for _, point in inside])
    return [period for period, point in inside if point is chosen][-1:]


def days(period: Period) -> int:
    """Number of days of `period`, both ends included."""
    return (period.end - period.start).days + 1


def same_granularity(items: list[tuple[Period, Point]]) -> list[tuple[Period, Point]]:
    """The items of the one kind of period a roll-up over them would use."""
    return _one_granularity(items)


def _one_granularity(items: list[tuple[Period, Point]]) -> list[tuple[Period, Point]]:
    """Keep the kind of period covering the most days, so months and quarters never add up.

    On a tie the finer periods win: a year recorded over its four quarters never silently
    replaces them (`coarse_over_fine` warns of it).
    """
    by_kind: dict[str, list[tuple[Period, Point]]] = defaultdict(list)
    for period, point in items:
        by_kind[period.kind].append((period, point))
    if len(by_kind) <= 1:
        return items
    return max(
        by_kind.values(),
        key=lambda group: (sum(days(p) for p, _ in group), len(group)),
    )


def _chosen(rule: Agregation, points: list[Point]) -> Point:
    """The last, least or greatest of the points that have a value."""
    valued = [p for p in points if p.number is not None]
    if not valued:
        return Point(None)
    if rule is Agregation.DERNIERE:
        return valued[-1]
    pick = min if rule is Agregation.MIN else max
    return pick(valued, key=lambda p: p.number or 0.0)


def _pooled(rule: Agregation, kind: TypeIndicateur, points: list[Point]) -> Point:
    """Sum or mean of the points; a rate from its summed terms, never from percentages."""
    terms = pooled_terms(points)
    if terms is not None:
        return terms
    valued = [p for p in points if p.number is not None]
    if not valued or (kind is TypeIndicateur.TAUX and len(valued) > 1):
        return Point(None)  # percentages without their parts: no average
    if rule is Agregation.SOMME:
        return Point(sum(p.number or 0.0 for p in valued))
    return _mean(valued)


def _mean(valued: list[Point]) -> Point:
    """The mean of points with a value; of all their pairs for questionnaire means."""
    numbers = [p.number or 0.0 for p in valued]
    if not all(p.weight for p in valued):
        return Point(sum(numbers) / len(numbers))
    weights = [p.weight or 0.0 for p in valued]
    total = sum(weights)
    return Point(sum(n * w for n, w in zip(numbers, weights, strict=True)) / total, weight=total)


def coarse_over_fine(series: Series) -> list[Alert]:
    """A value recorded for a period that also holds finer recorded values, when they differ.

    Why: `2024` recorded over `2024-T1`…`T4` (780 against 3 980) is most often a slip of
    the period; the user must see both figures and which one the computations keep.
    """
    totals = series.totals
    if len({p.kind for p in totals}) < 2:
        return []
    alerts = []
    for coarse, point in totals.items():
        inside = [(p, q) for p, q in totals.items() if p.kind != coarse.kind and coarse.contains(p)]
        if not inside:
            continue
        finer = _one_granularity(inside)
        fine = roll_up(Series(series.indicator, dict(finer)), coarse)
        if _same(point.number, fine.number):
            continue
        kept = _one_granularity([*finer, (coarse, point)])
        sums = ((finer[0][0].kind.value, fine.number),)
        alerts.append(
            Alert(coarse, Anomaly.COARSE_OVER_FINE, sums, point.number, len(finer), len(kept) > 1)
        )
    return alerts


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))
