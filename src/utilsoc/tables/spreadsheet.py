"""Spreadsheets in and out: CSV (`;` or `,`, UTF-8 ± BOM) and XLSX, French-Excel friendly."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from utilsoc.errors import DataErrors, Issue, UsageError
from utilsoc.french import format_number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    """Rows of a spreadsheet as text, with the header and where each row came from."""

    file: str
    header: list[str]
    rows: list[tuple[int, dict[str, Any]]]


def read_table(path: Path, display: str) -> Table:
    """Read a CSV or XLSX file into rows keyed by header.

    Raises:
        UsageError: unknown extension or missing file.
        DataErrors: wrong encoding, formulas, empty file.
    """
    if not path.is_file():
        raise UsageError(f"fichier introuvable : {display}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path.read_bytes(), display)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, display)
    raise UsageError(f"{display} : format non reconnu", "utilisez un fichier .csv ou .xlsx")


def _read_csv(raw: bytes, display: str) -> Table:
    from utilsoc.yamlio.decode import decode_text

    text, issues = decode_text(raw, display)
    if issues:
        raise DataErrors(issues)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines = list(reader)
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise DataErrors(
            [
                Issue(
                    display,
                    1,
                    1,
                    "tableau-vide",
                    "le fichier est vide",
                    "la première ligne doit porter les noms de colonnes",
                )
            ]
        )
    header = [cell.strip() for cell in lines[0]]
    rows = [
        (number, dict(zip(header, (c.strip() for c in row), strict=False)))
        for number, row in enumerate(lines[1:], start=2)
        if any(c.strip() for c in row)
    ]
    return Table(display, header, rows)


def _read_xlsx(path: Path, display: str) -> Table:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = book.worksheets[0]
        grid = [list(row) for row in sheet.iter_rows()]
    finally:
        book.close()
    formulas = [
        Issue(
            display,
            cell.row or 1,
            cell.column or 1,
            "formule",
            f"formule dans la cellule {cell.coordinate} : {cell.value}",
            "copiez puis « collage spécial → valeurs » avant d'importer",
        )
        for row in grid
        for cell in row
        if getattr(cell, "data_type", None) == "f"
    ]
    if formulas:
        raise DataErrors(formulas)
    if not grid:
        raise DataErrors(
            [
                Issue(
                    display,
                    1,
                    1,
                    "tableau-vide",
                    "la feuille est vide",
                    "la première ligne doit porter les noms de colonnes",
                )
            ]
        )
    header = [_cell_text(cell.value) for cell in grid[0]]
    rows = [
        (number, {h: _cell_value(c.value) for h, c in zip(header, row, strict=False)})
        for number, row in enumerate(grid[1:], start=2)
        if any(c.value not in (None, "") for c in row)
    ]
    return Table(display, header, rows)


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _cell_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip()
    return value


def protect(text: str) -> str:
    """Neutralise a text Excel would run as a formula (CWE-1236)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(path: Path | None, header: list[str], rows: Iterable[list[Any]]) -> str:
    """CSV for French Excel: UTF-8 with BOM, `;`, decimal comma, formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    text = "\ufeff" + buffer.getvalue()
    if path is not None:
        from utilsoc.store.atomic import write_atomic

        write_atomic(path, text)
    return text


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int | float):
        return format_number(float(value), None).replace("\u202f", "").replace("−", "-")
    return protect(str(value))


def write_xlsx(path: Path, header: list[str], rows: Iterable[list[Any]]) -> None:
    """XLSX with numbers as numbers and every text stored as text, never as a formula."""
    import openpyxl
    from openpyxl.cell.cell import TYPE_STRING

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "valeurs"
    sheet.append(header)
    for row in rows:
        sheet.append([None if v is None else v for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.value = protect(cell.value)
                cell.data_type = TYPE_STRING
    buffer = io.BytesIO()
    book.save(buffer)
    from utilsoc.store.atomic import write_atomic_bytes

    write_atomic_bytes(path, buffer.getvalue())
