"""A spreadsheet cell read as a period, a day, a number or a text."""

from __future__ import annotations

import datetime as dt

import pytest

from utilsoc.actions.import_cells import as_day, cell_number, cell_text, date_text, row_period
from utilsoc.model.correspondance import Correspondance
from utilsoc.model.periods import Period


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2025-03-15", dt.date(2025, 3, 15)),
        ("15/03/2025", dt.date(2025, 3, 15)),
        (dt.datetime(2025, 3, 15, 10, 30), dt.date(2025, 3, 15)),
        ("2025-02-30", None),
        ("2025-T1", None),
        (2025.0, None),
    ],
)
def test_a_day_is_read_from_a_date_cell_or_its_french_or_iso_text(cell, day) -> None:
    assert as_day(cell) == day


def test_cells_as_text_and_numbers_as_a_spreadsheet_gives_them() -> None:
    assert [cell_text(v) for v in (12.0, 3.5, True, "", None)] == ["12", "3.5", "true", None, None]
    assert [cell_number(v) for v in ("1\u202f234,5", 7, "", None)] == [1234.5, 7.0, None, None]
    with pytest.raises(ValueError, match="nombre attendu, « 4 80 » lu"):
        cell_number("4 80")


def test_a_row_period_from_its_cell_or_the_mapping_or_none() -> None:
    fixed = Correspondance.model_validate({"auteur": "a", "période": "2025-T2"})
    assert row_period("", fixed, None, []) == Period.parse("2025-T2")
    assert row_period(2024.0, fixed, None, []) == Period.parse("2024")
    with pytest.raises(ValueError, match="période manquante"):
        row_period(None, Correspondance.model_validate({"auteur": "a"}), None, [])


def test_the_date_of_a_record_is_the_cell_s_or_today() -> None:
    assert date_text(dt.date(2025, 1, 2)) == "2025-01-02"
    assert date_text("") == dt.date.today().isoformat()
