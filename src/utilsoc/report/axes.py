"""What every kind of chart shares: words, axis labels and numbers, reference lines.

Words and numbers are in the chart's language; a reference line is a value from outside.
"""

from __future__ import annotations

from typing import Any

from utilsoc.langue import N_, langue
from utilsoc.report.chart_spec import Chart

# The legend's words, in the chart's language (a worker process has no report language).
BASELINE, TARGET, ENTRY, EXIT = N_("référence"), N_("cible"), N_("entrée"), N_("sortie")
BASE_RATIO = N_("ratio de base")


def word(chart: Chart, text: str) -> str:
    """One of the legend's words (marked with `N_`), in the chart's language."""
    return langue(chart.langue).gettext(text)


def number_ticks(code: str) -> Any:
    """The value axis's numbers as the chart's language writes them: `1 234,5`, `1,234.5`."""
    from matplotlib.ticker import FuncFormatter

    number = langue(code).number
    return FuncFormatter(lambda value, _position: number(value))


MAX_LABELS = 12


def shown_ticks(labels: list[str]) -> tuple[list[int], list[str]]:
    """At most a dozen period labels, evenly spaced and always the latest one.

    Why: a hundred months under one axis are unreadable (and their ticks are what costs
    most to draw); every value stays in the chart and in its text alternative.
    """
    step = max(1, -(-len(labels) // MAX_LABELS))
    positions = list(range(len(labels) - 1, -1, -step))[::-1]
    return positions, [labels[p] for p in positions]


def crowded(labels: list[str]) -> bool:
    """Whether the labels shown are too long to stand side by side (their widest lines)."""
    shown = shown_ticks(labels)[1]
    return sum(max(len(line) for line in label.split("\n")) for label in shown) > 60


ONE_LINE = 12  # characters of a period's label on one line under its tick


def period_ticks(labels: list[str]) -> list[str]:
    """Periods' labels as their ticks read them: "2024–2025 school year" on two lines.

    Why: an English school year is twice as wide as any other period's label; under the
    last point of a series it would run off the figure. French labels are never that
    long, so French charts keep their drawings.
    """
    return [
        label.replace(" ", "\n", 1) if len(label) > ONE_LINE and " " in label else label
        for label in labels
    ]


def set_labels(axes: Any, labels: list[str]) -> None:
    """Horizontal labels when they fit, slanted (anchored on their end) otherwise."""
    slanted = crowded(labels)
    positions, shown = shown_ticks(labels)
    axes.set_xticks(
        positions,
        shown,
        rotation=25 if slanted else 0,
        ha="right" if slanted else "center",
        rotation_mode="anchor",
    )
    axes.margins(x=0.08)


def reference_line(axes: Any, label: str, value: float) -> None:
    """A value from outside: a dashed grey line across the axis, its label written on it.

    Why written on the line, not in the legend: the source and year stay with the line
    when the chart is copied alone, and a long label does not crowd the legend.
    """
    from matplotlib.transforms import blended_transform_factory

    axes.axhline(value, color=REFERENCE_COLOUR, linestyle=(0, (6, 3)), linewidth=1.2)
    axes.text(
        0.99,
        value,
        label,
        transform=blended_transform_factory(axes.transAxes, axes.transData),
        ha="right",
        va="bottom",
        fontsize=7.5,
        color=REFERENCE_COLOUR,
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.0},
    )


REFERENCE_COLOUR = "#4d4d4d"
