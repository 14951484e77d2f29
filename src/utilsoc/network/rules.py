"""Putting points of several members (or of one member's indicators) together.

The rules are the field's: counts are summed; rates are pooled from their numerators and
denominators (a percentage is never averaged); means are weighted by the observations
behind them; `dernière` values, each already a member's last, are summed; min and max are
taken across.
"""

from __future__ import annotations

from collections.abc import Callable

from utilsoc.compute.points import Point, pooled_terms
from utilsoc.model.referentiel import Agregation, Indicateur


def across(indicator: Indicateur, points: list[Point]) -> Point:
    """Points with a value, put together by the indicator's rule."""
    terms = pooled_terms(points)
    if terms is not None:
        return terms
    numbers = [p.number for p in points if p.number is not None]
    simple = _SIMPLE.get(indicator.rollup)
    return Point(simple(numbers)) if simple else _mean(points, numbers)


_SIMPLE: dict[Agregation, Callable[[list[float]], float]] = {
    Agregation.SOMME: sum,
    Agregation.DERNIERE: sum,  # each is already a member's last value
    Agregation.MIN: min,
    Agregation.MAX: max,
}


def _mean(points: list[Point], numbers: list[float]) -> Point:
    """Weighted by the observations behind each mean when all are known, else plain."""
    weights = [p.weight for p in points]
    if all(weights):
        n = sum(w or 0.0 for w in weights)
        return Point(sum((p.number or 0.0) * (p.weight or 0.0) for p in points) / n, weight=n)
    return Point(sum(numbers) / len(numbers))


def scaled(point: Point, factor: float) -> Point:
    """A value converted to the common unit (a rate's terms are left as they are)."""
    if factor == 1.0 or point.value is None:
        return point
    return Point(point.value * factor, coverage=point.coverage, weight=point.weight)
