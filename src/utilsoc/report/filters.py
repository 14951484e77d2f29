"""Report filters for the French of figures and labels: values, gaps, signs, counts.

Used by `render`'s Jinja environment; each returns text ready for a template.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from utilsoc.french.grammar import lower_first
from utilsoc.langue import _, current


class UserText(str):
    """Text from the association's files: escaped when a Markdown template outputs it."""

    __slots__ = ()


def euros(number: float, decimals: int | None) -> str:
    """`5 420,35 €`, or `46 800 €` when the indicator shows no cents."""
    return current().money(number, decimals)


def format_number(value: float, decimals: int | None = None) -> str:
    """`1 234,5` in the report's language."""
    return current().number(value, decimals)


def with_unit(number_text: str, count: float, unit: str, plural: str | None = None) -> str:
    """`3 élèves`, `1 élève`: the number and the unit in the form its count takes."""
    return current().with_unit(number_text, count, unit, plural)


def format_gap(value: Any, indicator: dict[str, Any]) -> str:
    """A gap to the target in the indicator's precision, signed: `+4`, `−1 200 €`, `0`."""
    if value is None or indicator["type"] in ("oui_non", "qualitatif"):
        return "—"  # a yes or no is reached or not: no gap to show
    if indicator["type"] == "montant":
        return current().signed_money(float(value), indicator.get("decimales"))
    return current().signed(float(value), indicator.get("decimales"))


def signed(value: Any, decimals: int | None = None) -> str:
    """`{{ g.gain | signe }}` → « +0,67 », « −0,5 »: a change shows its sign."""
    return "—" if value is None else current().signed(float(value), decimals)


def signed_euros(value: Any, decimals: int = 2) -> str:
    """`{{ l.ecart | signe_euros }}` → « −2 232,00 € », a gap in euros with its sign."""
    return "—" if value is None else current().signed_money(float(value), decimals, " ")


def count_of(count: Any, singular: str, plural_form: str | None = None) -> str:
    """`{{ n | pluriel("indicateur suivi", "indicateurs suivis") }}` → « 1 indicateur suivi »."""
    return current().count(float(count), singular, plural_form)


def lower_first_filter(label: Any) -> str:
    """`par {{ v.libelle | minuscule }}` → « par tranche d'âge » (an acronym keeps its case)."""
    return UserText(lower_first(str(label)))


def of_label_filter(label: Any) -> str:
    """`Évolution {{ i.libelle | de }}` → « Évolution du nombre d'élèves »."""
    return UserText(current().of_label(str(label)))


def number_filter(value: Any, decimals: int | None = None) -> str:
    """`{{ x | nombre }}` → « 1 234,5 »."""
    return "—" if value is None else format_number(float(value), decimals)


def amount_filter(value: Any) -> str:
    """`{{ x | montant }}` → « 1 234,50 € »."""
    return "—" if value is None else current().money(float(value))


def percent_filter(value: Any) -> str:
    """`{{ 0.62 | pourcent }}` → « 62 % »."""
    return "—" if value is None else current().percent(round(float(value) * 100))


def format_value(value: Any, indicator: dict[str, Any]) -> str:
    """A value as the indicator's type reads: `1 234 €`, `82,5 %`, `oui`, `12 élèves`.

    The result holds the association's own words (a unit, a text): it stays user text.
    """
    if value is None:
        return UserText("—")
    if isinstance(value, str):
        return UserText(value)
    if indicator["type"] == "oui_non":
        return UserText(_("oui") if value >= 0.5 else _("non"))
    writer = _WRITERS.get(indicator["type"], _with_unit)
    return UserText(writer(float(value), indicator))


def format_headline(value: Any, indicator: dict[str, Any]) -> str:
    """A headline figure, rounded: `5 420 €` (no cents), `37 %`, `139 élèves`, `1,4 point`.

    Why: a figure on a card or a poster is read at a glance; precision lives in the report.
    Below 10 a number keeps one decimal, so a score of 3,4 out of 5 does not become 3.
    """
    if value is None or isinstance(value, str) or indicator["type"] == "oui_non":
        return format_value(value, indicator)
    number = float(value)
    if indicator["type"] == "montant":
        return UserText(current().money(round(number), None))
    rounded = (
        round(number) if abs(number) >= 10 or indicator["type"] == "taux" else round(number, 1)
    )
    # The report's one precision would write « 6,0 % » beside a table saying 5,7 %.
    return format_value(float(rounded), {**indicator, "decimales": None})


def _amount(number: float, indicator: dict[str, Any]) -> str:
    decimals = indicator.get("decimales")
    return current().money(number) if decimals is None else euros(number, decimals)


def _rate(number: float, indicator: dict[str, Any]) -> str:
    """A percentage (a rate with another unit reads as any number with its unit)."""
    if indicator["unite"] not in ("", "%"):
        return _with_unit(number, indicator)
    decimals = indicator.get("decimales")
    if decimals is None:
        return current().percent(round(number, 1))
    return current().percent(number, decimals)


def _with_unit(number: float, indicator: dict[str, Any]) -> str:
    decimals = indicator.get("decimales")
    shown = round(number, 2 if decimals is None else decimals)
    unit = indicator["unite"]
    return with_unit(format_number(number, decimals), shown, unit, indicator.get("unite_pluriel"))


_WRITERS: dict[str, Callable[[float, dict[str, Any]], str]] = {"montant": _amount, "taux": _rate}


def css_class(status: str) -> str:
    """`en bonne voie` → `statut-en-bonne-voie`."""
    return "statut-" + re.sub(r"[^a-z]+", "-", status.replace("é", "e").replace("à", "a"))
