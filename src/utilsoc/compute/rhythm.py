"""An indicator's values at the rhythm of its targets: what a chart may set against them.

A count recorded by quarter against a yearly target is shown as its running total within
the year; a rate, a mean or a last value is shown per period against the target of the
period that contains it. So no quarter ever sits under a yearly target line.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from utilsoc.compute.points import Point, Series
from utilsoc.compute.rollup import same_granularity
from utilsoc.model.periods import Kind, Period, period_containing
from utilsoc.model.referentiel import Agregation, Cible, TypeIndicateur

_COUNTS = (TypeIndicateur.NOMBRE, TypeIndicateur.MONTANT, TypeIndicateur.DUREE)


@dataclass(frozen=True)
class RhythmPoint:
    """One point of a chart: a period's value (or running total) and the target it meets.

    `within`: for a running total, the target's period it is summed over. `span`: the
    period the point is grouped in (its target's, else its calendar year): a chart draws
    each span's points, and their target, apart from the next span's.
    """

    period: Period
    value: float
    target: float | None = None
    within: Period | None = None
    span: Period | None = None


def rhythm_points(series: Series, until: dt.date) -> list[RhythmPoint]:
    """The values recorded up to `until`, each against its target, by the target's rhythm."""
    by_span: dict[Period, list[tuple[Period, Point]]] = defaultdict(list)
    targets: dict[Period, Cible] = {}
    for period, point in series.totals.items():
        if point.number is None or period.end > until:
            continue
        cible = _target_of(series, period)
        span = cible.periode if cible else _calendar(period)
        if cible:
            targets[span] = cible
        by_span[span].append((period, point))
    result: list[RhythmPoint] = []
    for span, inside in by_span.items():
        result.extend(_span_points(series, span, targets.get(span), inside))
    return sorted(result, key=lambda r: (r.period.end, r.period.start))


def _span_points(
    series: Series, span: Period, cible: Cible | None, inside: list[tuple[Period, Point]]
) -> list[RhythmPoint]:
    """The points of one span: each value as it is, or their running total within it."""
    chosen = sorted(same_granularity(inside))
    aim = cible.valeur if cible else None
    if not _summed_within(series, span, chosen):
        return [RhythmPoint(p, point.number or 0.0, aim, span=span) for p, point in chosen]
    points, running = [], 0.0
    for period, point in chosen:
        running += point.number or 0.0
        points.append(RhythmPoint(period, running, aim, within=span, span=span))
    return points


def _summed_within(series: Series, span: Period, chosen: list[tuple[Period, Point]]) -> bool:
    """True for a count with targets recorded by periods finer than `span`.

    A year without its own target is summed up like the others, for one rhythm.
    """
    indicator = series.indicator
    summed = indicator.rollup is Agregation.SOMME and indicator.type in _COUNTS
    return summed and bool(indicator.cibles) and any(p != span for p, _ in chosen)


def _target_of(series: Series, period: Period) -> Cible | None:
    """The target of the shortest period containing `period`, if any."""
    containing = [c for c in series.indicator.cibles if c.periode.contains(period)]
    return min(containing, key=lambda c: c.periode.end - c.periode.start, default=None)


def _calendar(period: Period) -> Period:
    """Without a target, values are grouped by calendar year (a longer period alone)."""
    year = period_containing(period.start, Kind.ANNEE)
    return year if year.contains(period) else period
