"""`export`: one tidy row per current value, for a spreadsheet."""

from __future__ import annotations

from typing import Any

from utilsoc.model.mesures import Mesure
from utilsoc.model.referentiel import Referentiel


def tidy_rows(referentiel: Referentiel, records: list[Mesure]) -> tuple[list[str], list[list[Any]]]:
    """Header and rows: indicateur, libellé, période, valeur, parts of rates, dimensions..."""
    dimensions = [d.code for d in referentiel.dimensions]
    extra = sorted({k for r in records for k in r.dimensions} - set(dimensions))
    columns = [*dimensions, *extra]
    header = [
        "indicateur",
        "libellé",
        "période",
        "valeur",
        "unité",
        "numérateur",
        "dénominateur",
        *columns,
        "note",
        "auteur",
        "date",
    ]
    indicators = referentiel.indicators()
    rows = []
    for record in sorted(records, key=lambda r: (r.indicateur, r.periode, r.key)):
        indicator = indicators.get(record.indicateur)
        rows.append(
            [
                record.indicateur,
                indicator.libelle if indicator else "",
                record.periode.name,
                _typed(record.valeur),
                indicator.unite if indicator else None,
                record.numerateur,
                record.denominateur,
                *[record.dimensions.get(c) for c in columns],
                record.note,
                record.auteur,
                record.date.isoformat(),
            ]
        )
    return header, rows


def _typed(value: str | None) -> Any:
    if value is None:
        return None
    if value in ("true", "false"):
        return value == "true"
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() else number
