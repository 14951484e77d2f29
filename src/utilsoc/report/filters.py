"""Report filters for the French of figures and labels: gaps, signs, counts, articles.

Used by `render`'s Jinja environment; each returns text ready for a template.
"""

from __future__ import annotations

from typing import Any

from utilsoc.french import NARROW_NBSP, format_number, format_signed, plural
from utilsoc.french.grammar import lower_first, of_label


class UserText(str):
    """Text from the association's files: escaped when a Markdown template outputs it."""

    __slots__ = ()


def euros(number: float, decimals: int) -> str:
    """`5 420,35 €`, or `46 800 €` when the indicator shows no cents."""
    return f"{format_number(number, decimals)}{NARROW_NBSP}€"


def format_gap(value: Any, indicator: dict[str, Any]) -> str:
    """A gap to the target in the indicator's precision, signed: `+4`, `−1 200 €`, `0`."""
    if value is None or indicator["type"] in ("oui_non", "qualitatif"):
        return "—"  # a yes or no is reached or not: no gap to show
    text = format_signed(float(value), indicator.get("decimales"))
    return f"{text}{NARROW_NBSP}€" if indicator["type"] == "montant" else text


def signed(value: Any, decimals: int | None = None) -> str:
    """`{{ g.gain | signe }}` → « +0,67 », « −0,5 »: a change shows its sign."""
    return "—" if value is None else format_signed(float(value), decimals)


def count_of(count: Any, singular: str, plural_form: str | None = None) -> str:
    """`{{ n | pluriel("indicateur suivi", "indicateurs suivis") }}` → « 1 indicateur suivi »."""
    return plural(float(count), singular, plural_form)


def lower_first_filter(label: Any) -> str:
    """`par {{ v.libelle | minuscule }}` → « par tranche d'âge » (an acronym keeps its case)."""
    return UserText(lower_first(str(label)))


def of_label_filter(label: Any) -> str:
    """`Évolution {{ i.libelle | de }}` → « Évolution du nombre d'élèves »."""
    return UserText(of_label(str(label)))
