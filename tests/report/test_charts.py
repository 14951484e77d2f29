"""Charts of a report: drawn once, kept in a cache, shared between worker processes."""

from __future__ import annotations

import functools
import os
import signal
import time
from pathlib import Path

import pytest

from utilsoc.report import charts, drawing
from utilsoc.report.charts import Chart, draw_svg, render_svgs

SERIES = Chart(
    "serie",
    "Élèves accompagnés",
    ["2024-2025", "2025-2026"],
    [120.0, 150.5],
    "élèves",
    100.0,
    160.0,
)


def test_cached_charts_are_not_drawn_again(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "graphiques"
    first = render_svgs([SERIES], cache)
    calls = []
    monkeypatch.setattr(charts, "draw_svg", lambda chart: calls.append(chart) or "")
    again = render_svgs([SERIES], cache)
    assert again == first
    assert calls == []


def test_a_cached_chart_cut_short_is_drawn_again(tmp_path: Path) -> None:
    cache = tmp_path / "graphiques"
    svg = render_svgs([SERIES], cache)[SERIES.key]
    kept = cache / f"{SERIES.key}.svg"
    assert kept.read_text(encoding="utf-8") == svg
    kept.write_text(svg[: len(svg) // 2], encoding="utf-8")  # a power cut mid-write
    assert render_svgs([SERIES], cache)[SERIES.key] == svg
    assert kept.read_text(encoding="utf-8") == svg
    assert [p.name for p in cache.iterdir()] == [kept.name]  # no temporary file left


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


def test_many_charts_are_shared_between_workers_with_the_same_bytes() -> None:
    variety = _series_variety() * 2  # more than enough for the workers (8)
    with charts.Workers() as workers:
        drawn = workers.draw(variety)
        if (os.cpu_count() or 1) >= 2:
            assert workers.pool is not None
    drawing._SERIES_FIGURES.clear()
    assert drawn == [draw_svg(chart) for chart in variety]


def _dies_in_a_worker(parent: int, chart: Chart) -> str:
    if os.getpid() != parent and chart.title == "C":
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return draw_svg(chart)


@pytest.mark.skipif(
    (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"), reason="no forked drawing processes"
)
def test_a_worker_dying_while_drawing_does_not_hang_the_report(monkeypatch) -> None:
    """`multiprocessing.Pool` would wait forever for the charts of a dead worker."""
    variety = _series_variety() * 2
    real = charts.draw_svg
    # The workers are forked: they see the patched function, and this process id.
    monkeypatch.setattr(charts, "draw_svg", functools.partial(_dies_in_a_worker, os.getpid()))
    with charts.Workers(start=True) as workers:
        drawn = workers.draw(variety)
        assert workers.pool is None  # given up: the charts were drawn here
    drawing._SERIES_FIGURES.clear()
    assert drawn == [real(chart) for chart in variety]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no drawing processes")
def test_workers_end_with_their_block_even_while_warming_up() -> None:
    """Not left to finish warming up (half a second) nor to draw after Ctrl-C: ended."""
    with charts.Workers(start=True) as workers:
        processes = list(workers.pool._processes.values())
        assert len(processes) == 2
    deadline = time.monotonic() + 10
    while any(process.is_alive() for process in processes) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [process.exitcode for process in processes] == [-signal.SIGTERM] * 2
