"""Drawing one chart: structure and data, French numbers, reproducible bytes.

Never SVG bytes against a file: the tests read what the drawing says.
"""

from __future__ import annotations

import re

import pytest

from utilsoc.report import drawing
from utilsoc.report.drawing import Chart, draw_svg

SERIES = Chart(
    "serie",
    "Élèves accompagnés",
    ["2024-2025", "2025-2026"],
    [120.0, 150.5],
    "élèves",
    100.0,
    160.0,
)


def test_series_chart_has_its_data_french_ticks_and_no_metadata() -> None:
    svg = draw_svg(SERIES)
    assert svg.startswith("<svg")
    assert "<metadata>" not in svg
    assert "Élèves accompagnés" in svg  # real text, searchable
    assert "2025-2026" in svg
    assert svg.count("stroke-dasharray") >= 2  # baseline and target lines


# Any number-like text, so a tick written `1000` or `0.5` is caught, not skipped.
NUMBER_TEXT = re.compile(r">(-?[\d.,\u202f\u2212]+)</text>")
FRENCH_NUMBER = re.compile(r"\u2212?\d{1,3}(\u202f\d{3})*(,\d+)?")


@pytest.mark.parametrize(
    ("values", "tick"), [([1500.0, 4200.0], "1\u202f000"), ([0.4, 1.3], "0,25")]
)
def test_y_ticks_are_written_as_french_numbers(values: list[float], tick: str) -> None:
    """Thousands apart by a narrow space, a decimal comma: `1 000`, `0,25`, never `0.25`."""
    svg = draw_svg(Chart("barres", "Graduations", ["a", "b"], values))
    ticks = NUMBER_TEXT.findall(svg)
    assert tick in ticks
    assert all(FRENCH_NUMBER.fullmatch(text) for text in ticks), ticks


def test_same_chart_same_bytes_and_key() -> None:
    assert draw_svg(SERIES) == draw_svg(SERIES)
    other = Chart(
        "serie",
        "Élèves accompagnés",
        ["2024-2025", "2025-2026"],
        [120.0, 151.0],
        "élèves",
        100.0,
        160.0,
    )
    assert other.key != SERIES.key


def test_bars_and_entry_exit_draw() -> None:
    bars = draw_svg(Chart("barres", "Par site", ["Brest", "Quimper"], [3.0, 5.0]))
    assert "Brest" in bars
    pairs = draw_svg(Chart("entree_sortie", "Confiance", ["moyenne"], [2.0], second=[3.5]))
    assert "entrée" in pairs
    assert "sortie" in pairs


def _series_variety() -> list[Chart]:
    months = [f"{m:02d}/2025" for m in range(1, 13)]
    return [
        Chart("serie", "A", months, [float(m * m) for m in range(12)], "u", 3.0, 200.0),
        Chart("serie", "B", months, [5000.0 - m for m in range(12)], "u", 250.0, 20.0),
        Chart("serie", "C", months[:5], [-4.0, 2.0, 9.5, 1.0, 0.0], "%", None, 12.0),
        Chart("serie", "D", ["T1", "T2", "T3"], [1.0, 2.0, 3.0], "", None, None),
        Chart("serie", "E", months, [0.3] * 12, "u", 3.0, 4000.0),
        Chart("serie", "F", ["T1", "T2", "T3"], [10.0, 20.0, 15.0], "", None, None),
        Chart("serie", "G", months[:5], [7.0, 8.0, 6.0, 5.0, 4.0], "%", None, 1.0),
    ]


def test_reused_figures_draw_the_same_bytes_as_fresh_ones() -> None:
    """A report's charts never depend on the order they were drawn in (or on the worker)."""
    variety = _series_variety()
    in_sequence = [draw_svg(chart) for chart in variety + variety[::-1]]
    for index, chart in enumerate(variety + variety[::-1]):
        drawing._SERIES_FIGURES.clear()
        assert draw_svg(chart) == in_sequence[index], chart.title


def test_y_axis_shows_values_baseline_and_target_from_zero() -> None:
    for chart in _series_variety():
        low, high = drawing._series_figure(chart).axes[0].get_ylim()
        shown = [*chart.values, *(x for x in (chart.baseline, chart.target) if x is not None)]
        assert low == min(0.0, *chart.values), chart.title
        assert high > max(shown), chart.title


def test_long_series_label_a_dozen_periods_ending_with_the_latest() -> None:
    months = [f"{m % 12 + 1:02d}/{2017 + m // 12}" for m in range(100)]
    chart = Chart("serie", "Cent mois", months, [float(m) for m in range(100)], "u")
    svg = draw_svg(chart)
    shown = [label for label in months if f">{label}</text>" in svg]
    assert 6 <= len(shown) <= 12
    assert shown[-1] == months[-1]
    assert svg.count("<use ") >= 100  # every value still has its marker
    assert chart.alt.count(" ; ") == 99  # and its place in the text alternative


ENTRY_EXIT = Chart(
    "entree_sortie",
    "Sentiment d'isolement (questionnaire d'entrée et de sortie, rempli avec le bénévole "
    "visiteur) : moyenne à l'entrée et à la sortie",
    ["moyenne"],
    [4.8],
    "points sur 5",
    second=[4.9],
    scale=(1.0, 5.0),
)


def _drawn(chart: Chart):
    """The figure of `chart`, laid out as it is saved, and its renderer."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    drawing._configure(chart.key)
    figure = drawing.figure_of(chart)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return figure, canvas.get_renderer()


def test_entry_exit_chart_spans_the_scale_with_a_whole_title_and_the_legend_off_the_bars():
    figure, renderer = _drawn(ENTRY_EXIT)
    axes = figure.axes[0]
    assert axes.get_ylim() == (1.0, 5.0)  # the score's scale, not from zero
    page = figure.bbox
    title = axes._left_title.get_window_extent(renderer)  # the title is on the left
    assert page.x0 <= title.x0
    assert title.x1 <= page.x1
    assert title.y1 <= page.y1
    assert "bénévole" in axes.get_title("left")  # the whole title, wrapped
    legend = axes.get_legend().get_window_extent(renderer)
    for bar in axes.patches:
        assert not legend.overlaps(bar.get_window_extent(renderer))
    assert legend.overlaps(page)  # and still on the page
    svg = draw_svg(ENTRY_EXIT)
    assert ">0</text>" not in svg  # no tick below the scale


def _line_path(svg: str, colour: str) -> str:
    """The `d` of the data line drawn in `colour` (drawn before its legend's sample)."""
    return re.findall(rf'<path d="([^"]*)"[^>]*style="fill: none;[^"]*stroke: {colour};', svg)[0]


def test_a_running_total_and_its_targets_break_between_target_periods() -> None:
    """T4 2024 → T1 2025 is no fall: each year's running total is a line of its own."""
    chart = Chart(
        "serie",
        "Heures",
        ["T3 2024", "T4 2024", "T1 2025", "T2 2025"],
        [10.0, 25.0, 12.0, 30.0],
        targets=[35.0, 35.0, 40.0, 40.0],
        line="réalisé, cumulé sur l'année",
        colours=("#111111", "#222222", "#333333"),
        segments=[0, 0, 1, 1],
        target_segments=[0, 0, 1, 1],
    )
    for svg in (draw_svg(chart), draw_svg(chart)):  # fresh, then a reused figure
        assert _line_path(svg, "#111111").count("M") == 2
        assert _line_path(svg, "#333333").count("M") == 2
    joined = Chart(
        "serie", "Heures", chart.labels, chart.values, targets=chart.targets, colours=chart.colours
    )
    svg = draw_svg(joined)
    assert _line_path(svg, "#111111").count("M") == 1
    assert joined.key != chart.key


def test_a_tornado_draws_one_bar_per_assumption_around_the_base_and_a_line_at_one() -> None:
    labels = [f"hypothèse {n}" for n in range(5)]
    lows = [0.6, 1.1, 1.3, 1.4, 1.45]
    highs = [2.4, 1.9, 1.7, 1.6, 1.55]
    svg = draw_svg(
        Chart("tornade", "Sensibilité", labels, lows, baseline=1.5, target=1.0, second=highs)
    )
    assert len(re.findall(r'<g id="barre-tornade-\d+"', svg)) == 5
    assert svg.count('id="ligne-1-pour-1"') == 1
    assert "hypothèse 4" in svg
    assert "1 : 1" in svg
    # Each bar spans its two ratios: drawn widths are proportional to the ranges.
    edges = re.findall(r'<g id="barre-tornade-\d+">\s*<path d="M ([\d.]+) [\d.]+\s*L ([\d.]+)', svg)
    widths = [float(end) - float(start) for start, end in edges]
    spans = [high - low for low, high in zip(lows, highs, strict=True)]
    assert [round(w / widths[0], 3) for w in widths] == [round(s / spans[0], 3) for s in spans]
