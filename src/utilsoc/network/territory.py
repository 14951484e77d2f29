"""The territory view: a common indicator's total by a common dimension (quartier…).

A member that records an indicator by a dimension of the network's référentiel commun
(same code, same values) contributes its parts; one that does not is listed as not broken
down, so that the parts never pretend to add up to the total when they do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from utilsoc.compute.points import DimensionKey, Point, Series
from utilsoc.compute.rollup import periods_used
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur
from utilsoc.network.rules import across, scaled

if TYPE_CHECKING:
    from utilsoc.network.mapping import Link

Parts = dict[str, dict[str, Point]]  # dimension → value → the member's figure


def member_parts(
    common: Indicateur,
    own: list[Link],
    series: dict[str, Series],
    period: Period,
    dimensions: list[str],
) -> Parts:
    """The member's figure over `period` for each value of each common dimension it records.

    Why grouped by the parts' keys first: a member has a part per value and period, and
    the few distinct keys are then judged (one common dimension?) once each.
    """
    wanted = set(dimensions)
    result: Parts = {}
    for key, points in _by_key(own, series, period).items():
        if len(key) == 1 and key[0][0] in wanted:
            numbers = [point for point in points if point.number is not None]
            if numbers:
                result.setdefault(key[0][0], {})[key[0][1]] = across(common, numbers)
    return result


def _by_key(
    own: list[Link], series: dict[str, Series], period: Period
) -> dict[DimensionKey, list[Point]]:
    """The member's parts over `period`, in the common unit, by their dimension values."""
    by_key: dict[DimensionKey, list[Point]] = {}
    for link in own:
        one, factor = series[link.indicator.code], link.factor
        for used in periods_used(one, period):
            for key, point in one.parts.get(used, {}).items():
                group = by_key.get(key)
                if group is None:
                    group = by_key[key] = []
                group.append(point if factor == 1.0 else scaled(point, factor))
    return by_key
