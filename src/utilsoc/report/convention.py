"""A report over several years: each indicator's figure, target and status year by year."""

from __future__ import annotations

from typing import Any

from utilsoc.compute.convention import progress_by_year
from utilsoc.compute.points import Series
from utilsoc.model.periods import Period


def years_context(series: Series, period: Period) -> list[dict[str, Any]]:
    """One entry per year of `period` ([] for a year or less): value, target, gap, status."""
    result = []
    for year, state in progress_by_year(series, period):
        value, target = state.value, state.target
        result.append(
            {
                "periode": year.name,
                "realise": _text_of(series, year) if value is None else value,
                "cible": target,
                "ecart": None if value is None or target is None else value - target,
                "statut": state.status.value,
            }
        )
    return result


def _text_of(series: Series, year: Period) -> str | None:
    """A qualitative indicator's latest text within the year (None for the others)."""
    within = [p for p in series.texts if year.overlaps(p)]
    return series.texts[max(within)] if within else None
