"""Breakdowns: an indicator's values by dimension over a period, by its roll-up rule.

A breakdown per dimension, even when values were recorded crossed (site × household
type): the crossed cells are combined over the other dimensions, as the total is. The
crossed table itself is there on request. Facts only: labels and order are the report's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from utilsoc.compute.points import DimensionKey, Point, Series
from utilsoc.compute.rollup import roll_up
from utilsoc.compute.series import combine
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur, TypeIndicateur

Values = tuple[str, ...]


@dataclass(frozen=True)
class Breakdown:
    """Values over a period by one dimension (or two, crossed), with what they cover.

    `cells`: the value over the period of each combination of the `dimensions`' values;
    `periods`: the recorded periods whose parts they combine; `coverage`: the share of
    the period those cover (1.0 when the parts cover all of it).
    """

    dimensions: tuple[str, ...]
    cells: dict[Values, Point]
    periods: list[Period]
    coverage: float


def breakdowns(series: Series, period: Period) -> list[Breakdown]:
    """One breakdown per dimension recorded within `period`, in the declared order."""
    return [
        found
        for name in _recorded_dimensions(series, period)
        if (found := _over(series, period, (name,))) is not None
    ]


def crossings(series: Series, period: Period) -> list[Breakdown]:
    """One crossed table per pair of dimensions recorded together within `period`."""
    order = _recorded_dimensions(series, period)
    pairs: set[tuple[str, str]] = set()
    for parts in _parts_within(series, period).values():
        for key in parts:
            if len(key) > 1:
                names = sorted((name for name, _ in key), key=order.index)
                pairs.update(combinations(names, 2))
    return [
        found
        for pair in sorted(pairs, key=lambda p: (order.index(p[0]), order.index(p[1])))
        if (found := _over(series, period, pair)) is not None
    ]


def unfilled(series: Series, period: Period) -> list[str]:
    """Declared dimensions of an indicator with values in `period` that no value fills.

    Calculated indicators and texts have no parts to fill: none for them.
    """
    indicator = series.indicator
    computed = indicator.formule is not None or indicator.calcul is not None
    if computed or indicator.type is TypeIndicateur.QUALITATIF:
        return []
    if not any(period.overlaps(p) for p in series.totals):
        return []  # no value at all: a gap of its own, told elsewhere
    # Parts of the same periods the values were looked for in: a school year's breakdown
    # fills its dimensions for a calendar year it overlaps.
    recorded = {
        name
        for p, parts in series.parts.items()
        if period.overlaps(p)
        for key in parts
        for name, _ in key
    }
    return [name for name in indicator.dimensions if name not in recorded]


def _parts_within(series: Series, period: Period) -> dict[Period, dict[DimensionKey, Point]]:
    return {p: parts for p, parts in sorted(series.parts.items()) if parts and period.contains(p)}


def _recorded_dimensions(series: Series, period: Period) -> list[str]:
    """Dimensions with parts within `period`: the declared ones first, in their order."""
    names = {
        name for parts in _parts_within(series, period).values() for k in parts for name, _ in k
    }
    declared = [name for name in series.indicator.dimensions if name in names]
    return declared + sorted(names - set(declared))


def _over(series: Series, period: Period, names: tuple[str, ...]) -> Breakdown | None:
    """The values by `names` over `period`: each period's parts combined, then rolled up."""
    indicator = series.indicator
    by_values: dict[Values, dict[Period, Point]] = defaultdict(dict)
    for recorded, parts in _parts_within(series, period).items():
        for values, point in marginal(indicator, parts, names).items():
            by_values[values][recorded] = point
    if not by_values:
        return None
    cells = {}
    for values, totals in by_values.items():
        cells[values] = roll_up(Series(indicator, totals=totals), period)
    periods = sorted({p for totals in by_values.values() for p in totals})
    coverage = max(point.coverage for point in cells.values())
    return Breakdown(names, cells, periods, coverage)


def marginal(
    indicator: Indicateur, parts: dict[DimensionKey, Point], names: tuple[str, ...]
) -> dict[Values, Point]:
    """One period's parts by the values of `names`, combined over the other dimensions.

    The finest parts that hold `names` and nothing more are used: parts by site alone
    rather than site × household type, which would count the same people again.
    """
    shape = _finest_shape(parts, names)
    chosen = {key: point for key, point in parts.items() if _shape(key) == shape}
    if shape is not None and len(shape) == len(names):  # nothing to combine
        return {tuple(dict(key)[name] for name in names): point for key, point in chosen.items()}
    grouped: dict[Values, list[Point]] = defaultdict(list)
    for key, point in chosen.items():
        values = dict(key)
        grouped[tuple(values[name] for name in names)].append(point)
    return {values: combine(indicator, points) for values, points in grouped.items()}


def _shape(key: DimensionKey) -> tuple[str, ...]:
    """The dimensions of a part, in order (its key is sorted by them)."""
    return tuple(name for name, _ in key)


def _finest_shape(
    parts: dict[DimensionKey, Point], names: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The fewest dimensions holding all of `names` that parts are recorded by, if any."""
    holding = [shape for shape in {_shape(key) for key in parts} if set(names) <= set(shape)]
    return min(holding, key=lambda shape: (len(shape), shape), default=None)
