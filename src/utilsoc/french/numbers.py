"""Numbers as French readers write them, without the locale module: `1 234,5`, `12 %`, plurals."""

from __future__ import annotations

NARROW_NBSP = "\u202f"


def format_number(value: float, decimals: int | None = None) -> str:
    """`1234.5` → `1 234,5` (narrow no-break space between thousands, minus sign `−`).

    Whole numbers show no decimals, others one (two below 10), unless `decimals` is given.
    """
    trim = decimals is None
    if decimals is None:
        decimals = 0 if float(value).is_integer() else (1 if abs(value) >= 10 else 2)
    text = f"{abs(value):,.{decimals}f}".replace(",", NARROW_NBSP).replace(".", ",")
    if trim and "," in text:
        text = text.rstrip("0").rstrip(",")
    return ("−" if value < 0 and text.strip("0,") else "") + text


def format_percent(value: float) -> str:
    """`12.0` → `12 %` (the value is already in percent)."""
    return f"{format_number(value)}{NARROW_NBSP}%"


def format_amount(value: float) -> str:
    """`1234.5` → `1 234,50 €`."""
    return f"{format_number(value, 2)}{NARROW_NBSP}€"


def format_signed(value: float, decimals: int | None = None) -> str:
    """`+1,4`, `−0,5`, `0`: a difference always shows its sign (the real minus sign)."""
    text = format_number(value, decimals)
    return "+" + text if value > 0 and text.strip("0,") else text


def shared_decimals(values: list[float], kind: str) -> int:
    """The one number of decimals every figure of an indicator is shown with.

    Amounts: cents only if some value has cents. Rates: one decimal (none if all are
    whole). Other numbers: as many as the most precise value needs, at most two below 10
    and one above.

    Why: « 7,9 % » in a table and « 7,89 % » under its chart read as two figures.
    """
    if kind == "montant":
        return 2 if any(round(v, 2) != round(v) for v in values) else 0
    most = 1 if kind == "taux" or any(abs(v) >= 10 for v in values) else 2
    needed = 0
    for value in values:
        while needed < most and round(value, needed) != round(value, most):
            needed += 1
    return needed


def plural(count: float, singular: str, plural_form: str | None = None) -> str:
    """`2 indicateurs`, `1 indicateur`, `0 indicateur`: French takes the singular below 2.

    The count is written with `format_number` (`1,4 point`).
    """
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{format_number(count)} {word}"
