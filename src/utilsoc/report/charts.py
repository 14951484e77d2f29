"""Charts of a report as SVG, cached by the hash of their description, drawn in workers.

Imported only by `report`. A second report on unchanged data draws nothing; a report
with many charts shares them between two processes; each chart the rendered text shows
takes the place of its placeholder. Drawing itself is in `drawing`.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from utilsoc.errors import UserError
from utilsoc.report.chart_spec import Chart
from utilsoc.report.drawing import draw_svg
from utilsoc.store.atomic import write_atomic
from utilsoc.store.cache import CACHE_FOLDER, CODE_STAMP

__all__ = ["PLACEHOLDER", "Chart", "Workers", "draw_svg", "insert_charts", "render_svgs"]

T = TypeVar("T")

PLACEHOLDER = "utilsoc:graphique:"
_PLACEHOLDERS = re.compile(re.escape(PLACEHOLDER) + r"([0-9a-f]{20})")
# Even altered: another case (`upper`) or URL-encoded (`urlencode`: « %3A » for « : »).
_ANY_PLACEHOLDER = re.compile(r"utilsoc(?::|%3a)graphique", re.IGNORECASE)


class Workers:
    """Two drawing processes, started when first needed or early on request.

    Why early: importing matplotlib and warming its font cache costs each worker about
    half a second; started before the report's data is read, the workers do it on the
    second core meanwhile. Use as a context manager: the processes end with it.

    A worker that dies (killed, out of memory) breaks the pool instead of hanging it, as
    `multiprocessing.Pool` would: the charts are then drawn here, one after the other.
    """

    def __init__(self, start: bool = False) -> None:
        self.pool: Any = None
        self._broken = False
        if start:
            self._start()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the processes now, whatever they are doing."""
        if self.pool is None:
            return
        # Workers still warming up (or drawing after Ctrl-C) would hold the exit: end them.
        terminate = getattr(self.pool, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
        else:  # before 3.14: `shutdown` forgets the processes, so take them first
            processes = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(1)
        self.pool = None

    def _start(self) -> None:
        if self.pool is not None or self._broken or (os.cpu_count() or 1) < 2:
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.pool = ProcessPoolExecutor(
            2, mp_context=multiprocessing.get_context(method), initializer=_warm_up
        )
        self.pool.submit(int)  # the executor starts its processes with a first task

    def draw(self, charts: list[Chart]) -> list[str]:
        """Each chart's SVG, in order; in the workers when there are enough to share."""
        return self.map(draw_svg, charts)

    def map(self, draw: Callable[[Chart], T], charts: list[Chart]) -> list[T]:
        """`draw` (a module-level function) applied to each chart, shared when worth it."""
        if len(charts) >= 8:
            self._start()
        if self.pool is None or len(charts) < 8:
            return [draw(chart) for chart in charts]
        from concurrent.futures.process import BrokenProcessPool

        try:
            return list(self.pool.map(draw, charts, chunksize=8))
        except BrokenProcessPool:
            self.close()
            self._broken = True
            return [draw(chart) for chart in charts]


def _warm_up() -> None:
    """Import matplotlib and fill its caches; a failure here only means a slower first chart."""
    try:
        draw_svg(Chart("serie", "Échauffement", ["1er trimestre 2025"], [1.0]))
    except Exception:  # noqa: BLE001 -- the real drawing will report the real error
        return


def render_svgs(
    charts: Iterable[Chart], cache: Path | None, workers: Workers | None = None
) -> dict[str, str]:
    """SVG text of each chart by key, drawing only those not in the cache."""
    wanted = {chart.key: chart for chart in charts}
    result: dict[str, str] = {}
    missing = []
    for key, chart in wanted.items():
        svg = _cached_svg(cache / f"{key}.svg") if cache else None
        if svg is None:
            missing.append(chart)
        else:
            result[key] = svg
    if workers is None:
        with Workers() as own:
            drawn = own.draw(missing)
    else:
        drawn = workers.draw(missing)
    for chart, svg in zip(missing, drawn, strict=True):
        result[chart.key] = svg
        if cache is not None:
            _store_svg(cache / f"{chart.key}.svg", svg)
    return result


def _cached_svg(path: Path) -> str | None:
    """A chart drawn by an earlier run, unless missing or cut short."""
    try:
        svg = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return svg if svg.rstrip().endswith("</svg>") else None


def _store_svg(path: Path, svg: str) -> None:
    """Keep a drawn chart: renamed into place, so a killed run leaves no half file.

    Not synced to disk (a cache): a chart cut short by a power cut is drawn again.
    """
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(svg, encoding="utf-8")
        temporary.replace(path)
    except OSError:  # a cache that cannot be written: the chart is drawn next time
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def chart_cache(root: Path) -> Path:
    """Where the drawn charts of the folder `root` are kept: one folder per code version.

    The charts of another version are removed (they would never be read again).
    """
    base = root / CACHE_FOLDER / "graphiques"
    if base.is_dir() and not (base / CODE_STAMP).is_dir():
        for old in base.iterdir():
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    old.unlink()
    return base / CODE_STAMP


def insert_charts(
    text: str,
    charts: dict[str, Chart],
    template: str,
    beside: Path | None,
    cache: Path,
    workers: Workers,
) -> str:
    """Draw the charts the rendered text shows and put them in place of their placeholders.

    HTML (`beside` None) gets each chart inline as a data URI; Markdown links to
    `NOM_graphiques/KEY.svg`, written next to the report `beside` (and stale charts of an
    earlier report removed).

    Raises:
        UserError: the `template` altered a placeholder, so its chart cannot be put in.
    """
    found = _PLACEHOLDERS.findall(text)
    if len(_ANY_PLACEHOLDER.findall(text)) != sum(key in charts for key in found):
        raise UserError(
            f"le modèle « {template} » a modifié l'adresse d'un graphique "
            f"(« {PLACEHOLDER}… ») : le graphique ne peut pas être inséré",
            "écrivez {{ graphique.src }} tel quel, sans filtre, "
            "ou utilisez la macro graphique de « _macros »",
        )
    svgs = render_svgs([charts[key] for key in sorted(set(found))], cache, workers)
    sources = _data_uris(svgs) if beside is None else _svg_files(svgs, beside)
    return _PLACEHOLDERS.sub(lambda match: sources.get(match[1], match[0]), text)


def _data_uris(svgs: dict[str, str]) -> dict[str, str]:
    return {
        key: "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        for key, svg in svgs.items()
    }


def _svg_files(svgs: dict[str, str], report: Path) -> dict[str, str]:
    """Write each chart in `NOM_graphiques/` beside `report`; remove the ones it no longer shows."""
    folder = f"{report.stem}_graphiques"
    sources = {key: f"{folder}/{key}.svg" for key in svgs}
    for key, svg in svgs.items():
        write_atomic(report.parent / sources[key], svg)
    stale = report.parent / folder
    if stale.is_dir():
        for old in stale.glob("*.svg"):
            if old.stem not in svgs:
                old.unlink()
    return sources
