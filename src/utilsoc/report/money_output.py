"""What the money templates add once their data is ready (fresh or cached): chart, refusal.

Kept apart from `money_context` so that a report on unchanged data imports neither the
models nor the computation.
"""

from __future__ import annotations

from typing import Any

from utilsoc.errors import UserError
from utilsoc.langue import _, current
from utilsoc.report.chart_spec import Chart
from utilsoc.report.charts import PLACEHOLDER

MONEY_TEMPLATES = ("compte-rendu", "sroi")
MAX_TORNADO_BARS = 12


def attach_tornado(context: dict[str, Any], charts: str) -> dict[str, Chart]:
    """The SROI report's tornado chart, on `context["sroi"]["graphique"]`; its description."""
    sroi = context.get("sroi")
    if not sroi or charts == "aucun" or not sroi["sensibilite"]:
        return {}
    colours = context["association"]["couleurs"]
    rows = sroi["sensibilite"][:MAX_TORNADO_BARS]
    chart = Chart(
        "tornade",
        _("Sensibilité du ratio SROI à chaque hypothèse"),
        [row["hypothese"] for row in rows],
        [row["ratio_min"] for row in rows],
        baseline=sroi["totaux"]["ratio"],
        target=1.0,
        second=[row["ratio_max"] for row in rows],
        colours=(colours["principale"], colours["secondaire"], colours["accent"]),
        langue=current().code,
    )
    sroi["graphique"] = {"alt": chart.alt, "titre": chart.title, "src": PLACEHOLDER + chart.key}
    return {chart.key: chart}


def refuse_unexplained(context: dict[str, Any]) -> None:
    """`--final`: refuse while a significant gap of the budget has no explanation.

    Raises:
        UserError: listing each line to explain, with its gap.
    """
    report = context.get("compte_rendu")
    if not report or not report["ecarts_a_expliquer"]:
        return
    from utilsoc.french import format_signed

    listed = " ; ".join(
        f"compte {line['compte']} ({line['libelle']}, "
        + (
            f"{format_signed(line['ecart_part'] * 100, 0)} %)"
            if line["ecart_part"] is not None
            else "non prévu)"
        )
        for line in report["ecarts_a_expliquer"]
    )
    count = len(report["ecarts_a_expliquer"])
    noun = "1 écart" if count == 1 else f"{count} écarts"
    raise UserError(
        f"compte rendu final refusé : {noun} à expliquer au-delà du seuil : {listed}",
        f"ajoutez explication: à chaque ligne dans budgets/{report['budget']}.yaml "
        "(explication: sous bénévolat: pour les heures)",
    )
