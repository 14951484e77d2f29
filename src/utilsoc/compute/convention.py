"""A report over several years: each year against its target, the whole against its own.

The convention's target is the one declared for its exact period; else, for a count
summed over time, the sum of the years' targets; else the targets of the years when they
are all the same, or, for a last value, the last year's. Otherwise the whole period has
no target, and only the years are judged.
"""

from __future__ import annotations

from dataclasses import replace

from utilsoc.compute.points import Series
from utilsoc.compute.progress import Progress, progress_for
from utilsoc.model.periods import Kind, Period, is_aligned, periods_between
from utilsoc.model.referentiel import Agregation, Cible, Indicateur, TypeIndicateur

_COUNTS = (TypeIndicateur.NOMBRE, TypeIndicateur.MONTANT, TypeIndicateur.DUREE)


def years_of(period: Period) -> list[Period]:
    """The whole years (or school years) `period` is made of, when two or more; else []."""
    for kind in (Kind.ANNEE, Kind.ANNEE_SCOLAIRE):
        if period.kind is not kind and is_aligned(period, kind):
            years = periods_between(period.start, period.end, kind)
            if len(years) >= 2:
                return years
    return []


def convention_target(indicator: Indicateur, period: Period, years: list[Period]) -> float | None:
    """The target of the whole `period`: declared, or made from the years' targets."""
    exact = next((c.valeur for c in indicator.cibles if c.periode == period), None)
    if exact is not None:
        return exact
    return _from_years(indicator, _per_year(indicator, years))


def _from_years(indicator: Indicateur, per_year: list[float | None]) -> float | None:
    """The whole period's target made from its years' (see the module's docstring)."""
    present = [v for v in per_year if v is not None]
    complete = len(present) == len(per_year)
    if _summed(indicator):
        return sum(present) if complete else None
    if complete and len(set(present)) == 1:
        return present[0]
    return per_year[-1] if indicator.rollup is Agregation.DERNIERE else None


def _per_year(indicator: Indicateur, years: list[Period]) -> list[float | None]:
    """The target declared for each year exactly, or None."""
    own = {c.periode: c.valeur for c in indicator.cibles}
    return [own.get(year) for year in years]


def progress_over(series: Series, period: Period) -> Progress:
    """`progress_for`, except over several years: the whole period, against its own target.

    Why: over a 2024–2025 convention, the target overlapping most (2024's) would judge
    2024's figure alone, and the report would show nothing of 2025.
    """
    years = years_of(period)
    if not years:
        return progress_for(series, period)
    indicator = series.indicator
    target = convention_target(indicator, period, years)
    update: dict[str, object] = {
        "cibles": [] if target is None else [Cible(periode=period, valeur=target)]
    }
    if not any(c.periode == period for c in indicator.cibles) and _summed(indicator):
        update["reference"] = None  # a year's baseline says nothing of a sum over years
    whole = replace(series, indicator=indicator.model_copy(update=update))
    return progress_for(whole, period)


def _summed(indicator: Indicateur) -> bool:
    return indicator.rollup is Agregation.SOMME and indicator.type in _COUNTS


def progress_by_year(series: Series, period: Period) -> list[tuple[Period, Progress]]:
    """Each year of `period` against its own target ([] for a period of one year or less)."""
    return [(year, progress_for(series, year)) for year in years_of(period)]
