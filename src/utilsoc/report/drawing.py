"""Drawing a chart as SVG: matplotlib's Figure API (no pyplot), same bytes for same data.

`draw_svg` turns a `Chart` (see `chart_spec`) into a standalone SVG. matplotlib is
imported only when a chart is drawn.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from typing import Any

from utilsoc.report.axes import (
    BASE_RATIO,
    BASELINE,
    ENTRY,
    EXIT,
    TARGET,
    crowded,
    number_ticks,
    period_ticks,
    reference_line,
    set_labels,
    shown_ticks,
    word,
)
from utilsoc.report.chart_spec import Chart

__all__ = ["Chart", "draw_svg", "figure_of"]


def draw_svg(chart: Chart) -> str:
    """One chart as a standalone SVG document, without date or random ids.

    Time series, the bulk of a report, reuse a figure drawn for an earlier series of the
    same shape and only change its data (about 40 % faster: matplotlib's ticks, title and
    legend cost more than the data). The SVG is byte-identical to a fresh drawing, so the
    order in which charts are drawn never shows in a report.
    """
    _configure(chart.key)
    figure = figure_of(chart)
    buffer = io.StringIO()
    figure.savefig(
        buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None}
    )
    return _clean(buffer.getvalue())


def figure_of(chart: Chart) -> Any:
    """The matplotlib figure of `chart` (matplotlib configured by the caller)."""
    if chart.kind == "serie":
        return _series_figure(chart)
    figure = _new_figure(chart.langue)
    axes = figure.axes[0]
    _DRAWERS[chart.kind](axes, chart)
    lines = textwrap.wrap(chart.title, _TITLE_WIDTH) or [""]
    axes.set_title("\n".join(lines), **_TITLE)
    # Room above the axes for every line of the title: a long title is never cut.
    # (As much room in inches on a taller figure: a tornado grows with its bars.)
    room = 1 - min(0.86, 0.95 - 0.055 * len(lines))
    figure.subplots_adjust(top=1 - room * 3.0 / figure.get_figheight())
    return figure


# Characters of a title line that fit the figure's width at its font size.
_TITLE_WIDTH = 76

# y given: matplotlib then skips placing the title above the axes' ticks (a third of a chart).
_TITLE = {"loc": "left", "fontsize": 10, "color": "#222222", "y": 1.0, "pad": 6.0}


def _configure(salt: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {
            "svg.hashsalt": salt,
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "font.size": 9,
        }
    )


def _new_figure(code: str) -> Any:
    from matplotlib.figure import Figure

    # Wide and low: drawn across the page's width, under the indicator's figures.
    figure = Figure(figsize=(8.0, 3.0), dpi=100)
    figure.subplots_adjust(left=0.09, right=0.98, top=0.86, bottom=0.28)
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_major_formatter(number_ticks(code))
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    return figure


@dataclass
class _SeriesFigure:
    figure: Any
    line: Any
    title: Any
    baseline: Any
    target: Any


# One figure per shape of series, in each process; a report has few shapes.
_SERIES_FIGURES: dict[tuple[Any, ...], _SeriesFigure] = {}


def _series_figure(chart: Chart) -> Any:
    """The figure of a time series, drawn once per shape and then only given new data."""
    shape = (
        len(chart.labels),
        crowded(period_ticks(chart.labels)),
        chart.baseline is None,
        chart.target is None,
        not chart.targets,
        chart.line,
        chart.colours,
        chart.langue,
    )
    reused = _SERIES_FIGURES.get(shape)
    if chart.references:  # rare: drawn afresh, never kept for another series
        figure = _new_figure(chart.langue)
        _series(figure.axes[0], chart)
        figure.axes[0].set_title(chart.title, **_TITLE)
        return figure
    if reused is None:
        if len(_SERIES_FIGURES) >= 8:
            _SERIES_FIGURES.pop(next(iter(_SERIES_FIGURES)))
        figure = _new_figure(chart.langue)
        axes = figure.axes[0]
        lines = _series(axes, chart)
        title = axes.set_title(chart.title, **_TITLE)
        _SERIES_FIGURES[shape] = _SeriesFigure(figure, lines[0], title, lines[1], lines[2])
        return figure
    axes = reused.figure.axes[0]
    reused.line.set_data(*_broken(chart.values, chart.segments))
    if reused.baseline is not None:
        reused.baseline.set_ydata([chart.baseline, chart.baseline])
    if chart.targets:
        reused.target.set_data(*_broken(_target_line(chart), chart.target_segments))
    elif reused.target is not None:
        reused.target.set_ydata(_target_line(chart))
    reused.title.set_text(chart.title)
    axes.set_xticklabels(shown_ticks(period_ticks(chart.labels))[1])
    _fit_y(axes, chart)
    return reused.figure


def _series(axes: Any, chart: Chart) -> tuple[Any, Any, Any]:
    """Draw a time series; return its line, baseline and target (None when absent)."""
    main, second, accent = chart.colours
    (line,) = axes.plot(
        *_broken(chart.values, chart.segments),
        marker="o",
        color=main,
        linewidth=2,
        label=chart.line,
    )
    baseline = target = None
    if chart.baseline is not None:
        baseline = axes.axhline(
            chart.baseline,
            color="#888888",
            linestyle=":",
            linewidth=1.2,
            label=word(chart, BASELINE),
        )
    for label, value in chart.references:
        reference_line(axes, label, value)
    if chart.targets:
        # A step per point: each value meets its own period's target, and a lone point
        # still shows its target as a dash. Each target period's step stands alone.
        (target,) = axes.plot(
            *_broken(_target_line(chart), chart.target_segments),
            color=accent,
            linestyle="--",
            linewidth=1.4,
            drawstyle="steps-mid",
            marker="_",
            markersize=14,
            label=word(chart, TARGET),
        )
    elif chart.target is not None:
        target = axes.axhline(
            chart.target, color=accent, linestyle="--", linewidth=1.4, label=word(chart, TARGET)
        )
    set_labels(axes, period_ticks(chart.labels))
    axes.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3)
    _fit_y(axes, chart)
    return line, baseline, target


def _target_line(chart: Chart) -> list[float]:
    """The y of the target line: per point (NaN where none), or the one target twice."""
    if chart.targets:
        return [float("nan") if t is None else t for t in chart.targets]
    assert chart.target is not None
    return [chart.target, chart.target]


def _broken(values: list[float], segments: list[int]) -> tuple[list[float], list[float]]:
    """The x and y of a line at positions 0, 1, …, broken between segments.

    A point with no value (NaN) halfway between two segments makes matplotlib lift the pen
    there; markers stay on the values alone.
    """
    xs: list[float] = []
    ys: list[float] = []
    for position, value in enumerate(values):
        if segments and position and segments[position] != segments[position - 1]:
            xs.append(position - 0.5)
            ys.append(float("nan"))
        xs.append(position)
        ys.append(value)
    return xs, ys


def _fit_y(axes: Any, chart: Chart) -> None:
    """From zero (or the lowest value) to above the highest value, baseline and target."""
    axes.relim()
    axes.set_autoscaley_on(True)
    axes.autoscale_view(scalex=False)
    axes.set_ylim(bottom=min([0.0, *chart.values]))
    if chart.references:  # room above the highest line for its label, under the title
        bottom, top = axes.get_ylim()
        highest = max(value for _, value in chart.references)
        axes.set_ylim(top=max(top, highest + 0.15 * (max(top, highest) - bottom)))


def _bars(axes: Any, chart: Chart) -> None:
    positions = list(range(len(chart.labels)))
    axes.bar(positions, chart.values, color=chart.colours[0], width=0.6)
    set_labels(axes, chart.labels)


def _entry_exit(axes: Any, chart: Chart) -> None:
    """Entry and exit means side by side, on the score's scale, the legend under the axis.

    Bars rise from the bottom of the scale (a score of 1 out of 5 is the least possible).
    """
    positions = list(range(len(chart.labels)))
    width = 0.38
    bottom = chart.scale[0] if chart.scale else 0.0
    for shift, values, colour, label in (
        (-width / 2, chart.values, chart.colours[1], word(chart, ENTRY)),
        (width / 2, chart.second, chart.colours[0], word(chart, EXIT)),
    ):
        axes.bar(
            [p + shift for p in positions],
            [v - bottom for v in values],
            width,
            bottom=bottom,
            color=colour,
            label=label,
        )
    axes.set_xticks(positions, chart.labels)
    axes.margins(x=0.25)
    if chart.scale is not None:
        axes.set_ylim(*chart.scale)
    axes.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.15), ncols=2)


def _tornado(axes: Any, chart: Chart) -> None:
    """One horizontal bar per assumption around the base ratio, widest at the top.

    Each bar spans the ratio at both ends of its range; a dashed line marks 1 : 1, the
    point below which the estimate no longer repays the investment. Bars and the line
    carry SVG ids (`barre-tornade-N`, `ligne-1-pour-1`) so a reader can find them.
    """
    count = len(chart.labels)
    height = max(3.0, 1.3 + 0.42 * count)
    axes.figure.set_size_inches(8.0, height)
    axes.figure.subplots_adjust(left=0.34, bottom=0.8 / height)
    base = chart.baseline or 0.0
    for row, (low, high) in enumerate(zip(chart.values, chart.second, strict=False)):
        start, end = min(low, high), max(low, high)
        (bar,) = axes.barh([row], [end - start], left=start, height=0.6, color=chart.colours[0])
        bar.set_gid(f"barre-tornade-{row}")
    axes.axvline(base, color="#222222", linewidth=1.0, label=word(chart, BASE_RATIO))
    one = axes.axvline(1.0, color=chart.colours[1], linestyle="--", linewidth=1.4, label="1 : 1")
    one.set_gid("ligne-1-pour-1")
    axes.set_yticks(list(range(count)), ["\n".join(textwrap.wrap(x, 32)) for x in chart.labels])
    axes.invert_yaxis()
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.xaxis.set_major_formatter(number_ticks(chart.langue))
    axes.set_xlim(left=min(0.0, *chart.values, *chart.second))
    axes.figure.legend(frameon=False, fontsize=8, loc="lower center", ncols=2)


_DRAWERS = {"barres": _bars, "entree_sortie": _entry_exit, "tornade": _tornado}


def _clean(svg: str) -> str:
    """Drop the XML prologue and the <metadata> block (dc:title is invalid HTML)."""
    start = svg.index("<svg")
    svg = svg[start:]
    head, sep, tail = svg.partition("<metadata>")
    if sep:
        svg = head + tail.split("</metadata>", 1)[1]
    return svg
