"""Comparisons in a report: values from outside beside the association's, and two groups' gains.

The gaps are computed in `utilsoc.compute.comparisons` and `utilsoc.compute.questionnaires`;
here they become plain data and French: « taux du territoire : 18 % (INSEE, 2022, QPV de
Brest) », « écart : −5,2 points ».
"""

from __future__ import annotations

from typing import Any

from utilsoc.compute.comparisons import comparison_gaps
from utilsoc.compute.questionnaires import GainGap
from utilsoc.french import NARROW_NBSP, format_signed, plural
from utilsoc.french.grammar import with_unit
from utilsoc.model.comparaison import Comparaison
from utilsoc.model.referentiel import Indicateur, Sens
from utilsoc.report.filters import format_value

NOT_CAUSAL = (
    "L'écart entre les deux groupes ne suffit pas à établir que l'action en est la cause : "
    "les deux groupes peuvent différer par d'autres traits que l'accompagnement."
)
COMPARISON_GROUP = "groupe de comparaison"


def comparisons_context(indicator: Indicateur, value: Any) -> list[dict[str, Any]]:
    """Each comparison of `indicator` as a template shows it, with the gap of `value` to it.

    The gap's words (`ecart_texte`) wait for the indicator's one precision: see
    `word_gaps`.
    """
    number = value if isinstance(value, int | float) else None
    return [
        {
            "libelle": fact.comparison.libelle,
            "valeur": fact.comparison.valeur,
            "source": fact.comparison.source,
            "annee": fact.comparison.annee.name,
            "perimetre": fact.comparison.perimetre,
            "nature": None if fact.comparison.nature is None else fact.comparison.nature.value,
            "detail": detail(fact.comparison),
            "ecart": fact.gap,
            "favorable": fact.better,
        }
        for fact in comparison_gaps(indicator, number)
    ]


def detail(comparison: Comparaison) -> str:
    """« INSEE, 2022, QPV de Brest »: where the figure comes from, when and on whom."""
    parts = (comparison.source, comparison.annee.name, comparison.perimetre)
    return ", ".join(part for part in parts if part)


def line_label(comparison: dict[str, Any]) -> str:
    """A chart's reference line: « taux du territoire (INSEE, 2022) »."""
    origin = ", ".join(part for part in (comparison["source"], comparison["annee"]) if part)
    return f"{comparison['libelle']} ({origin})"


def word_gaps(indicator: dict[str, Any]) -> None:
    """Write each comparison in the indicator's unit and precision, once it is known.

    `ecart_texte`: « écart : +5 points »; `texte`, the whole (for a spreadsheet's cell):
    « taux du territoire : 18 % (INSEE, 2022, QPV de Brest), écart : +5 points ».
    """
    for comparison in indicator["comparaisons"]:
        gap = comparison["ecart"]
        words = None if gap is None else f"écart : {gap_words(gap, indicator)}"
        value = format_value(comparison["valeur"], indicator)
        whole = f"{comparison['libelle']} : {value} ({comparison['detail']})"
        comparison["ecart_texte"] = words
        comparison["texte"] = whole if words is None else f"{whole}, {words}"


def gap_words(gap: float, indicator: dict[str, Any]) -> str:
    """`+5,2 points` for a rate in %, `−12 élèves`, `+1 200 €`: signed, in the unit."""
    decimals = indicator.get("decimales")
    signed = format_signed(gap, decimals)
    shown = abs(round(gap, 2 if decimals is None else decimals))
    if indicator["type"] == "montant":
        return f"{signed}{NARROW_NBSP}€"
    unit = indicator["unite"]
    if indicator["type"] == "taux" and unit in ("", "%"):
        unit = "points"
    return with_unit(signed, shown, unit, indicator.get("unite_pluriel"))


def gain_gap_context(
    gap: GainGap | None, description: str | None, unit: str = "", sens: Sens = Sens.HAUSSE
) -> dict[str, Any] | None:
    """Both groups' mean gains, their difference and their Ns, with the caution to read it.

    `description`: who the comparison group is (the référentiel's `groupe_comparaison`);
    `unit`: the score's unit (« points » without one); `sens`: the score's direction (for
    a feeling of isolation, the change sought is a fall).
    """
    if gap is None:
        return None
    own = plural(gap.pairs, "personne accompagnée", "personnes accompagnées")
    other = plural(
        gap.comparison_pairs, f"personne du {COMPARISON_GROUP}", f"personnes du {COMPARISON_GROUP}"
    )
    who = f" ({description})" if description else ""
    change = "évolution moyenne" if sens is Sens.BAISSE else "gain moyen"
    difference = with_unit(
        format_signed(gap.difference, 2), abs(round(gap.difference, 2)), unit or "points"
    )
    sought = (gap.difference > 0 and sens is Sens.HAUSSE) or (
        gap.difference < 0 and sens is Sens.BAISSE
    )
    return {
        "libelle": description or COMPARISON_GROUP,
        "participants": gap.comparison_pairs,
        "gain": gap.comparison_gain,
        "ecart": gap.difference,
        "texte": f"{own} : {change} {format_signed(gap.gain, 2)} ; {other}{who} : {change} "
        f"{format_signed(gap.comparison_gain, 2)} ; différence entre les deux groupes : "
        f"{difference}{', dans le sens recherché' if sought else ''}.",
        "prudence": NOT_CAUSAL,
    }
