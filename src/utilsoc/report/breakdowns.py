"""Breakdowns as a report shows them: dimension names, values in their declared order.

The figures come from `utilsoc.compute.breakdown`; here they get their words.
"""

from __future__ import annotations

from typing import Any

from utilsoc.compute.breakdown import Breakdown, breakdowns, crossings, unfilled
from utilsoc.compute.points import Series
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Dimension
from utilsoc.report.wording import by_dimension, partial_span

Dimensions = dict[str, Dimension]


def breakdown_context(
    series: Series, period: Period, dimensions: Dimensions
) -> list[dict[str, Any]]:
    """Per dimension, the values over the report's period (`ventilation`)."""
    result = []
    for found in breakdowns(series, period):
        name = found.dimensions[0]
        parts = [
            {"valeur": values[0], "nombre": point.number}
            for values, point in _ordered(found, dimensions)
            if point.number is not None
        ]
        if parts:
            result.append(
                {**_about(name, dimensions), "periode": _span(found, period), "parts": parts}
            )
    return result


def crossing_context(
    series: Series, period: Period, dimensions: Dimensions
) -> list[dict[str, Any]]:
    """Per pair of dimensions recorded together, the crossed table (`croisements`)."""
    result = []
    for found in crossings(series, period):
        rows_name, columns_name = found.dimensions
        rows = _declared({v[0] for v in found.cells}, rows_name, dimensions)
        columns = _declared({v[1] for v in found.cells}, columns_name, dimensions)
        result.append(
            {
                "lignes": _about(rows_name, dimensions),
                "colonnes": _about(columns_name, dimensions) | {"valeurs": columns},
                "rangees": [
                    {
                        "valeur": row,
                        "nombres": [_number(found, (row, column)) for column in columns],
                    }
                    for row in rows
                ],
                "periode": _span(found, period),
            }
        )
    return result


def unfilled_context(series: Series, period: Period, dimensions: Dimensions) -> list[str]:
    """Names of the declared dimensions no value fills over the period."""
    return [_about(name, dimensions)["nom"] for name in unfilled(series, period)]


def _about(name: str, dimensions: Dimensions) -> dict[str, Any]:
    """A dimension's code, name, and « par … » as a title says it."""
    dimension = dimensions.get(name)
    label = dimension.nom if dimension else name
    return {"dimension": name, "nom": label, "par": by_dimension(label)}


def _ordered(found: Breakdown, dimensions: Dimensions) -> list[tuple[tuple[str, ...], Any]]:
    order = _declared({v[0] for v in found.cells}, found.dimensions[0], dimensions)
    return sorted(found.cells.items(), key=lambda item: order.index(item[0][0]))


def _declared(values: set[str], name: str, dimensions: Dimensions) -> list[str]:
    """`values` in the order the référentiel declares them (others after, sorted)."""
    dimension = dimensions.get(name)
    declared = [v for v in (dimension.valeurs if dimension else []) if v in values]
    return declared + sorted(values - set(declared))


def _number(found: Breakdown, values: tuple[str, ...]) -> float | None:
    point = found.cells.get(values)
    return None if point is None else point.number


def _span(found: Breakdown, period: Period) -> str:
    """The report's period, or the periods the parts cover when they cover only part of it."""
    if found.coverage >= 0.995:
        return period.label
    return partial_span(period, found.periods)
