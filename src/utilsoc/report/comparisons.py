"""Comparisons in a report: values from outside beside the association's, and two groups' gains.

The gaps are computed in `utilsoc.compute.comparisons` and `utilsoc.compute.questionnaires`;
here they become plain data and words in the report's language (`utilsoc.langue`):
« taux du territoire : 18 % (INSEE, 2022, QPV de Brest) », « écart : −5,2 points ».
"""

from __future__ import annotations

from typing import Any

from utilsoc.compute.comparisons import comparison_gaps
from utilsoc.compute.questionnaires import GainGap
from utilsoc.langue import N_, _, current
from utilsoc.model.comparaison import Comparaison
from utilsoc.model.referentiel import Indicateur, Sens
from utilsoc.report.filters import format_value

NOT_CAUSAL = N_(
    "L'écart entre les deux groupes ne suffit pas à établir que l'action en est la cause : "
    "les deux groupes peuvent différer par d'autres traits que l'accompagnement."
)
COMPARISON_GROUP = N_("groupe de comparaison")


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
            "annee_libelle": current().year_heading(fact.comparison.annee),
            "perimetre": fact.comparison.perimetre,
            "nature": None if fact.comparison.nature is None else fact.comparison.nature.value,
            "detail": detail(fact.comparison),
            "ecart": fact.gap,
            "favorable": fact.better,
        }
        for fact in comparison_gaps(indicator, number)
    ]


def detail(comparison: Comparaison) -> str:
    """« INSEE, 2022, QPV de Brest »: where the figure comes from, when and on whom.

    The year as the report's language writes a convention's years: « 2023-2024 » in
    French, "2023–2024 school year" in English.
    """
    year = current().year_heading(comparison.annee)
    parts = (comparison.source, year, comparison.perimetre)
    return ", ".join(part for part in parts if part)


def line_label(comparison: dict[str, Any]) -> str:
    """A chart's reference line: « taux du territoire (INSEE, 2022) », its year as `detail`'s."""
    parts = (comparison["source"], comparison["annee_libelle"])
    origin = ", ".join(part for part in parts if part)
    return f"{comparison['libelle']} ({origin})"


def word_gaps(indicator: dict[str, Any]) -> None:
    """Write each comparison in the indicator's unit and precision, once it is known.

    `ecart_texte`: « écart : +5 points »; `texte`, the whole (for a spreadsheet's cell):
    « taux du territoire : 18 % (INSEE, 2022, QPV de Brest), écart : +5 points ».
    """
    for comparison in indicator["comparaisons"]:
        gap = comparison["ecart"]
        words = None if gap is None else _("écart : %(gap)s") % {"gap": gap_words(gap, indicator)}
        value = format_value(comparison["valeur"], indicator)
        whole = _("%(label)s : %(value)s (%(detail)s)") % {
            "label": comparison["libelle"],
            "value": value,
            "detail": comparison["detail"],
        }
        comparison["ecart_texte"] = words
        comparison["texte"] = whole if words is None else f"{whole}, {words}"


def gap_words(gap: float, indicator: dict[str, Any]) -> str:
    """`+5,2 points` for a rate in %, `−12 élèves`, `+1 200 €`: signed, in the unit."""
    langue = current()
    decimals = indicator.get("decimales")
    signed = langue.signed(gap, decimals)
    shown = abs(round(gap, 2 if decimals is None else decimals))
    if indicator["type"] == "montant":
        return langue.signed_money(gap, decimals)
    unit = indicator["unite"]
    if indicator["type"] == "taux" and unit in ("", "%"):
        return langue.with_unit(signed, shown, _("point"), _("points"))
    return langue.with_unit(signed, shown, unit, indicator.get("unite_pluriel"))


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
    langue = current()
    change = _("évolution moyenne") if sens is Sens.BAISSE else _("gain moyen")
    sought = (gap.difference > 0 and sens is Sens.HAUSSE) or (
        gap.difference < 0 and sens is Sens.BAISSE
    )
    values = {
        "own": _people(gap.pairs, own=True),
        "other": _people(gap.comparison_pairs, own=False),
        "who": f" ({description})" if description else "",
        "change": change,
        "gain": langue.signed(gap.gain, 2),
        "other_gain": langue.signed(gap.comparison_gain, 2),
        "difference": _difference(gap.difference, unit),
    }
    text = (
        _(
            "%(own)s : %(change)s %(gain)s ; %(other)s%(who)s : %(change)s %(other_gain)s ; "
            "différence entre les deux groupes : %(difference)s, dans le sens recherché."
        )
        if sought
        else _(
            "%(own)s : %(change)s %(gain)s ; %(other)s%(who)s : %(change)s %(other_gain)s ; "
            "différence entre les deux groupes : %(difference)s."
        )
    )
    return {
        "libelle": description or _(COMPARISON_GROUP),
        "participants": gap.comparison_pairs,
        "gain": gap.comparison_gain,
        "ecart": gap.difference,
        "texte": text % values,
        "prudence": _(NOT_CAUSAL),
    }


def _people(count: int, *, own: bool) -> str:
    """« 12 personnes accompagnées », « 1 personne du groupe de comparaison »."""
    langue = current()
    text = (
        langue.ngettext("%(n)s personne accompagnée", "%(n)s personnes accompagnées", count)
        if own
        else langue.ngettext(
            "%(n)s personne du groupe de comparaison",
            "%(n)s personnes du groupe de comparaison",
            count,
        )
    )
    return text % {"n": langue.number(count)}


def _difference(difference: float, unit: str) -> str:
    """« +0,45 point »: the gap between the groups' gains, in the score's unit."""
    langue = current()
    signed, shown = langue.signed(difference, 2), abs(round(difference, 2))
    if unit:
        return langue.with_unit(signed, shown, unit)
    return langue.with_unit(signed, shown, _("point"), _("points"))
