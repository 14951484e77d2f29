"""What each chart of a report shows: a `Chart` description for each picture of the context.

An indicator gets its time series at the rhythm of its targets and a bar chart per
breakdown; a questionnaire its entry and exit means. Nothing is drawn here (`charts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from utilsoc.langue import N_, _, current
from utilsoc.report.chart_spec import Chart
from utilsoc.report.charts import PLACEHOLDER
from utilsoc.report.comparisons import line_label

MAX_BARS = 12

Palette = tuple[str, str, str]
Wanted = tuple[dict[str, Any], Chart]  # the context's item that shows the chart, the chart


def attach_charts(context: dict[str, Any], charts: str) -> dict[str, Chart]:
    """Put a picture (or None) on every indicator, breakdown and gain; return the charts.

    `charts`: "aucun" for no picture at all. A picture's `src` is a placeholder until the
    template has been rendered: only the charts the template shows are then drawn (a
    one-page card draws none).
    """
    colours = context["association"]["couleurs"]
    palette = (colours["principale"], colours["secondaire"], colours["accent"])
    wanted = [
        *_indicator_charts(context["indicateurs"].values(), palette),
        *_gains_charts(context["gains"], palette),
    ]
    if charts == "aucun":
        return {}
    for item, chart in wanted:
        item["graphique"] = {"alt": chart.alt, "titre": chart.title, "src": PLACEHOLDER + chart.key}
    return {chart.key: chart for _, chart in wanted}


def _indicator_charts(indicators: Iterable[dict[str, Any]], palette: Palette) -> Iterator[Wanted]:
    """Each indicator's series, then its breakdowns' bars (a table instead past MAX_BARS)."""
    for indicator in indicators:
        indicator["graphique"] = None
        chart = series_chart(indicator, palette)
        if chart is not None:
            yield indicator, chart
        for breakdown in indicator["ventilation"]:
            breakdown["graphique"] = None
            if len(breakdown["parts"]) <= MAX_BARS:
                yield breakdown, bars_chart(indicator, breakdown, palette)


def _gains_charts(all_gains: list[dict[str, Any]], palette: Palette) -> Iterator[Wanted]:
    """Each questionnaire's entry and exit means, on its score's scale."""
    for gains in all_gains:
        gains["graphique"] = None
        scale = gains["echelle"]
        labels, entries, exits = [_("moyenne")], [gains["entree"]], [gains["sortie"]]
        other = gains.get("comparaison")
        if other is not None:  # both groups side by side, each with its N
            labels = [
                _("personnes accompagnées (N = %(n)s)") % {"n": gains["participants"]},
                _("groupe de comparaison (N = %(n)s)") % {"n": other["participants"]},
            ]
            entries.append(other["entree"])
            exits.append(other["sortie"])
        yield (
            gains,
            Chart(
                "entree_sortie",
                _("%(label)s : moyenne à l'entrée et à la sortie") % {"label": gains["libelle"]},
                labels,
                entries,
                gains["unite"],
                second=exits,
                colours=palette,
                scale=None if scale is None else (scale["min"], scale["max"]),
                langue=current().code,
            ),
        )


def series_chart(indicator: dict[str, Any], palette: Palette) -> Chart | None:
    """The indicator's values at the rhythm of its targets: never a quarter under a year's."""
    points = indicator["courbe"]
    if not points or indicator["type"] in ("qualitatif", "oui_non"):
        return None
    reference = indicator["reference"]
    return Chart(
        "serie",
        indicator["libelle"],
        [p["court"] for p in points],
        [p["valeur"] for p in points],
        indicator["unite"],
        reference["valeur"] if reference else None,
        colours=palette,
        plural=indicator.get("unite_pluriel"),
        decimals=indicator.get("decimales"),
        references=[(line_label(c), c["valeur"]) for c in indicator.get("comparaisons", [])],
        **_lines(points),
        langue=current().code,
    )


def _lines(points: list[dict[str, Any]]) -> dict[str, Any]:
    """The targets of the points, the legend of their values and where both lines break."""
    targets = [p["cible"] for p in points]
    if all(t is None for t in targets):
        targets = []
    running = next((p["cumul"] for p in points if p["cumul"]), None)
    spans = segments([p.get("tranche") for p in points])
    return {
        "targets": targets,
        "line": _(_RUNNING.get(running or "", DONE)),
        "segments": spans if running else [],
        "target_segments": spans if targets else [],
    }


DONE = N_("réalisé")
# The legend of a running total, by the kind of period it is summed over.
_RUNNING = {
    "annee": N_("réalisé, cumulé sur l'année"),
    "annee_scolaire": N_("réalisé, cumulé sur l'année scolaire"),
    "semestre": N_("réalisé, cumulé sur le semestre"),
    "trimestre": N_("réalisé, cumulé sur le trimestre"),
    "plage": N_("réalisé, cumulé sur la période de la cible"),
}


def segments(spans: list[str | None]) -> list[int]:
    """Each point's segment, counted from 0, a new one where the span changes; [] for one.

    Why: a running total starts again with each target period; joining T4 2024 to
    T1 2025 would draw a fall that never happened.
    """
    numbers = [0]
    for previous, span in zip(spans, spans[1:], strict=False):
        numbers.append(numbers[-1] + (span != previous))
    return numbers if numbers[-1] else []


def bars_chart(indicator: dict[str, Any], breakdown: dict[str, Any], palette: Palette) -> Chart:
    """One bar per value of a breakdown's dimension, over the report's period."""
    return Chart(
        "barres",
        f"{indicator['libelle']} {breakdown['par']} ({breakdown['periode']})",
        [p["valeur"] for p in breakdown["parts"]],
        [p["nombre"] for p in breakdown["parts"]],
        indicator["unite"],
        colours=palette,
        plural=indicator.get("unite_pluriel"),
        decimals=indicator.get("decimales"),
        langue=current().code,
    )
