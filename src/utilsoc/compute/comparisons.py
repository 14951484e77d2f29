"""An indicator's value beside values from outside: the gap to each comparison, as facts.

A comparison (`comparaisons:` in the référentiel) is a territory rate, a national figure
or a comparison group's value, in the indicator's unit. The gap is the association's
value minus the comparison's, in that unit (points for a rate in %). Facts only: the
French is in `utilsoc.report.wording`.
"""

from __future__ import annotations

from dataclasses import dataclass

from utilsoc.model.comparaison import Comparaison
from utilsoc.model.referentiel import Indicateur, Sens


@dataclass(frozen=True)
class ComparisonGap:
    """One comparison and how the association's value stands against it."""

    comparison: Comparaison
    gap: float | None  # the association's value minus the comparison's; None without value
    better: bool | None  # on the side the indicator aims for; None if equal, stable or unknown


def comparison_gaps(indicator: Indicateur, value: float | None) -> list[ComparisonGap]:
    """Each comparison of `indicator`, in its order, with the gap of `value` to it."""
    return [_gap(indicator.sens, c, value) for c in indicator.comparaisons]


def _gap(sens: Sens, comparison: Comparaison, value: float | None) -> ComparisonGap:
    if value is None:
        return ComparisonGap(comparison, None, None)
    gap = value - comparison.valeur
    if sens is Sens.STABILITE or abs(gap) < 1e-9:
        return ComparisonGap(comparison, gap, None)
    return ComparisonGap(comparison, gap, (gap > 0) is (sens is Sens.HAUSSE))
