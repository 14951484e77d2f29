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
                "realise": value,
                "cible": target,
                "ecart": None if value is None or target is None else value - target,
                "statut": state.status.value,
            }
        )
    return result
