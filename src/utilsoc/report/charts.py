"""Charts as SVG: matplotlib's Figure API (no pyplot), byte-identical for identical data.

Imported only by `report`. Each chart is described by a plain `Chart` (kind, labels,
values, reference lines); the SVG is cached by the hash of that description, so a second
report on unchanged data draws nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from utilsoc.numbers import format_number

_STYLE_VERSION = "1"


@dataclass(frozen=True)
class Chart:
    """What to draw: a time series, bars per dimension value, or entry/exit pairs."""

    kind: str  # "serie", "barres" or "entree_sortie"
    title: str
    labels: list[str]
    values: list[float]
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    second: list[float] = field(default_factory=list)
    colours: tuple[str, str, str] = ("#1F5F8B", "#E07A1F", "#3A9D5D")

    @property
    def key(self) -> str:
        """Hash of the description: the cache key and the chart's stable id."""
        data = json.dumps([_STYLE_VERSION, asdict(self)], sort_keys=True, ensure_ascii=False)
        return hashlib.blake2b(data.encode(), digest_size=10).hexdigest()

    @property
    def alt(self) -> str:
        """A French text alternative listing the values, for screen readers."""
        unit = f" {self.unit}" if self.unit else ""
        points = " ; ".join(
            f"{label} : {format_number(value)}{unit}"
            for label, value in zip(self.labels, self.values, strict=False)
        )
        if self.kind == "entree_sortie":
            points = " ; ".join(
                f"{label} : entrée {format_number(a)}, sortie {format_number(b)}"
                for label, a, b in zip(self.labels, self.values, self.second, strict=False)
            )
        extra = ""
        if self.baseline is not None:
            extra += f" ; référence {format_number(self.baseline)}{unit}"
        if self.target is not None:
            extra += f" ; cible {format_number(self.target)}{unit}"
        return f"{self.title}. {points}{extra}."


def render_svgs(charts: Iterable[Chart], cache: Path | None) -> dict[str, str]:
    """SVG text of each chart by key, drawing only those not in the cache."""
    wanted = {chart.key: chart for chart in charts}
    result: dict[str, str] = {}
    missing = []
    for key, chart in wanted.items():
        cached = cache / f"{key}.svg" if cache else None
        if cached is not None and cached.exists():
            result[key] = cached.read_text(encoding="utf-8")
        else:
            missing.append(chart)
    for chart, svg in zip(missing, _draw_all(missing), strict=True):
        result[chart.key] = svg
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            (cache / f"{chart.key}.svg").write_text(svg, encoding="utf-8")
    return result


def _draw_all(charts: list[Chart]) -> list[str]:
    """Draw in two worker processes when there are many charts (×1.9 on 2 cores)."""
    if len(charts) < 8 or (os.cpu_count() or 1) < 2:
        return [draw_svg(chart) for chart in charts]
    import multiprocessing

    # fork where it exists: workers start without importing matplotlib again.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(min(2, os.cpu_count() or 1)) as pool:
        return pool.map(draw_svg, charts, chunksize=8)


def draw_svg(chart: Chart) -> str:
    """One chart as a standalone SVG document, without date or random ids."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    matplotlib.rcParams.update(
        {
            "svg.hashsalt": chart.key,
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "font.size": 9,
        }
    )
    figure = Figure(figsize=(6.4, 3.2), dpi=100)
    figure.subplots_adjust(left=0.12, right=0.97, top=0.86, bottom=0.3)
    axes = figure.add_subplot()
    _DRAWERS[chart.kind](axes, chart)
    axes.set_title(chart.title, loc="left", fontsize=10, color="#222222")
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_major_formatter(_french_ticks())
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    buffer = io.StringIO()
    figure.savefig(
        buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None}
    )
    return _clean(buffer.getvalue())


def _series(axes: Any, chart: Chart) -> None:
    main, second, accent = chart.colours
    positions = list(range(len(chart.labels)))
    axes.plot(positions, chart.values, marker="o", color=main, linewidth=2, label="réalisé")
    if chart.baseline is not None:
        axes.axhline(
            chart.baseline, color="#888888", linestyle=":", linewidth=1.2, label="référence"
        )
    if chart.target is not None:
        axes.axhline(chart.target, color=accent, linestyle="--", linewidth=1.4, label="cible")
    _labels(axes, positions, chart.labels)
    axes.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=3)
    low = min([0.0, *chart.values])
    axes.set_ylim(bottom=low)


def _bars(axes: Any, chart: Chart) -> None:
    positions = list(range(len(chart.labels)))
    axes.bar(positions, chart.values, color=chart.colours[0], width=0.6)
    _labels(axes, positions, chart.labels)


def _entry_exit(axes: Any, chart: Chart) -> None:
    positions = list(range(len(chart.labels)))
    width = 0.38
    axes.bar(
        [p - width / 2 for p in positions],
        chart.values,
        width,
        color=chart.colours[1],
        label="entrée",
    )
    axes.bar(
        [p + width / 2 for p in positions],
        chart.second,
        width,
        color=chart.colours[0],
        label="sortie",
    )
    axes.set_xticks(positions, chart.labels)
    axes.legend(frameon=False, fontsize=8)


def _labels(axes: Any, positions: list[int], labels: list[str]) -> None:
    """Horizontal labels when they fit, slanted (anchored on their end) otherwise."""
    crowded = sum(len(label) for label in labels) > 60
    axes.set_xticks(
        positions,
        labels,
        rotation=25 if crowded else 0,
        ha="right" if crowded else "center",
        rotation_mode="anchor",
    )
    axes.margins(x=0.08)


_DRAWERS = {"serie": _series, "barres": _bars, "entree_sortie": _entry_exit}


def _french_ticks() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: format_number(value))


def _clean(svg: str) -> str:
    """Drop the XML prologue and the <metadata> block (dc:title is invalid HTML)."""
    start = svg.index("<svg")
    svg = svg[start:]
    head, sep, tail = svg.partition("<metadata>")
    if sep:
        svg = head + tail.split("</metadata>", 1)[1]
    return svg
