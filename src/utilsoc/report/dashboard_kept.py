"""The dashboard kept for unchanged files: `status` answers at once the second time.

Why each indicator's parts (`ventilation`) are kept apart and given only when asked for:
a federation has a million of them, which the table in the terminal never shows; read
back with the rest, they were most of the time of a warm `status`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from utilsoc.report.dashboard import project_status

if TYPE_CHECKING:
    from utilsoc.folder import Gate
    from utilsoc.model.periods import Period

__all__ = ["folder_status"]


def folder_status(
    gate: Gate, period: Period, today: dt.date, *, chosen: bool, parts: bool = False
) -> dict[str, Any]:
    """The dashboard of the folder behind `gate`, kept for these files, period and day.

    Why the day: which values are missing depends on it. Each indicator's parts are in
    it only when `parts` is asked for (`status --format json`).
    """
    from utilsoc.store.cache import load_result, store_result

    key = f"{gate.digest}-{period.name}-{chosen}-{today.isoformat()}"
    data = load_result(gate.layout, "status", key)
    kept = load_result(gate.layout, _PARTS, key) if data is not None and parts else {}
    if data is not None and kept is not None:
        gate.admit()
        return _with_parts(dict(data), kept) if parts else dict(data)
    folder = gate.folder()
    assert folder.project.referentiel is not None  # admitted: the référentiel is valid
    data = project_status(folder.project.referentiel, folder.measures, period, today, chosen=chosen)
    kept = _without_parts(data)
    store_result(gate.layout, "status", key, data)
    store_result(gate.layout, _PARTS, key, kept)
    return _with_parts(data, kept) if parts else data


_PARTS = "status-ventilations"


def _items(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for domain in data["domaines"]:
        for criterion in domain["critères"]:
            yield from criterion["indicateurs"]


def _without_parts(data: dict[str, Any]) -> dict[str, Any]:
    """Each indicator's parts, taken out of the dashboard, by its code."""
    return {item["code"]: item.pop("ventilation") for item in _items(data)}


def _with_parts(data: dict[str, Any], parts: dict[str, Any]) -> dict[str, Any]:
    """The dashboard with each indicator's parts back in place (after its unit)."""
    for item in _items(data):
        ventilation = parts.get(item["code"], {})
        rebuilt = {}
        for name, value in item.items():
            rebuilt[name] = value
            if name == "unité":
                rebuilt["ventilation"] = ventilation
        item.clear()
        item.update(rebuilt)
    return data
