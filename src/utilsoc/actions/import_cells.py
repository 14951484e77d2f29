"""One cell of an imported spreadsheet read as a value: a period, a day, a number, a text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from utilsoc.actions.typed import canonical_text
from utilsoc.check.values import parse_number, parse_value
from utilsoc.model.correspondance import Champ, Correspondance
from utilsoc.model.periods import Kind, Period, period_containing
from utilsoc.model.referentiel import Referentiel

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_FRENCH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def row_period(
    value: Any, mapping: Correspondance, referentiel: Referentiel | None, codes: list[Any]
) -> Period:
    """The row's period; a day stands for the period of the indicators' frequency.

    Raises:
        ValueError: no period, or one that cannot be read (French message).
    """
    if value in (None, ""):
        if mapping.periode is None:
            raise ValueError("période manquante")
        return mapping.periode
    value = as_day(value) or value
    if isinstance(value, dt.date) and referentiel is not None:
        return _period_of_day(value, referentiel, codes)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return Period.parse(str(value))


def _period_of_day(day: dt.date, referentiel: Referentiel, codes: list[Any]) -> Period:
    """The period containing `day` in the frequency the row's indicators share."""
    indicators = referentiel.indicators()
    known = [indicators[code] for code in map(str, codes) if code in indicators]
    kinds = {ind.frequence.kind for ind in known}
    if len(kinds) == 1 and Kind.PLAGE not in kinds:
        return period_containing(day, kinds.pop())
    frequencies = sorted({ind.frequence.value for ind in known})
    why = ""
    if len(frequencies) > 1:
        why = f" (fréquences différentes : {', '.join(frequencies)})"
    elif Kind.PLAGE in kinds:
        why = " (indicateur ponctuel : sa période est une plage de dates)"
    raise ValueError(f"date {day.isoformat()} : indiquez plutôt la période{why}")


def day_as_period(mapping: Correspondance, row: dict[str, Any]) -> dt.date | None:
    """The day in the row's period cell, when the period column holds dates."""
    column = mapping.colonnes.get(Champ.PERIODE)
    return as_day(row.get(column)) if column else None


def as_day(value: Any) -> dt.date | None:
    """A day, from a spreadsheet date cell or a CSV text (`2025-03-15`, `15/03/2025`)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _text_date(value) if isinstance(value, str) else None


def _text_date(text: str) -> dt.date | None:
    """A day written in a CSV cell, `2025-03-15` or `15/03/2025`, as a spreadsheet gives it."""
    text = text.strip()
    try:
        if match := _ISO_DAY.fullmatch(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _FRENCH_DAY.fullmatch(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None  # 2025-02-30: left to the period's own message
    return None


def date_text(value: Any) -> str:
    """The record's date: the cell's day, its text, or today when the cell is empty."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value) if value not in (None, "") else dt.date.today().isoformat()


def value_text(raw: Any, referentiel: Referentiel | None, code: str) -> str | None:
    """The cell as a record writes it (`3,5` → `3.5` for a number), None when empty.

    Raises:
        ValueError: the cell does not fit the indicator (French message).
    """
    text = cell_text(raw)
    indicator = referentiel.indicators().get(code) if referentiel else None
    if indicator is None or text is None:
        return text
    return canonical_text(parse_value(indicator, text, comma=True))


def cell_text(value: Any) -> str | None:
    """A cell as text: `12` for the number 12.0, `true` for a ticked box, None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cell_number(value: Any) -> float | None:
    """A cell as a number (a decimal comma accepted), None when empty.

    Raises:
        ValueError: not a number (French message).
    """
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return float(value)
    return parse_number(str(value), comma=True)
