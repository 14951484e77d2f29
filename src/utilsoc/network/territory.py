"""The territory view: a common indicator's total by a common dimension (quartier…).

A member that records an indicator by a dimension of the network's référentiel commun
(same code, same values) contributes its parts; one that does not is listed as not broken
down, so that the parts never pretend to add up to the total when they do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from utilsoc.compute.points import Point, Series
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
    """The member's figure over `period` for each value of each common dimension it records."""
    found: dict[str, dict[str, list[Point]]] = {}
    for link in own:
        one = series[link.indicator.code]
        for used in periods_used(one, period):
            for key, point in one.parts.get(used, {}).items():
                if len(key) == 1 and key[0][0] in dimensions and point.number is not None:
                    ((dimension, value),) = key
                    found.setdefault(dimension, {}).setdefault(value, []).append(
                        scaled(point, link.factor)
                    )
    return {
        dimension: {value: across(common, points) for value, points in values.items()}
        for dimension, values in found.items()
    }
