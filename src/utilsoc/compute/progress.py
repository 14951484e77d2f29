"""Progress: an indicator's value against its baseline and target, its status, its trend."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from operator import itemgetter

from utilsoc.compute.points import Point, Series
from utilsoc.compute.rollup import days, roll_up
from utilsoc.model.periods import Kind, Period, period_containing
from utilsoc.model.referentiel import Agregation, Cible, Indicateur, Sens, TypeIndicateur


class Statut(StrEnum):
    """Where an indicator stands against its target."""

    ATTEINT = "atteint"
    EN_BONNE_VOIE = "en bonne voie"
    EN_RETARD = "en retard"
    SANS_DONNEE = "sans donnée"
    SANS_CIBLE = "sans cible"


@dataclass(frozen=True)
class Progress:
    """Latest value against baseline and target for one target period."""

    target_period: Period | None
    value: float | None
    target: float | None
    progress: float | None
    status: Statut
    coverage: float = 1.0  # share of the target's period the value covers


def progress(series: Series) -> Progress:
    """Latest target with data (else the first target) against the value rolled up to it."""
    indicator = series.indicator
    if indicator.type is TypeIndicateur.QUALITATIF:
        return _qualitative(series, None)
    targets = sorted(indicator.cibles, key=lambda c: c.periode)
    if not targets:
        latest = series.totals[max(series.totals)].number if series.totals else None
        return _untargeted(latest)
    chosen = next(
        (c for c in reversed(targets) if roll_up(series, c.periode).number is not None),
        targets[0],
    )
    point = roll_up(series, chosen.periode)
    # The coverage judges the value but is left at its default: only progress_for's is read.
    return replace(_judged(indicator, chosen, point.number, point.coverage), coverage=1.0)


def progress_for(series: Series, period: Period) -> Progress:
    """Value over `period` against the target of that period (or the one overlapping most).

    When the target covers more than the report's period (a yearly target, a quarterly
    report), the value is taken over the report's period only and judged against the pace
    the target requires.
    """
    indicator = series.indicator
    if indicator.type is TypeIndicateur.QUALITATIF:
        return _qualitative(series, period)
    chosen = _target_for(indicator, period)
    if chosen is None:
        return _untargeted(roll_up(series, period).number)
    window = intersection(chosen.periode, period)
    point = roll_up(series, window)
    coverage = point.coverage * days(window) / days(chosen.periode)
    return _judged(indicator, chosen, point.number, coverage)


def value_window(indicator: Indicateur, period: Period) -> Period:
    """The days `progress_for` takes the value over: the report's, within its target's."""
    chosen = _target_for(indicator, period)
    return period if chosen is None else intersection(chosen.periode, period)


def _target_for(indicator: Indicateur, period: Period) -> Cible | None:
    """The target of exactly `period`, else the one overlapping it most."""
    overlapping = [c for c in indicator.cibles if c.periode.overlaps(period)]
    exact = next((c for c in overlapping if c.periode == period), None)
    return exact or max(overlapping, key=lambda c: _overlap(c.periode, period), default=None)


def _untargeted(value: float | None) -> Progress:
    return Progress(
        None, value, None, None, Statut.SANS_DONNEE if value is None else Statut.SANS_CIBLE
    )


def _judged(indicator: Indicateur, cible: Cible, value: float | None, coverage: float) -> Progress:
    """`value` against `cible`, given the share of the target's period it `coverage`s."""
    if value is None:
        return Progress(cible.periode, None, cible.valeur, None, Statut.SANS_DONNEE)
    baseline = indicator.reference.valeur if indicator.reference else None
    aim = _Aim(indicator, cible.valeur, baseline)
    return Progress(
        cible.periode,
        value,
        cible.valeur,
        aim.shown_ratio(value, coverage),
        aim.status(value, coverage),
        coverage,
    )


@dataclass(frozen=True)
class _Aim:
    """A target to reach from a baseline, in the indicator's direction."""

    indicator: Indicateur
    target: float
    baseline: float | None

    def ratio(self, value: float) -> float | None:
        """Progress from baseline to target (or the share of the target, without baseline)."""
        target, baseline = self.target, self.baseline
        if baseline is not None and target != baseline:
            return (value - baseline) / (target - baseline)
        if self.indicator.sens is Sens.BAISSE:
            return target / value if value else None
        return value / target if target else None

    def shown_ratio(self, value: float, coverage: float) -> float | None:
        """Progress as shown: from baseline to target, or the share of the target reached.

        The share is for a count still being summed over the target's period.
        """
        if self.indicator.rollup is Agregation.SOMME and coverage < 1:
            return value / self.target if self.target else None
        return self.ratio(value)

    def status(self, value: float, coverage: float) -> Statut:
        """Reached, on track or late, judged by the share of the target's period covered.

        A partial sum (three quarters of a yearly count) is extended to the whole period
        before it is compared; a level (a mean, a last value) is compared as it is.
        """
        if self.indicator.sens is Sens.STABILITE:
            near = abs(value - self.target) <= 0.05 * abs(self.target)
            return Statut.ATTEINT if near else Statut.EN_RETARD
        ratio = self.ratio(value)
        if ratio is not None and ratio >= 1:
            return Statut.ATTEINT
        if coverage >= 1 or ratio is None:
            return Statut.EN_RETARD
        return Statut.EN_BONNE_VOIE if self._on_pace(value, ratio, coverage) else Statut.EN_RETARD

    def _on_pace(self, value: float, ratio: float, coverage: float) -> bool:
        if self.indicator.rollup is Agregation.SOMME and coverage > 0:
            projected = self.ratio(value / coverage)
            return projected is not None and projected >= 1
        return ratio >= coverage


def _qualitative(series: Series, period: Period | None) -> Progress:
    """A text has no target: recorded (within `period`) is « sans cible », else no data."""
    texts = [p for p in series.texts if period is None or period.overlaps(p)]
    return Progress(None, None, None, None, Statut.SANS_CIBLE if texts else Statut.SANS_DONNEE)


def intersection(a: Period, b: Period) -> Period:
    """The days `a` and `b` share (the one inside the other, or a range)."""
    if a.contains(b):
        return b
    if b.contains(a):
        return a
    start, end = max(a.start, b.start), min(a.end, b.end)
    return Period(start, end, Kind.PLAGE, f"{start.isoformat()}..{end.isoformat()}")


def _overlap(a: Period, b: Period) -> int:
    return max(0, (min(a.end, b.end) - max(a.start, b.start)).days)


def trend(series: Series) -> str:
    """↗, ↘ or → between the last two totals at the rhythm of the indicator's targets.

    Why the targets' rhythm: a count recorded monthly against a yearly target moves from
    one month to the next for reasons that say nothing of the year (holidays); its trend
    compares the last two whole years. Without coarser targets, the last two recorded
    totals of the same kind of period are compared.
    """
    last_period: Period | None = None
    last = previous = None
    for period, number in _rhythm_totals(series):
        if last_period is None:
            last_period, last = period, number
        elif period.kind is last_period.kind:
            previous = number
            break
    if last is None or previous is None:
        return ""
    if last == previous:
        return "→"
    return "↗" if last > previous else "↘"


_KIND_DAYS = {
    Kind.MOIS: 30,
    Kind.TRIMESTRE: 91,
    Kind.SEMESTRE: 182,
    Kind.ANNEE: 365,
    Kind.ANNEE_SCOLAIRE: 365,
}


def _rhythm_totals(series: Series) -> Iterator[tuple[Period, float]]:
    """The series' totals, latest first, at the targets' kind of period when it is coarser.

    Why latest first and lazily: a trend needs the last two; rolling up every year of a
    long series for them was most of a federation's dashboard.
    """
    recorded = [(p, t.number) for p, t in series.totals.items() if t.number is not None]
    kind = _coarser_target_kind(series, [p for p, _ in recorded])
    if kind is None:
        yield from sorted(recorded, key=itemgetter(0), reverse=True)
        return
    for span in sorted({period_containing(p.start, kind) for p, _ in recorded}, reverse=True):
        point = roll_up(series, span)
        if point.number is not None and _whole(point):
            yield span, point.number


def _coarser_target_kind(series: Series, recorded: list[Period]) -> Kind | None:
    """The one kind of period of the targets, when it is coarser than the values'."""
    kinds = {c.periode.kind for c in series.indicator.cibles if c.periode.kind in _KIND_DAYS}
    if not recorded or len(kinds) != 1:
        return None
    (kind,) = kinds
    finest = min(_KIND_DAYS.get(p.kind, 0) for p in recorded)
    return kind if _KIND_DAYS[kind] > finest else None


def _whole(point: Point) -> bool:
    """A total over a whole period: only whole periods are compared."""
    return point.number is not None and point.coverage >= 1.0
